using OmniIntake.Core.Calendar;
using OmniIntake.Data.Reports.Days;

namespace OmniIntake.Data.Reports;

/// <summary>
/// What flowed through a trend bucket (the board's trend charts, issue 14): the complaints received, their forwarding
/// deadlines met and breached (policy 5.2) and the departments' answer deadlines met and breached, of the cases received
/// in the bucket, optionally of one channel and one department (the department the case is with now).
/// </summary>
public sealed record TrendFlow(long Received, long ForwardedInTime, long ForwardedLate, long AnsweredInTime, long AnsweredLate)
{
    public static readonly TrendFlow None = new(0, 0, 0, 0, 0);
}

/// <summary>A filter of the trend charts: null means every channel / every department.</summary>
public sealed record TrendFilter(string? Channel, string? Department)
{
    public static readonly TrendFilter All = new(null, null);
}

/// <summary>
/// The flow of every bucket in one grouped pass over their cases (through the received_at index). Kept apart
/// from <see cref="TrendQueries"/> (the report's indicators), which counts the whole organisation. With
/// <see cref="ReportDays"/> (the hub's), finished days come from the stored per-day figures (issue 17 item 6).
/// </summary>
public sealed class TrendFlowQueries(Database database, ReportDays? days = null)
{
    private sealed class Row
    {
        public long Bucket { get; init; }
        public long Received { get; init; }
        public long ForwardedInTime { get; init; }
        public long ForwardedLate { get; init; }
        public long AnsweredInTime { get; init; }
        public long AnsweredLate { get; init; }
    }

    public async Task<IReadOnlyList<TrendFlow>> FlowAsync(IReadOnlyList<(DateOnly From, DateOnly ToExclusive)> buckets, TimeZoneInfo zone, TrendFilter filter,
        CancellationToken cancellationToken = default)
    {
        if (buckets.Count == 0) return [];
        if (days is not null) return await FromDaysAsync(days, buckets, zone, filter, cancellationToken);
        // Every bucket in ONE grouped pass (each case tagged with its bucket, as the reports count their periods).
        var periods = new ReportQueries.PeriodBuckets([.. buckets.Select(b => (LocalDays.StartOf(b.From, zone), LocalDays.StartOf(b.ToExclusive, zone)))]);
        var where = "c.bucket >= 0 AND c.status <> 'merged'";
        if (filter.Channel is not null) where += " AND c.channel = @channel";
        if (filter.Department is not null) where += " AND c.department_id IN (SELECT x.id FROM departments x WHERE x.code = @department)";
        // A case has at most one forwarding deadline; the department's answer deadline (ownerAnswer) is one per forwarding,
        // so a case sent on again counts each department's answer (the redispatch is the second department's deadline).
        var sql = $"""
            SELECT c.bucket AS bucket, COUNT(DISTINCT c.id) AS received,
                   COALESCE(SUM(CASE WHEN d.kind = 'forward' AND d.state = 'met' THEN 1 ELSE 0 END), 0) AS forwarded_in_time,
                   COALESCE(SUM(CASE WHEN d.kind = 'forward' AND d.state = 'breached' THEN 1 ELSE 0 END), 0) AS forwarded_late,
                   COALESCE(SUM(CASE WHEN d.kind = 'ownerAnswer' AND d.state = 'met' THEN 1 ELSE 0 END), 0) AS answered_in_time,
                   COALESCE(SUM(CASE WHEN d.kind = 'ownerAnswer' AND d.state = 'breached' THEN 1 ELSE 0 END), 0) AS answered_late
            FROM (SELECT p.id, {periods.Bucket("p")} AS bucket, p.status, p.channel, p.department_id
                  FROM cases p WHERE p.received_at >= @from AND p.received_at < @to) c
            LEFT JOIN deadlines d ON d.case_id = c.id AND d.kind IN ('forward', 'ownerAnswer')
            WHERE {where}
            GROUP BY c.bucket
            """;
        var parameters = periods.Parameters();
        parameters.Add("channel", filter.Channel);
        parameters.Add("department", filter.Department);
        await using var connection = await database.OpenAsync(cancellationToken);
        var counted = (await connection.ListAsync<Row>(sql, parameters, null, cancellationToken)).ToDictionary(r => r.Bucket);
        return [.. buckets.Select((_, i) => counted.TryGetValue(i, out var r)
            ? new TrendFlow(r.Received, r.ForwardedInTime, r.ForwardedLate, r.AnsweredInTime, r.AnsweredLate)
            : TrendFlow.None)];
    }

    /// <summary>The same flow from the per-day figures (channel and current department are among what a day is stored by).</summary>
    private async Task<IReadOnlyList<TrendFlow>> FromDaysAsync(ReportDays stored, IReadOnlyList<(DateOnly From, DateOnly ToExclusive)> buckets,
        TimeZoneInfo zone, TrendFilter filter, CancellationToken ct)
    {
        HashSet<long>? departments = null;
        if (filter.Department is not null)
        {
            await using var connection = await database.OpenAsync(ct);
            departments = [.. await connection.ListAsync<long>("SELECT id FROM departments WHERE code = @department", new { department = filter.Department }, null, ct)];
        }
        bool Counted(DayFigure f) => (filter.Channel is null || f.Channel == filter.Channel)
                                     && (departments is null || f.DepartmentId is { } id && departments.Contains(id));
        return [.. (await stored.FiguresAsync(buckets, zone, ct, repeats: false)).Select(p =>
        {
            var figures = p.Figures.Where(Counted).ToList();
            return new TrendFlow(figures.Sum(f => f.Cases), figures.Where(f => f.ForwardState == "met").Sum(f => f.Cases),
                figures.Where(f => f.ForwardState == "breached").Sum(f => f.Cases), figures.Sum(f => f.OwnerMet), figures.Sum(f => f.OwnerBreached));
        })];
    }
}
