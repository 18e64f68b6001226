using OmniIntake.Core.Calendar;

namespace OmniIntake.Data.Reports;

/// <summary>
/// The half-monthly / monthly report (PRODUCT.md "Reports"): counts by category, channel, class and department, and
/// the indicators, for the cases received in [From, To) in the organisation's zone. Rates are null when nothing
/// was there to count.
/// </summary>
public sealed record PeriodReport(DateOnly From, DateOnly To, long Cases, IReadOnlyList<ReportCount> ByCategory, IReadOnlyList<ReportCount> ByChannel,
    IReadOnlyList<ReportCount> ByClass, IReadOnlyList<ReportCount> ByDepartment, ReportIndicators Indicators)
{
    /// <summary>The important, hot and major cases of the period, each listed (policy 5.5: reported separately).</summary>
    public IReadOnlyList<ReportedCase> ClassCases { get; init; } = [];

    /// <summary>The time the period's cases waited for the customer or for outside expertise, clocks paused (issue 13).</summary>
    public ReportPausedTime Paused { get; init; } = new(0, 0, 0, 0, 0);
}

/// <summary>
/// Pauses of the period's cases: how many, on how many cases, how many still in force, and the wall-clock hours paused
/// of the ended ones, in all and waiting for the customer (the rest waited for outside expertise).
/// </summary>
public sealed record ReportPausedTime(long Pauses, long Cases, long InForce, double PausedHours, double WaitingForCustomerHours);

