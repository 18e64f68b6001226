using OmniIntake.Core.Calendar;
using OmniIntake.Data.Reports.Days;

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

/// <summary>
/// The reports' counts and indicators. With <see cref="ReportDays"/> (the hub's), the finished days come from the stored
/// per-day figures and only the unfinished part is counted (issue 17 item 6); without, everything is counted from the
/// cases (the live computation the stored figures are checked against).
/// </summary>
public sealed class ReportQueries(Database database, ReportDays? days = null)
{
    /// <summary>Whether finished days come from the stored per-day figures.</summary>
    internal bool FromStoredDays => days is not null;

    /// <summary>One combination of what a report counts by, and how many of one period's cases have it.</summary>
    private sealed class Slice
    {
        public long Bucket { get; init; }
        public string Category { get; init; } = "";
        public string Channel { get; init; } = "";
        public string Class { get; init; } = "";
        public long? DepartmentId { get; init; }
        public long IsClosed { get; init; }
        public long IsForwarded { get; init; }
        public long IsRedispatched { get; init; }
        public long IsRepeat { get; init; }
        public string? ForwardState { get; init; }
        public long Count { get; init; }
    }

    private sealed class BucketSatisfaction
    {
        public long Bucket { get; init; }
        public double? Satisfaction { get; init; }
    }

    public async Task<PeriodReport> PeriodAsync(DateOnly from, DateOnly to, TimeZoneInfo zone, CancellationToken cancellationToken = default) =>
        (await PeriodsAsync([(from, to)], zone, cancellationToken))[0];

    /// <summary>
    /// The reports of these periods (local dates [From, ToExclusive); they may overlap: a month and its halves), in their
    /// order, each exactly as <see cref="PeriodAsync"/> gives it. Issue 17 item 6 (start-up independent of history): the
    /// periods that do not overlap are counted together (one figures call, one repeat pass for them), and the class cases and
    /// pauses of all of them are read once over their whole range and split by receipt, not one set of statements per period.
    /// </summary>
    public async Task<IReadOnlyList<PeriodReport>> PeriodsAsync(IReadOnlyList<(DateOnly From, DateOnly ToExclusive)> periods, TimeZoneInfo zone,
        CancellationToken cancellationToken = default)
    {
        if (periods.Count == 0) return [];
        var ct = cancellationToken;
        await using var connection = await database.OpenAsync(ct);
        var departments = (await connection.ListAsync<(long Id, string Code)>("SELECT id, code FROM departments", null, null, ct))
            .ToDictionary(d => d.Id, d => d.Code);
        string Department(long? departmentId) => departmentId is { } id && departments.TryGetValue(id, out var code) ? code : "(not forwarded)";
        static IReadOnlyList<ReportCount> By<T>(IEnumerable<T> rows, Func<T, string> key, Func<T, long> count) =>
            rows.GroupBy(key, StringComparer.Ordinal).Select(g => new ReportCount(g.Key, g.Sum(count)))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        var counted = new (long Total, ReportIndicators Indicators, IReadOnlyList<ReportCount> ByCategory, IReadOnlyList<ReportCount> ByChannel,
            IReadOnlyList<ReportCount> ByClass, IReadOnlyList<ReportCount> ByDepartment)[periods.Count];
        foreach (var group in Disjoint(periods))
        {
            if (days is not null)
            {
                // Issue 17 item 6: the stored days of the periods, and the rest counted live.
                var figures = await days.FiguresAsync([.. group.Select(i => periods[i])], zone, ct);
                for (var g = 0; g < group.Count; g++)
                {
                    var f = figures[g];
                    var (total, indicators) = f.Indicators();
                    counted[group[g]] = (total, indicators, By(f.Figures, x => x.Category, x => x.Cases), By(f.Figures, x => x.Channel, x => x.Cases),
                        By(f.Figures, x => x.Class, x => x.Cases), By(f.Figures, x => Department(x.DepartmentId), x => x.Cases));
                }
            }
            else
            {
                var buckets = new PeriodBuckets([.. group.Select(i => (LocalDays.StartOf(periods[i].From, zone), LocalDays.StartOf(periods[i].ToExclusive, zone)))]);
                var slices = (await SlicesAsync(connection, buckets, ct)).ToLookup(x => x.Bucket);
                var satisfaction = await SatisfactionAsync(connection, buckets, ct);
                for (var g = 0; g < group.Count; g++)
                {
                    var mine = slices[g].ToList();
                    var (total, indicators) = Indicators(mine, satisfaction.GetValueOrDefault(g));
                    counted[group[g]] = (total, indicators, By(mine, x => x.Category, x => x.Count), By(mine, x => x.Channel, x => x.Count),
                        By(mine, x => x.Class, x => x.Count), By(mine, x => Department(x.DepartmentId), x => x.Count));
                }
            }
        }
        var bounds = periods.Select(x => (Start: LocalDays.StartOf(x.From, zone), End: LocalDays.StartOf(x.ToExclusive, zone))).ToList();
        var p = new { start = bounds.Min(b => b.Start), end = bounds.Max(b => b.End) };
        // A merged duplicate is counted in the case that answers for it.
        const string InPeriod = "c.received_at >= @start AND c.received_at < @end AND c.status <> 'merged'";
        // The periods' important, hot and major cases, through their own small index (cases_class_received).
        var classCases = await connection.ListAsync<ReportedCase>(
            $"""
             SELECT c.number, c.class, c.status, c.channel, c.category, d.code AS department, c.received_at, c.subject
             FROM cases c LEFT JOIN departments d ON d.id = c.department_id
             WHERE {InPeriod} AND c.class <> 'general' ORDER BY c.received_at
             """, p, null, ct);
        var pauses = await connection.ListAsync<PauseRow>(
            $"SELECT p.case_id, c.received_at, p.waiting_for, p.paused_at, p.resumed_at FROM case_pauses p JOIN cases c ON c.id = p.case_id WHERE {InPeriod}",
            p, null, ct);
        return [.. periods.Select((period, i) =>
        {
            var (start, end) = bounds[i];
            var mine = pauses.Where(x => x.ReceivedAt >= start && x.ReceivedAt < end).ToList();
            var ended = mine.Where(x => x.ResumedAt is not null).ToList();
            var paused = new ReportPausedTime(mine.Count, mine.Select(x => x.CaseId).Distinct().LongCount(), mine.Count - ended.Count,
                Math.Round(ended.Sum(x => (x.ResumedAt!.Value - x.PausedAt).TotalHours), 2),
                Math.Round(ended.Where(x => x.WaitingFor == "customer").Sum(x => (x.ResumedAt!.Value - x.PausedAt).TotalHours), 2));
            var c = counted[i];
            return new PeriodReport(period.From, period.ToExclusive, c.Total, c.ByCategory, c.ByChannel, c.ByClass, c.ByDepartment, c.Indicators)
            {
                ClassCases = [.. classCases.Where(x => x.ReceivedAt >= start && x.ReceivedAt < end)], Paused = paused,
            };
        })];
    }

