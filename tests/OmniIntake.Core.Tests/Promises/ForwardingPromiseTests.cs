using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Policy;
using OmniIntake.Core.Promises;
using OmniIntake.Core.Text;

namespace OmniIntake.Core.Tests.Promises;

/// <summary>What a customer is told about when the complaint is forwarded (issue 16 item 3), from the default policy (5.2.2) and China's calendar.</summary>
public sealed class ForwardingPromiseTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.ChinaDefault();
    private static readonly ForwardingPromise Promise = new(new DefaultDeadlinePolicy(Calendar), Calendar.Zone);

    private static DateTimeOffset Shanghai(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(Languages.Chinese, "我们将在12月2日10:00前转交处理。")]
    [InlineData(Languages.English, "We will pass it to the team responsible by 2 Dec 10:00.")]
    public void OutsideWorkingHours_OnAWorkingDayEvening_TheTimeIsAnHourAfterTomorrowsStart(string language, string expected) =>
        // Tuesday 1 December 2026, 23:00: forwarded within 1 hour after work starts on Wednesday (09:00).
        Assert.Equal(expected, Promise.Describe(Channel.Chat, Shanghai(12, 1, 23, 0), language));

    [Fact]
    public void InWorkingHours_ItIsTodayWithinThirtyMinutes() =>
        Assert.Equal("我们将在今天10:45前转交处理。", Promise.Describe(Channel.Sms, Shanghai(12, 1, 10, 15), Languages.Chinese));

    [Fact]
    public void OnADayOff_ItIsTheSameDay() =>
        // Saturday 5 December 2026: the mailbox is watched, forwarded the same day (5.2.2).
        Assert.Equal("We will pass it to the team responsible today.", Promise.Describe(Channel.Email, Shanghai(12, 5, 11, 0), Languages.English));

    [Fact]
    public void BeforeWorkOnAWorkingDay_ItIsThisMorning() =>
        Assert.Equal("我们将在今天10:00前转交处理。", Promise.Describe(Channel.Chat, Shanghai(12, 2, 6, 30), Languages.Chinese));

    [Fact]
    public void AskedAfterTheTime_TheRulesTimeIsToldAndNothingNewIsPromised()
    {
        var due = Promise.DueAt(Channel.Chat, Shanghai(12, 1, 23, 0));
        var text = Promise.Sentence(due, Shanghai(12, 2, 11, 0), Languages.Chinese);
        Assert.Equal("按规定，您的投诉应在12月2日10:00前转交处理，我们会尽快答复您。", text);
    }
}
