using OmniIntake.Dialogs.Definitions;
using OmniIntake.Dialogs.Extraction;

namespace OmniIntake.Dialogs.Tests.Extraction;

public sealed class FieldReaderTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // Tuesday 24 November 2026, 10:30 in Shanghai.
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("昨天下午三点", "2026-11-23 15:00")]
    [InlineData("昨天下午3点半", "2026-11-23 15:30")]
    [InlineData("前天晚上八点", "2026-11-22 20:00")]
    [InlineData("今天上午9:15", "2026-11-24 09:15")]
    [InlineData("上周五下午两点", "2026-11-20 14:00")]
    [InlineData("星期日", "2026-11-22")]
    [InlineData("11月20日", "2026-11-20")]
    [InlineData("2026年11月3日上午10点", "2026-11-03 10:00")]
    [InlineData("12月30日", "2025-12-30")]
    [InlineData("3天前", "2026-11-21")]
    [InlineData("昨天下午", "2026-11-23 下午")]
    [InlineData("yesterday 3pm", "2026-11-23 15:00")]
    [InlineData("last Friday 9am", "2026-11-20 09:00")]
    [InlineData("Nov 20 at 3:30 pm", "2026-11-20 15:30")]
    [InlineData("20 November", "2026-11-20")]
    [InlineData("2026-11-19 18:45", "2026-11-19 18:45")]
    [InlineData("this morning", "2026-11-24 上午")]
    [InlineData("2 days ago", "2026-11-22")]
    [InlineData("晚上8点", "2026-11-23 20:00")] // later than now today: it was yesterday evening
    public void Dates_AreReadInTheOrganisationsZone(string text, string expected) =>
        Assert.Equal(expected, ChineseAndEnglishDates.Read(text, Now, Shanghai)?.Value);

    [Theory]
    [InlineData("电梯坏了")]
    [InlineData("the lift is broken")]
    [InlineData("明天")]
    public void NoDate_OrAFutureOne_IsNotADate(string text) => Assert.Null(ChineseAndEnglishDates.Read(text, Now, Shanghai));

    [Theory]
    [InlineData("13800138000", "+8613800138000")]
    [InlineData("我的电话是 138-0013-8000，谢谢", "+8613800138000")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("010-62345678", "+861062345678")]
    public void Phones_AreE164(string text, string expected) => Assert.Equal(expected, FieldReaders.Phone(text)?.Value);

    [Theory]
    [InlineData("123")]
    [InlineData("电梯坏了三天")]
    public void NotAPhone(string text) => Assert.Null(FieldReaders.Phone(text));

    [Theory]
    [InlineData("我的邮箱是 Wang.Li@Example.COM 谢谢", "wang.li@example.com")]
    [InlineData("mail me at a+b@example.org", "a+b@example.org")]
    public void Emails(string text, string expected) => Assert.Equal(expected, FieldReaders.Email(text)?.Value);

    [Theory]
    [InlineData("我叫张三", false, "张三")]
    [InlineData("My name is Li Lei.", false, "Li Lei")]
    [InlineData("王先生", true, "王先生")]
    [InlineData("电梯坏了三天", false, null)]
    [InlineData("13800138000", true, null)]
    public void Names(string text, bool asked, string? expected) => Assert.Equal(expected, FieldReaders.Name(text, asked)?.Value);

    [Theory]
    [InlineData("物业", "property-management")]
    [InlineData("电梯坏了三天没人修", "property-management")]
    [InlineData("客户服务态度差", "customer-service")]
    [InlineData("the roof has a leak", "engineering-quality")]
    [InlineData("没什么", null)]
    // English synonyms start at a word ("lift" names "lifts", not "shoplifting"), in any case.
    [InlineData("The LIFTS stopped again", "property-management")]
    [InlineData("shoplifting", null)]
    public void Choices_BySynonym(string text, string? expected)
    {
        var category = DefinitionLoader.LoadFile(Path.Combine(DefinitionLoader.ShippedDirectory, "complaint-intake.json")).Field("category")!;
        Assert.Equal(expected, FieldReaders.Choice(category, text)?.Value);
    }
}
