using OmniIntake.Core.Intake;
using OmniIntake.Data.Reports.Days;

namespace OmniIntake.Server.Reports;

/// <summary>
/// The Hangfire recurring job "report-days" (every minute, issue 17 item 6): forgets the stored per-day figures of the
/// days whose cases changed since its last run (it reads the events since its watermark, not history), and stores the
/// days that ended and are not stored yet (yesterday, after midnight). Reports and trends then sum the stored days.
/// </summary>
public sealed class ReportDaysJob(ReportDays days, IntakeOptions intake, TimeProvider clock, ILogger<ReportDaysJob> logger)
{
    public const string RecurringId = "report-days";

    /// <summary>The days before today the job keeps stored (a hub down for a weekend catches up); older ones are stored when asked for.</summary>
    private const int CatchUpDays = 3;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var forgotten = await days.AdvanceAsync(cancellationToken);
        var today = Core.Calendar.LocalDays.Of(clock.GetUtcNow(), intake.Zone);
        var stored = await days.FillAsync(today.AddDays(-CatchUpDays), today, intake.Zone, cancellationToken);
        if (forgotten + stored > 0) logger.LogDebug("Report days: {Forgotten} changed and forgotten, {Stored} stored.", forgotten, stored);
    }
}
