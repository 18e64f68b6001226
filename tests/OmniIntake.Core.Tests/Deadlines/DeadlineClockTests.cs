using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Tests.Deadlines;

/// <summary>A clock's due time is the policy applied to what started it, whatever the case's receipt (issue 13).</summary>
public sealed class DeadlineClockTests
{
    private static readonly DefaultDeadlinePolicy Policy = new(BusinessCalendar.ChinaDefault());

    private static DateTimeOffset At(string local) => DateTimeOffset.Parse(local + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(ClockStart.Receipt, Channel.Sms, "2026-11-24T10:00:00", DeadlineKind.Forward, "2026-11-24T10:30:00")]
    [InlineData(ClockStart.Reopening, Channel.Email, "2026-11-26T21:00:00", DeadlineKind.Forward, "2026-11-27T10:00:00")]
    [InlineData(ClockStart.SendBack, Channel.Forum, "2026-11-28T15:00:00", DeadlineKind.Forward, "2026-11-28T23:59:59")]
    [InlineData(ClockStart.Forwarding, Channel.Email, "2026-11-27T16:00:00", DeadlineKind.OwnerAnswer, "2026-11-30T11:00:00")]
    [InlineData(ClockStart.Forwarding, Channel.Forum, "2026-11-24T10:00:00", DeadlineKind.PublicReply, "2026-11-24T14:00:00")]
    [InlineData(ClockStart.Classification, Channel.Chat, "2026-11-24T10:00:00", DeadlineKind.MajorFirstAnswer, "2026-11-25T10:00:00")]
    public void EachStart_OwesItsKind_DueFromThatStart(ClockStart start, Channel channel, string startedAt, DeadlineKind kind, string due)
    {
        var clock = start switch
        {
            ClockStart.Receipt => DeadlineClock.Receipt(At(startedAt)),
            ClockStart.Reopening => DeadlineClock.Reopening(At(startedAt)),
            ClockStart.SendBack => DeadlineClock.SendBack(At(startedAt)),
            ClockStart.Forwarding => DeadlineClock.Forwarding(channel, At(startedAt)),
            _ => DeadlineClock.Classification(At(startedAt)),
        };

        var owed = clock.Due(Policy, channel);

        Assert.Equal((kind, start, At(startedAt)), (clock.Kind, clock.StartedBy, clock.StartsAt));
        Assert.Equal((kind, At(due)), (owed.Kind, owed.DueAt));
    }

    [Theory]
    [InlineData(ClockStart.Reopening, new[] { DeadlineKind.OwnerAnswer, DeadlineKind.PublicReply })]
    [InlineData(ClockStart.SendBack, new[] { DeadlineKind.OwnerAnswer, DeadlineKind.PublicReply })]
    [InlineData(ClockStart.Forwarding, new DeadlineKind[0])]
    [InlineData(ClockStart.Receipt, new DeadlineKind[0])]
    [InlineData(ClockStart.Classification, new DeadlineKind[0])]
    public void BackInTheCentresQueue_EndsTheOwnersPhase(ClockStart transition, DeadlineKind[] ended) =>
        Assert.Equal(ended, DeadlineClock.EndedBy(transition));

    [Theory]
    [InlineData(ClockStart.Receipt, "receipt")]
    [InlineData(ClockStart.SendBack, "sendBack")]
    [InlineData(ClockStart.Classification, "classification")]
    public void Starts_AreStoredByName_AndReadBack(ClockStart start, string name)
    {
        Assert.Equal(name, start.ToName());
        Assert.True(ClockStartNames.TryParse(name, out var parsed));
        Assert.Equal(start, parsed);
        Assert.False(ClockStartNames.TryParse("7", out _));
        Assert.False(ClockStartNames.TryParse(null, out _));
    }
}