/// <summary>One case listed in a report.</summary>
public sealed class ReportedCase
{
    public string Number { get; init; } = "";
    public string Class { get; init; } = "";
    public string Status { get; init; } = "";
    public string Channel { get; init; } = "";
    public string? Category { get; init; }
    public string? Department { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public string? Subject { get; init; }
}

public sealed record ReportCount(string Key, long Count);

/// <param name="OnTimeForwardingRate">Forwarding deadlines met / (met + breached).</param>
/// <param name="DelayRate">Forwarding deadlines breached / (met + breached).</param>
/// <param name="RedispatchRate">Cases forwarded to a second department / cases forwarded.</param>
/// <param name="RepeatComplaintRate">Cases from a complainant with another case in the period, or linked to an earlier case / cases.</param>
/// <param name="ClosureRate">Resolved or closed / cases.</param>
/// <param name="Satisfaction">The mean of the answered follow-ups' satisfaction (1-5), the latest answer per case.</param>
public sealed record ReportIndicators(double? OnTimeForwardingRate, double? DelayRate, double? RedispatchRate, double? RepeatComplaintRate,
    double? ClosureRate, double? Satisfaction, long ForwardsMet, long ForwardsBreached, long ForwardsPending);

public sealed class ReportQueries(Database database)
{
    public async Task<PeriodReport> PeriodAsync(DateOnly from, DateOnly to, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var start = LocalDays.StartOf(from, zone);
        var end = LocalDays.StartOf(to, zone);
        var p = new { start, end };
        // A merged duplicate is counted in the case that answers for it.
        const string InPeriod = "c.received_at >= @start AND c.received_at < @end AND c.status <> 'merged'";
        await using var connection = await database.OpenAsync(cancellationToken);
        async Task<IReadOnlyList<ReportCount>> By(string key, string join = "") =>
            (await connection.ListAsync<(string Key, long Count)>(
                $"SELECT {key} AS k, COUNT(*) FROM cases c {join} WHERE {InPeriod} GROUP BY {key} ORDER BY COUNT(*) DESC, {key}", p, null, cancellationToken))
            .Select(r => new ReportCount(r.Key, r.Count)).ToList();
        var total = await connection.OneAsync<long>($"SELECT COUNT(*) FROM cases c WHERE {InPeriod}", p, null, cancellationToken);
        var byCategory = await By("COALESCE(c.category, '(none)')");
        var byChannel = await By("c.channel");
        var byClass = await By("c.class");
        var byDepartment = await By("COALESCE(d.code, '(not forwarded)')", "LEFT JOIN departments d ON d.id = c.department_id");
        var forwards = (await connection.ListAsync<(string State, long Count)>(
            $"SELECT dl.state, COUNT(*) FROM deadlines dl JOIN cases c ON c.id = dl.case_id WHERE dl.kind = 'forward' AND {InPeriod} GROUP BY dl.state",
            p, null, cancellationToken)).ToDictionary(r => r.State, r => r.Count);
        var met = forwards.GetValueOrDefault("met");
        var breached = forwards.GetValueOrDefault("breached");
        var forwarded = await connection.OneAsync<long>($"SELECT COUNT(*) FROM cases c WHERE {InPeriod} AND c.first_forwarded_at IS NOT NULL", p, null,
            cancellationToken);
        var redispatched = await connection.OneAsync<long>(
            $"""
             SELECT COUNT(*) FROM cases c WHERE {InPeriod} AND c.redispatches > 0
             """, p, null, cancellationToken);
        var repeats = await connection.OneAsync<long>(
            $"""
             SELECT COUNT(*) FROM cases c WHERE {InPeriod}
               AND (c.related_case_id IS NOT NULL
                    OR EXISTS (SELECT 1 FROM cases o WHERE o.contact_id = c.contact_id AND o.id <> c.id AND o.received_at >= @start AND o.received_at < @end))
             """, p, null, cancellationToken);
        var closed = await connection.OneAsync<long>($"SELECT COUNT(*) FROM cases c WHERE {InPeriod} AND c.status IN ('resolved', 'closed')", p, null,
            cancellationToken);
        var satisfaction = await connection.OneAsync<double?>(
            $"""
             SELECT AVG(CAST(f.satisfaction AS REAL)) FROM follow_ups f JOIN cases c ON c.id = f.case_id
             WHERE {InPeriod} AND f.satisfaction IS NOT NULL
               AND f.id = (SELECT MAX(l.id) FROM follow_ups l WHERE l.case_id = f.case_id AND l.satisfaction IS NOT NULL)
             """, p, null, cancellationToken);
        var classCases = await connection.ListAsync<ReportedCase>(
            $"""
             SELECT c.number, c.class, c.status, c.channel, c.category, d.code AS department, c.received_at, c.subject
             FROM cases c LEFT JOIN departments d ON d.id = c.department_id
             WHERE {InPeriod} AND c.class <> 'general' ORDER BY c.received_at
             """, p, null, cancellationToken);
        var pauses = await connection.ListAsync<PauseRow>(
            $"SELECT p.case_id, p.waiting_for, p.paused_at, p.resumed_at FROM case_pauses p JOIN cases c ON c.id = p.case_id WHERE {InPeriod}", p, null,
            cancellationToken);
        var ended = pauses.Where(x => x.ResumedAt is not null).ToList();
        var paused = new ReportPausedTime(pauses.Count, pauses.Select(x => x.CaseId).Distinct().LongCount(), pauses.Count - ended.Count,
            Math.Round(ended.Sum(x => (x.ResumedAt!.Value - x.PausedAt).TotalHours), 2),
            Math.Round(ended.Where(x => x.WaitingFor == "customer").Sum(x => (x.ResumedAt!.Value - x.PausedAt).TotalHours), 2));
        static double? Rate(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
        return new PeriodReport(from, to, total, byCategory, byChannel, byClass, byDepartment,
            new ReportIndicators(Rate(met, met + breached), Rate(breached, met + breached), Rate(redispatched, forwarded), Rate(repeats, total),
                Rate(closed, total), satisfaction is null ? null : Math.Round(satisfaction.Value, 2), met, breached, forwards.GetValueOrDefault("pending")))
        {
            ClassCases = classCases, Paused = paused,
        };
    }

    private sealed class PauseRow
    {
        public long CaseId { get; init; }
        public string WaitingFor { get; init; } = "";
        public DateTimeOffset PausedAt { get; init; }
        public DateTimeOffset? ResumedAt { get; init; }
    }
}