    /// <summary>The periods' indexes in groups whose periods do not overlap (each group is counted in one pass), in order.</summary>
    private static List<List<int>> Disjoint(IReadOnlyList<(DateOnly From, DateOnly ToExclusive)> periods)
    {
        var groups = new List<List<int>>();
        for (var i = 0; i < periods.Count; i++)
        {
            var (from, to) = periods[i];
            var group = groups.FirstOrDefault(g => g.All(j => periods[j].ToExclusive <= from || to <= periods[j].From));
            if (group is null) groups.Add([i]);
            else group.Add(i);
        }
        return groups;
    }

    /// <summary>
    /// The case count and the indicators of each of these periods (local dates, [From, ToExclusive)), in their order, as
    /// <see cref="PeriodAsync"/> computes them: what a trend chart shows. Issue 17 item 6: ONE grouped pass over the cases
    /// of all the periods (each row tagged with its period), not one report per period.
    /// </summary>
    public async Task<IReadOnlyList<(long Cases, ReportIndicators Indicators)>> IndicatorsAsync(IReadOnlyList<(DateOnly From, DateOnly ToExclusive)> periods,
        TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        if (periods.Count == 0) return [];
        if (days is not null) return [.. (await days.FiguresAsync(periods, zone, cancellationToken)).Select(f => f.Indicators())];
        var buckets = new PeriodBuckets([.. periods.Select(x => (LocalDays.StartOf(x.From, zone), LocalDays.StartOf(x.ToExclusive, zone)))]);
        await using var connection = await database.OpenAsync(cancellationToken);
        var slices = (await SlicesAsync(connection, buckets, cancellationToken)).ToLookup(s => s.Bucket);
        var satisfaction = await SatisfactionAsync(connection, buckets, cancellationToken);
        return [.. Enumerable.Range(0, periods.Count).Select(i => Indicators([.. slices[i]], satisfaction.GetValueOrDefault(i)))];
    }

