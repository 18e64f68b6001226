namespace OmniIntake.Core.Policy;

/// <summary>A report the policy asks for: its kind, its period, the local dates it covers and when it is due.</summary>
public sealed record ScheduledReport(string Kind, string Period, DateOnly From, DateOnly ToExclusive, DateOnly DueBy);

/// <summary>
/// Policy 5.6.1, the report schedule: the half-monthly report (the 1st to the 15th) by the 18th, the monthly report by
/// the 3rd of the next month.
/// </summary>
public static class ReportSchedule
{
    public const string HalfMonthly = "half-monthly";
    public const string Monthly = "monthly";

    /// <summary>
    /// The periods that have ended by <paramref name="today"/> in this month and the two before (so a hub that was down
    /// over the 16th catches up), oldest first.
    /// </summary>
    public static IEnumerable<ScheduledReport> EndedBy(DateOnly today)
    {
        for (var back = 2; back >= 0; back--)
        {
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-back);
            var halfEnd = first.AddDays(15);
            if (today >= halfEnd) yield return new ScheduledReport(HalfMonthly, $"{first:yyyy-MM}-H1", first, halfEnd, first.AddDays(17));
            var monthEnd = first.AddMonths(1);
            if (today >= monthEnd) yield return new ScheduledReport(Monthly, $"{first:yyyy-MM}", first, monthEnd, monthEnd.AddDays(2));
        }
    }
}
