using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Tests.Policy;

/// <summary>Policy 5.6.1: the half-monthly report by the 18th, the monthly report by the 3rd of the next month.</summary>
public sealed class ReportScheduleTests
{
    [Theory]
    [InlineData("2026-12-15", "2026-10-H1 by 2026-10-18; 2026-10 by 2026-11-03; 2026-11-H1 by 2026-11-18; 2026-11 by 2026-12-03")]
    [InlineData("2026-12-16", "2026-10-H1 by 2026-10-18; 2026-10 by 2026-11-03; 2026-11-H1 by 2026-11-18; 2026-11 by 2026-12-03; 2026-12-H1 by 2026-12-18")]
    [InlineData("2027-01-01", "2026-11-H1 by 2026-11-18; 2026-11 by 2026-12-03; 2026-12-H1 by 2026-12-18; 2026-12 by 2027-01-03")]
    [InlineData("2026-03-16", "2026-01-H1 by 2026-01-18; 2026-01 by 2026-02-03; 2026-02-H1 by 2026-02-18; 2026-02 by 2026-03-03; 2026-03-H1 by 2026-03-18")]
    public void EndedPeriods_AndWhenEachIsDue(string today, string expected)
    {
        var ended = ReportSchedule.EndedBy(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, string.Join("; ", ended.Select(p => $"{p.Period} by {p.DueBy:yyyy-MM-dd}")));
    }

    [Fact]
    public void AHalfMonth_IsTheFirstToTheFifteenth_AndAMonthTheWholeMonth()
    {
        var ended = ReportSchedule.EndedBy(new DateOnly(2026, 3, 1)).ToList();
        var february = ended.Single(p => p.Period == "2026-02");
        var firstHalf = ended.Single(p => p.Period == "2026-02-H1");

        Assert.Equal((ReportSchedule.Monthly, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)), (february.Kind, february.From, february.ToExclusive));
        Assert.Equal((ReportSchedule.HalfMonthly, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 16)), (firstHalf.Kind, firstHalf.From, firstHalf.ToExclusive));
    }
}