    // Issue 17 item 6: ONE grouped pass over the periods' cases (through cases_received_id) yields every count and
    // indicator; the repeat check is a window over the same rows (another case of the same contact in the same period,
    // merged ones included as before), not a look-up per case. The forwarding deadlines are read for the periods' range
    // of case ids only (the redundant BETWEEN, its bounds from cases_received_id: "+ 0" keeps MIN/MAX from walking the
    // primary key from the first case); joined by hash without it, PostgreSQL read every deadline in history.
    private static async Task<IReadOnlyList<Slice>> SlicesAsync(System.Data.Common.DbConnection connection, PeriodBuckets periods, CancellationToken ct) =>
        await connection.ListAsync<Slice>(
            $"""
             SELECT c.bucket, COALESCE(c.category, '(none)') AS category, c.channel, c.class, c.department_id,
                    CASE WHEN c.status IN ('resolved', 'closed') THEN 1 ELSE 0 END AS is_closed,
                    CASE WHEN c.first_forwarded_at IS NOT NULL THEN 1 ELSE 0 END AS is_forwarded,
                    CASE WHEN c.redispatches > 0 THEN 1 ELSE 0 END AS is_redispatched,
                    CASE WHEN c.related_case_id IS NOT NULL OR c.same_contact > 1 THEN 1 ELSE 0 END AS is_repeat,
                    dl.state AS forward_state, COUNT(*) AS count
             FROM (SELECT b.*, COUNT(*) OVER (PARTITION BY b.bucket, b.contact_id) AS same_contact
                   FROM (SELECT p.id, {periods.Bucket("p")} AS bucket, p.contact_id, p.category, p.channel, p.class, p.department_id, p.status,
                                p.first_forwarded_at, p.redispatches, p.related_case_id
                         FROM cases p WHERE p.received_at >= @from AND p.received_at < @to) b
                   WHERE b.bucket >= 0) c
             LEFT JOIN deadlines dl ON dl.case_id = c.id AND dl.kind = 'forward'
                                    AND dl.case_id BETWEEN (SELECT MIN(r.id + 0) FROM cases r WHERE r.received_at >= @from AND r.received_at < @to)
                                                       AND (SELECT MAX(r.id + 0) FROM cases r WHERE r.received_at >= @from AND r.received_at < @to)
             WHERE c.status <> 'merged'
             GROUP BY c.bucket, COALESCE(c.category, '(none)'), c.channel, c.class, c.department_id,
                      CASE WHEN c.status IN ('resolved', 'closed') THEN 1 ELSE 0 END, CASE WHEN c.first_forwarded_at IS NOT NULL THEN 1 ELSE 0 END,
                      CASE WHEN c.redispatches > 0 THEN 1 ELSE 0 END,
                      CASE WHEN c.related_case_id IS NOT NULL OR c.same_contact > 1 THEN 1 ELSE 0 END, dl.state
             """, periods.Parameters(), null, ct);

    /// <summary>The mean of the answered follow-ups' satisfaction per period (the latest answer per case).</summary>
    private static async Task<IReadOnlyDictionary<long, double?>> SatisfactionAsync(System.Data.Common.DbConnection connection, PeriodBuckets periods,
        CancellationToken ct) =>
        (await connection.ListAsync<BucketSatisfaction>(
            $"""
             SELECT x.bucket, AVG(x.satisfaction) AS satisfaction
             FROM (SELECT {periods.Bucket("c")} AS bucket, CAST(f.satisfaction AS REAL) AS satisfaction FROM follow_ups f JOIN cases c ON c.id = f.case_id
                   WHERE c.received_at >= @from AND c.received_at < @to AND c.status <> 'merged' AND f.satisfaction IS NOT NULL
                     AND f.id = (SELECT MAX(l.id) FROM follow_ups l WHERE l.case_id = f.case_id AND l.satisfaction IS NOT NULL)) x
             WHERE x.bucket >= 0 GROUP BY x.bucket
             """, periods.Parameters(), null, ct)).ToDictionary(r => r.Bucket, r => r.Satisfaction);

    private static (long Total, ReportIndicators Indicators) Indicators(IReadOnlyList<Slice> slices, double? satisfaction)
    {
        long Sum(Func<Slice, bool> which) => slices.Where(which).Sum(s => s.Count);
        var total = Sum(_ => true);
        var met = Sum(s => s.ForwardState == "met");
        var breached = Sum(s => s.ForwardState == "breached");
        static double? Rate(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
        return (total, new ReportIndicators(Rate(met, met + breached), Rate(breached, met + breached), Rate(Sum(s => s.IsRedispatched == 1), Sum(s => s.IsForwarded == 1)),
            Rate(Sum(s => s.IsRepeat == 1), total), Rate(Sum(s => s.IsClosed == 1), total),
            satisfaction is null ? null : Math.Round(satisfaction.Value, 2), met, breached, Sum(s => s.ForwardState == "pending")));
    }

    /// <summary>
    /// Periods as instants, numbered in their order: a case's period is a CASE over the bounds (parameters @f0, @t0, ...),
    /// -1 for a case between periods that are not adjacent; the pass reads [@from, @to) once.
    /// </summary>
    /// <summary>Tags each case with the period it was received in (or -1), so many periods are counted in one pass.</summary>
    internal sealed class PeriodBuckets(IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> periods)
    {
        public string Bucket(string alias)
        {
            if (periods.Count == 1) return "0";
            var sql = new System.Text.StringBuilder("CASE");
            for (var i = 0; i < periods.Count; i++)
                sql.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $" WHEN {alias}.received_at >= @f{i} AND {alias}.received_at < @t{i} THEN {i}");
            return sql.Append(" ELSE -1 END").ToString();
        }

        public Dapper.DynamicParameters Parameters()
        {
            var parameters = new Dapper.DynamicParameters();
            parameters.Add("from", periods.Min(x => x.Start));
            parameters.Add("to", periods.Max(x => x.End));
            for (var i = 0; i < periods.Count; i++)
            {
                parameters.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"f{i}"), periods[i].Start);
                parameters.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"t{i}"), periods[i].End);
            }
            return parameters;
        }
    }

    private sealed class PauseRow
    {
        public long CaseId { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
        public string WaitingFor { get; init; } = "";
        public DateTimeOffset PausedAt { get; init; }
        public DateTimeOffset? ResumedAt { get; init; }
    }
}
