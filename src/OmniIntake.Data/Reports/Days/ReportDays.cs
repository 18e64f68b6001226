using System.Data.Common;
using System.Globalization;
using OmniIntake.Core.Calendar;

namespace OmniIntake.Data.Reports.Days;

/// <summary>
/// Stored per-day figures (issue 17 item 6: "finished periods served from what was generated"). A report or trend sums
/// the stored figures of its finished local days and counts only the rest live: today, and a day not stored yet (counted
/// once and stored) or changed since it was stored (counted live until the minutely job forgets it).
/// <para>
/// Why a stored day cannot show a wrong number: every change to a case writes its event in the same transaction
/// (CaseJournal), and events get dense positions in commit order (EventSequencer). A day is stored with the highest
/// position its figures had seen; <see cref="AdvanceAsync"/> forgets every stored day of a case with an event after the
/// watermark and moves the watermark, under the watermark's row lock, and a day is stored only under the same lock and
/// only when its figures saw the watermark. A read treats as changed every stored day of a case with an event after the
/// watermark or not sequenced yet, so a change is never missed, however late the job runs.
/// </para>
/// </summary>
public sealed class ReportDays(Database database, TimeProvider clock)
{
    /// <summary>Events read per run of <see cref="AdvanceAsync"/> (a minutely job reads what changed, not history).</summary>
    private const int EventsPerRun = 10_000;

    /// <summary>Days counted per live statement: each is one CASE branch of its bucket expression.</summary>
    private const int DaysPerStatement = 31;

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The figures of each period (local dates [From, ToExclusive)), in their order.</summary>
    /// <param name="repeats">false: the same-contact repeats (a pass of their own over the periods' cases) are not counted (left 0).</param>
    internal async Task<IReadOnlyList<PeriodFigures>> FiguresAsync(IReadOnlyList<(DateOnly From, DateOnly ToExclusive)> periods, TimeZoneInfo zone,
        CancellationToken ct, bool repeats = true)
    {
        var today = LocalDays.Of(clock.GetUtcNow(), zone);
        var finished = periods.Select(p => Range(p.From, Min(p.ToExclusive, today)).ToList()).ToList();
        var wanted = finished.SelectMany(d => d).Distinct().Order().ToList();
        await using var connection = await database.OpenAsync(ct);
        // The stored days that are still right, and their figures summed per period, read in ONE snapshot: the job cannot
        // forget a day between the check and the sum (a day it forgets in between would be missing from the sum).
        HashSet<DateOnly> stored, marked;
        var perPeriod = periods.Select(_ => new List<DayFigure>()).ToList();
        await using (var snapshot = await BeginSnapshotAsync(connection, ct))
        {
            (marked, stored) = await StoredDaysAsync(connection, snapshot, zone, wanted, ct);
            var kept = periods.Select((_, i) => finished[i].Where(stored.Contains).ToList()).ToList();
            foreach (var figure in await SumStoredAsync(connection, snapshot, zone, kept, ct)) perPeriod[(int)figure.Bucket].Add(figure);
            await snapshot.CommitAsync(ct);
        }
        // The other finished days are counted live (one statement per run of consecutive days); the ones never stored are also
        // stored, so the next report reads them (issue 17 item 6: a day asked for and not stored is computed once and stored).
        var live = wanted.Where(d => !stored.Contains(d)).ToList();
        var dayOf = live.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        var liveFigures = (await CountLiveAsync(connection, [.. live.Select(d => (d, d.AddDays(1)))], zone, ct)).ToLookup(f => live[(int)f.Bucket]);
        for (var i = 0; i < periods.Count; i++)
            foreach (var day in finished[i].Where(dayOf.ContainsKey))
                perPeriod[i].AddRange(liveFigures[day]);
        await StoreAsync(connection, zone, [.. live.Where(d => !marked.Contains(d))], ct);
        // The unfinished tails (today and after), live.
        var tails = periods.Select((p, i) => (i, From: Max(p.From, today), p.ToExclusive)).Where(t => t.From < t.ToExclusive).ToList();
        var tailFigures = await CountLiveAsync(connection, [.. tails.Select(t => (t.From, t.ToExclusive))], zone, ct);
        foreach (var figure in tailFigures) perPeriod[tails[(int)figure.Bucket].i].Add(figure);

        var sameContact = repeats ? await SameContactRepeatsAsync(connection, periods, zone, ct) : new Dictionary<int, long>();
        return [.. perPeriod.Select((figures, i) => new PeriodFigures(figures, sameContact.GetValueOrDefault(i)))];
    }

