using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Tests.Cases;

public sealed class CaseNumberTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void Number_UsesTheDayOfReceipt_InTheOrganisationsZone()
    {
        // 17:30 UTC on the 24th is 01:30 on the 25th in Shanghai.
        var number = CaseNumber.Create("TS", new DateTimeOffset(2026, 11, 24, 17, 30, 0, TimeSpan.Zero), Shanghai, 42);

        Assert.Equal("TS-20261125-00042", number.ToString());
    }

    [Fact]
    public void Number_RoundTrips_AndGrowsBeyondFiveDigits()
    {
        var number = new CaseNumber("TS", new DateOnly(2026, 1, 2), 1234567);

        Assert.True(CaseNumber.TryParse(number.ToString(), out var parsed));
        Assert.Equal(number, parsed);
        Assert.Equal("TS-20260102-1234567", number.ToString());
    }

    [Theory]
    [InlineData("Re: [#TS-20261124-00042] 漏水", "TS-20261124-00042")]
    [InlineData("回复：案件ts-20261124-00042还没处理", "TS-20261124-00042")]
    [InlineData("case TS-20261124-000042.", "TS-20261124-00042")]
    public void FindIn_FindsQuotedNumbers_InSubjectsAndText(string text, string expected) =>
        Assert.Equal([expected], CaseNumber.FindIn(text).Select(n => n.ToString()));

    [Theory]
    [InlineData("TS-20261340-00042")]
    [InlineData("order 20261124-00042")]
    [InlineData("ABCTS-20261124-0004")]
    [InlineData("")]
    public void FindIn_IgnoresWhatIsNotACaseNumber(string text) => Assert.Empty(CaseNumber.FindIn(text));
}
