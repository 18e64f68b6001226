using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Calendar;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Policy;
using OmniIntake.Server.Reports.Wording;

namespace OmniIntake.Server.Reports;

/// <summary>A report still to come: its period, the day it is generated (the day after the period ends) and the day it is due.</summary>
public sealed record UpcomingReport(string Kind, string Period, DateOnly From, DateOnly To, DateOnly GeneratedOn, DateOnly DueBy);

/// <summary>The next reports of each kind, and the language the downloads are written in.</summary>
public sealed record ReportScheduleView(string Language, IReadOnlyList<UpcomingReport> Next);

/// <summary>GET /api/reports/schedule: what an empty list of reports says (issue 14 item 5: when the first will appear).</summary>
public static class ReportScheduleApi
{
    public static Ok<ReportScheduleView> Next(IntakeOptions intake, OrganisationOptions organisation, TimeProvider clock) =>
        TypedResults.Ok(new ReportScheduleView(organisation.Language, Upcoming(LocalDays.Of(clock.GetUtcNow(), intake.Zone))));

    /// <summary>
    /// The first half-monthly and the first monthly period not ended by <paramref name="today"/>: the policy's schedule
    /// (5.6.1) asked one month ahead, so the due dates are the ones ReportSchedule gives when they end.
    /// </summary>
    public static IReadOnlyList<UpcomingReport> Upcoming(DateOnly today)
    {
        var ahead = new DateOnly(today.Year, today.Month, 1).AddMonths(2);
        return ReportSchedule.EndedBy(ahead)
            .Where(p => p.ToExclusive > today)
            .GroupBy(p => p.Kind)
            .Select(g => g.OrderBy(p => p.ToExclusive).First())
            .OrderBy(p => p.ToExclusive).ThenBy(p => p.Kind, StringComparer.Ordinal)
            .Select(p => new UpcomingReport(p.Kind, p.Period, p.From, p.ToExclusive.AddDays(-1), p.ToExclusive, p.DueBy))
            .ToList();
    }
}