    /// <summary>Stores the figures of the finished days in [from, toExclusive) not stored yet (the daily job, after midnight).</summary>
    /// <returns>The days stored.</returns>
    public async Task<int> FillAsync(DateOnly from, DateOnly toExclusive, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var days = Range(from, Min(toExclusive, LocalDays.Of(clock.GetUtcNow(), zone))).ToList();
        await using var connection = await database.OpenAsync(cancellationToken);
        var (marked, _) = await StoredDaysAsync(connection, null, zone, days, cancellationToken);
        var missing = days.Where(d => !marked.Contains(d)).ToList();
        return missing.Count - (await StoreAsync(connection, zone, missing, cancellationToken)).Count;
    }

    /// <summary>
    /// The minutely job: forgets the stored days of the cases with an event after the watermark (at most
    /// <see cref="EventsPerRun"/> events a run), and moves the watermark past those events.
    /// </summary>
    /// <returns>The days forgotten.</returns>
    public async Task<int> AdvanceAsync(CancellationToken cancellationToken = default)
    {
        var ct = cancellationToken;
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await Database.BeginWriteAsync(connection, ct);
        var through = await LockWatermarkAsync(connection, tx, ct);
        var top = await connection.OneAsync<long>("SELECT COALESCE(MAX(position), 0) FROM events", null, tx, ct);
        var zones = await connection.ListAsync<string>("SELECT DISTINCT zone FROM report_days_stored", null, tx, ct);
        // Nothing stored: nothing to forget, however much happened (a new install, or history loaded in bulk).
        var target = zones.Count == 0 ? top : Math.Min(top, through + EventsPerRun);
        var forgotten = 0;
        if (target > through && zones.Count > 0)
        {
            var received = await connection.ListAsync<DateTimeOffset>(
                "SELECT DISTINCT c.received_at FROM events e JOIN cases c ON c.id = e.case_id WHERE e.position > @through AND e.position <= @target",
                new { through, target }, tx, ct);
            foreach (var zoneId in zones)
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
                foreach (var days in received.Select(r => Text(LocalDays.Of(r, zone))).Distinct().Chunk(500))
                {
                    var p = new { zone = zoneId, days };
                    await connection.ExecAsync($"DELETE FROM report_days WHERE zone = @zone AND {database.In("day", "@days")}", p, tx, ct);
                    forgotten += await connection.ExecAsync($"DELETE FROM report_days_stored WHERE zone = @zone AND {database.In("day", "@days")}", p, tx, ct);
                }
            }
        }
        if (target > through) await connection.ExecAsync("UPDATE report_days_state SET through = @target WHERE id = 1", new { target }, tx, ct);
        await tx.CommitAsync(ct);
        return forgotten;
    }

    private async Task<long> LockWatermarkAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) =>
        await connection.OneAsync<long>("SELECT through FROM report_days_state WHERE id = 1" + database.Dialect.ForUpdate, null, tx, ct);

    /// <summary>Of these days: the ones stored, and of those the ones not changed since (the others are counted live).</summary>
    private static async Task<(HashSet<DateOnly> Marked, HashSet<DateOnly> Unchanged)> StoredDaysAsync(DbConnection connection, DbTransaction? tx,
        TimeZoneInfo zone, List<DateOnly> days, CancellationToken ct)
    {
        if (days.Count == 0) return ([], []);
        // The watermark first: a day the job forgets after this read is one with an event after it, which the check below sees.
        var through = await connection.OneAsync<long>("SELECT through FROM report_days_state WHERE id = 1", null, tx, ct);
        var marked = (await connection.ListAsync<string>(
                "SELECT day FROM report_days_stored WHERE zone = @zone AND day >= @first AND day <= @last",
                new { zone = zone.Id, first = Text(days[0]), last = Text(days[^1]) }, tx, ct))
            .Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();
        marked.IntersectWith(days);
        if (marked.Count == 0) return ([], []);
        // The cases of these days with an event the job has not handled yet (after the watermark, or not sequenced yet).
        var received = await connection.ListAsync<DateTimeOffset>(
            """
            SELECT c.received_at FROM events e JOIN cases c ON c.id = e.case_id
            WHERE e.position > @through AND c.received_at >= @from AND c.received_at < @to
            UNION
            SELECT c.received_at FROM events e JOIN cases c ON c.id = e.case_id
            WHERE e.position IS NULL AND c.received_at >= @from AND c.received_at < @to
            """, new { through, from = LocalDays.StartOf(days[0], zone), to = LocalDays.StartOf(days[^1].AddDays(1), zone) }, tx, ct);
        var unchanged = marked.ToHashSet();
        unchanged.ExceptWith(received.Select(r => LocalDays.Of(r, zone)));
        return (marked, unchanged);
    }

    /// <summary>A read-only transaction whose reads all see one snapshot (SQLite: a deferred transaction in WAL mode).</summary>
    private static async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken ct) =>
        connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);

    /// <summary>Counts and stores these days (31 a statement, computed in the database and inserted from there).</summary>
    /// <returns>The days that could not be stored (the job moved the watermark past what they saw): count them live.</returns>
    private async Task<IReadOnlyList<DateOnly>> StoreAsync(DbConnection connection, TimeZoneInfo zone, IReadOnlyList<DateOnly> days, CancellationToken ct)
    {
        var refused = new List<DateOnly>();
        foreach (var run in Runs(days))
        {
            // The highest position before counting: every event up to it had committed, so the figures below include it.
            var asOf = await connection.OneAsync<long>("SELECT COALESCE(MAX(position), 0) FROM events", null, null, ct);
            await using var tx = await Database.BeginWriteAsync(connection, ct);
            if (asOf < await LockWatermarkAsync(connection, tx, ct))
            {
                await tx.RollbackAsync(ct);
                refused.AddRange(run);
                continue;
            }
            var texts = run.Select(Text).ToArray();
            var already = (await connection.ListAsync<string>(
                $"SELECT day FROM report_days_stored WHERE zone = @zone AND {database.In("day", "@texts")}", new { zone = zone.Id, texts }, tx, ct)).ToHashSet();
            var fresh = run.Where(d => !already.Contains(Text(d))).ToList();
            if (fresh.Count > 0)
            {
                var (sql, parameters) = LiveSql(fresh.Select(d => (d, d.AddDays(1))).ToList(), zone);
                var dayOfBucket = new System.Text.StringBuilder("CASE x.bucket");
                for (var i = 0; i < fresh.Count; i++)
                {
                    dayOfBucket.Append(CultureInfo.InvariantCulture, $" WHEN {i} THEN @day{i}");
                    parameters.Add(string.Create(CultureInfo.InvariantCulture, $"day{i}"), Text(fresh[i]));
                }
                parameters.Add("zone", zone.Id);
                await connection.ExecAsync(
                    $"""
                     INSERT INTO report_days (zone, day, category, channel, class, department_id, is_closed, is_forwarded, is_redispatched, is_linked,
                                              forward_state, cases, owner_met, owner_breached, satisfaction_sum, satisfaction_count)
                     SELECT @zone, {dayOfBucket} END, x.category, x.channel, x.class, x.department_id, x.is_closed, x.is_forwarded, x.is_redispatched,
                            x.is_linked, x.forward_state, x.cases, x.owner_met, x.owner_breached, x.satisfaction_sum, x.satisfaction_count
                     FROM ({sql}) x
                     """, parameters, tx, ct);
                await connection.ExecAsync("INSERT INTO report_days_stored (zone, day, as_of) VALUES (@zone, @day, @asOf)",
                    fresh.Select(d => new { zone = zone.Id, day = Text(d), asOf }), tx, ct);
            }
            await tx.CommitAsync(ct);
        }
        return refused;
    }

    /// <summary>The stored figures of each period's days, summed in the database (bucket = the period's index).</summary>
    private async Task<IReadOnlyList<DayFigure>> SumStoredAsync(DbConnection connection, DbTransaction tx, TimeZoneInfo zone, List<List<DateOnly>> daysOfPeriods,
        CancellationToken ct)
    {
        var all = daysOfPeriods.SelectMany(d => d).Distinct().Order().ToList();
        if (all.Count == 0) return [];
        var parameters = new Dapper.DynamicParameters();
        parameters.Add("zone", zone.Id);
        parameters.Add("days", all.Select(Text).ToArray());
        var bucket = new System.Text.StringBuilder("CASE");
        for (var i = 0; i < daysOfPeriods.Count; i++)
        {
            if (daysOfPeriods[i].Count == 0) continue;
            bucket.Append(CultureInfo.InvariantCulture, $" WHEN r.day >= @f{i} AND r.day <= @l{i} THEN {i}");
            parameters.Add(string.Create(CultureInfo.InvariantCulture, $"f{i}"), Text(daysOfPeriods[i][0]));
            parameters.Add(string.Create(CultureInfo.InvariantCulture, $"l{i}"), Text(daysOfPeriods[i][^1]));
        }
        // A period's stored days are the ones asked for (the day list); the periods do not overlap, so the bounds tag each row.
        return await connection.ListAsync<DayFigure>(
            $"""
             SELECT x.bucket, x.category, x.channel, x.class, x.department_id, x.is_closed, x.is_forwarded, x.is_redispatched, x.is_linked, x.forward_state,
                    CAST(SUM(x.cases) AS bigint) AS cases, CAST(SUM(x.owner_met) AS bigint) AS owner_met,
                    CAST(SUM(x.owner_breached) AS bigint) AS owner_breached, CAST(SUM(x.satisfaction_sum) AS bigint) AS satisfaction_sum,
                    CAST(SUM(x.satisfaction_count) AS bigint) AS satisfaction_count
             FROM (SELECT {bucket} ELSE -1 END AS bucket, r.* FROM report_days r WHERE r.zone = @zone AND {database.In("r.day", "@days")}) x
             WHERE x.bucket >= 0
             GROUP BY x.bucket, x.category, x.channel, x.class, x.department_id, x.is_closed, x.is_forwarded, x.is_redispatched, x.is_linked, x.forward_state
             """, parameters, tx, ct);
    }

    /// <summary>Counts these stretches live; each figure's bucket is the stretch's index. Consecutive stretches share a statement.</summary>
    private static async Task<IReadOnlyList<DayFigure>> CountLiveAsync(DbConnection connection, IReadOnlyList<(DateOnly From, DateOnly ToExclusive)> stretches,
        TimeZoneInfo zone, CancellationToken ct)
    {
        var figures = new List<DayFigure>();
        var start = 0;
        while (start < stretches.Count)
        {
            // A statement reads [first, last) once: stretches far apart get statements of their own, not the history between them.
            var end = start + 1;
            while (end < stretches.Count && end - start < DaysPerStatement && stretches[end].From == stretches[end - 1].ToExclusive) end++;
            var (sql, parameters) = LiveSql([.. stretches.Skip(start).Take(end - start)], zone);
            var offset = start;
            figures.AddRange((await connection.ListAsync<DayFigure>(sql, parameters, null, ct)).Select(f => Rebased(f, offset)));
            start = end;
        }
        return figures;
    }

    private static DayFigure Rebased(DayFigure f, long offset) => offset == 0 ? f : new DayFigure
    {
        Bucket = f.Bucket + offset, Category = f.Category, Channel = f.Channel, Class = f.Class, DepartmentId = f.DepartmentId, IsClosed = f.IsClosed,
        IsForwarded = f.IsForwarded, IsRedispatched = f.IsRedispatched, IsLinked = f.IsLinked, ForwardState = f.ForwardState, Cases = f.Cases,
        OwnerMet = f.OwnerMet, OwnerBreached = f.OwnerBreached, SatisfactionSum = f.SatisfactionSum, SatisfactionCount = f.SatisfactionCount,
    };

    /// <summary>
    /// The figures of the cases received in each stretch, as ReportQueries counts them (a merged duplicate is counted in
    /// the case that answers for it), in ONE grouped pass (through cases_received_id) with the forwarding deadline, the
    /// departments' answer deadlines and the latest satisfaction answer of each case. The deadlines and follow-ups are read
    /// for the stretches' range of case ids only (as ReportQueries: "+ 0" keeps MIN/MAX off the primary key).
    /// </summary>
    private static (string Sql, Dapper.DynamicParameters Parameters) LiveSql(IReadOnlyList<(DateOnly From, DateOnly ToExclusive)> stretches, TimeZoneInfo zone)
    {
        var buckets = new ReportQueries.PeriodBuckets([.. stretches.Select(s => (LocalDays.StartOf(s.From, zone), LocalDays.StartOf(s.ToExclusive, zone)))]);
        const string Ids = """
                           BETWEEN (SELECT MIN(r.id + 0) FROM cases r WHERE r.received_at >= @from AND r.received_at < @to)
                               AND (SELECT MAX(r.id + 0) FROM cases r WHERE r.received_at >= @from AND r.received_at < @to)
                           """;
        var sql = $"""
            SELECT c.bucket, COALESCE(c.category, '(none)') AS category, c.channel, c.class, c.department_id,
                   CASE WHEN c.status IN ('resolved', 'closed') THEN 1 ELSE 0 END AS is_closed,
                   CASE WHEN c.first_forwarded_at IS NOT NULL THEN 1 ELSE 0 END AS is_forwarded,
                   CASE WHEN c.redispatches > 0 THEN 1 ELSE 0 END AS is_redispatched,
                   CASE WHEN c.related_case_id IS NOT NULL THEN 1 ELSE 0 END AS is_linked,
                   fd.state AS forward_state, COUNT(*) AS cases,
                   CAST(COALESCE(SUM(od.met), 0) AS bigint) AS owner_met, CAST(COALESCE(SUM(od.breached), 0) AS bigint) AS owner_breached,
                   CAST(COALESCE(SUM(fs.satisfaction), 0) AS bigint) AS satisfaction_sum, COUNT(fs.satisfaction) AS satisfaction_count
            FROM (SELECT p.id, {buckets.Bucket("p")} AS bucket, p.category, p.channel, p.class, p.department_id, p.status, p.first_forwarded_at,
                         p.redispatches, p.related_case_id
                  FROM cases p WHERE p.received_at >= @from AND p.received_at < @to AND p.status <> 'merged') c
            LEFT JOIN deadlines fd ON fd.case_id = c.id AND fd.kind = 'forward' AND fd.case_id {Ids}
            LEFT JOIN (SELECT d.case_id, SUM(CASE WHEN d.state = 'met' THEN 1 ELSE 0 END) AS met, SUM(CASE WHEN d.state = 'breached' THEN 1 ELSE 0 END) AS breached
                       FROM deadlines d WHERE d.kind = 'ownerAnswer' AND d.case_id {Ids} GROUP BY d.case_id) od ON od.case_id = c.id
            LEFT JOIN (SELECT f.case_id, f.satisfaction FROM follow_ups f
                       WHERE f.satisfaction IS NOT NULL AND f.case_id {Ids}
                         AND f.id = (SELECT MAX(l.id) FROM follow_ups l WHERE l.case_id = f.case_id AND l.satisfaction IS NOT NULL)) fs ON fs.case_id = c.id
            WHERE c.bucket >= 0
            GROUP BY c.bucket, COALESCE(c.category, '(none)'), c.channel, c.class, c.department_id,
                     CASE WHEN c.status IN ('resolved', 'closed') THEN 1 ELSE 0 END, CASE WHEN c.first_forwarded_at IS NOT NULL THEN 1 ELSE 0 END,
                     CASE WHEN c.redispatches > 0 THEN 1 ELSE 0 END, CASE WHEN c.related_case_id IS NOT NULL THEN 1 ELSE 0 END, fd.state
            """;
        return (sql, buckets.Parameters());
    }

    /// <summary>
    /// Per period, the cases (not merged, not linked to an earlier case) whose contact has another case in the same period
    /// (merged ones included, as ReportQueries counts them): one grouped pass over cases_received_contact, which holds
    /// every column it reads. It does not add up over days (a contact's cases on two days of one month).
    /// </summary>
    private static async Task<IReadOnlyDictionary<int, long>> SameContactRepeatsAsync(DbConnection connection,
        IReadOnlyList<(DateOnly From, DateOnly ToExclusive)> periods, TimeZoneInfo zone, CancellationToken ct)
    {
        if (periods.Count == 0) return new Dictionary<int, long>();
        var buckets = new ReportQueries.PeriodBuckets([.. periods.Select(p => (LocalDays.StartOf(p.From, zone), LocalDays.StartOf(p.ToExclusive, zone)))]);
        var rows = await connection.ListAsync<(long Bucket, long Repeats)>(
            $"""
             SELECT g.bucket, CAST(SUM(g.plain) AS bigint) AS repeats
             FROM (SELECT x.bucket, x.contact_id, COUNT(*) AS n,
                          SUM(CASE WHEN x.status <> 'merged' AND x.related_case_id IS NULL THEN 1 ELSE 0 END) AS plain
                   FROM (SELECT {buckets.Bucket("p")} AS bucket, p.contact_id, p.status, p.related_case_id
                         FROM cases p WHERE p.received_at >= @from AND p.received_at < @to) x
                   WHERE x.bucket >= 0
                   GROUP BY x.bucket, x.contact_id) g
             WHERE g.n > 1
             GROUP BY g.bucket
             """, buckets.Parameters(), null, ct);
        return rows.ToDictionary(r => (int)r.Bucket, r => r.Repeats);
    }

    private static IEnumerable<DateOnly> Range(DateOnly from, DateOnly toExclusive)
    {
        for (var d = from; d < toExclusive; d = d.AddDays(1)) yield return d;
    }

    /// <summary>Runs of at most <see cref="DaysPerStatement"/> consecutive days.</summary>
    private static IEnumerable<List<DateOnly>> Runs(IReadOnlyList<DateOnly> days)
    {
        var run = new List<DateOnly>();
        foreach (var day in days)
        {
            if (run.Count > 0 && (run[^1].AddDays(1) != day || run.Count == DaysPerStatement))
            {
                yield return run;
                run = [];
            }
            run.Add(day);
        }
        if (run.Count > 0) yield return run;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
