using System.Globalization;

namespace OmniIntake.Data.Cases;

/// <summary>
/// Where a page of the queue ends: the last row's queue deadline (null: a case that owes nothing timed, listed last) and id.
/// The next page starts strictly after it, so pages never repeat a case and a case added meanwhile lands in its place.
/// </summary>
public readonly record struct QueueCursor(DateTimeOffset? Due, long Id)
{
    /// <summary>The opaque text form the client sends back: "ticks_id", or "-_id" for a case without a deadline.</summary>
    public override string ToString() =>
        (Due is { } due ? due.UtcTicks.ToString(CultureInfo.InvariantCulture) : "-") + "_" + Id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out QueueCursor cursor)
    {
        cursor = default;
        var parts = text?.Split('_');
        if (parts is not { Length: 2 } || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0) return false;
        if (parts[0] == "-")
        {
            cursor = new QueueCursor(null, id);
            return true;
        }
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks) return false;
        cursor = new QueueCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }

    /// <summary>The deadline the queue sorts a case by: forwarding while it is pending, then the department's answer.</summary>
    public static DateTimeOffset? DueOf(CaseSummary c) => c.ForwardState == "pending" ? c.ForwardDueAt : c.AnswerDueAt;
}

/// <summary>A case's place in the queue: its id and the deadline it is sorted by.</summary>
internal sealed class QueueKey
{
    public long Id { get; init; }
    public DateTimeOffset? QueueDue { get; init; }
}

/// <param name="Total">All open cases matching the filter now, however many pages they take.</param>
/// <param name="Next">The cursor of the next page; null on the last.</param>
public sealed record QueuePage(IReadOnlyList<CaseSummary> Cases, int Total, string? Next);

/// <summary>Which open cases a queue page lists: all, those an agent holds, or those nobody holds (issue 15 item 5).</summary>
public sealed record QueueFilter
{
    public string? ClaimedBy { get; init; }
    public bool Unclaimed { get; init; }
    public QueueCursor? After { get; init; }
    public int Limit { get; init; } = 200;
}

/// <summary>
/// The agent's queue of open cases in pages (issue 14 item 6: 10,000 open cases), sorted as the workspace sorts it: by the
/// deadline the case owes next (forwarding, policy 5.2.2, then the department's answer), cases without one last, the newest
/// first among equals. Keyset paging on (deadline, id): every page is one indexed scan of the open cases, not an OFFSET.
/// </summary>
public sealed class QueuePages(Database database)
{
    public const int MaxLimit = 500;

    public async Task<QueuePage> ReadAsync(QueueFilter filter, CancellationToken cancellationToken = default)
    {
        var where = " WHERE " + OpenCases.Where("c")
            + (filter.ClaimedBy is not null ? " AND c.claimed_by = @ClaimedBy" : "")
            + (filter.Unclaimed ? " AND c.claimed_by IS NULL" : "");
        var after = filter.After switch
        {
            null => "",
            { Due: null } => " WHERE k.queue_due IS NULL AND k.id < @afterId",
            _ => " WHERE (k.queue_due > @afterDue OR k.queue_due IS NULL OR (k.queue_due = @afterDue AND k.id < @afterId))",
        };
        // First the page's keys from the cases and their deadlines only, then the rows the list shows for those 200: the
        // summary's other lookups (the holder's name, the warn times) are not made for every open case on every page.
        // NULLS LAST spelled out: PostgreSQL and SQLite disagree on where an ascending sort puts them.
        var keysSql = $"""
            SELECT k.id, k.queue_due FROM (
                SELECT c.id, CASE WHEN d.state = 'pending' THEN d.due_at ELSE
                           (SELECT MIN(a.due_at) FROM deadlines a WHERE a.case_id = c.id AND a.kind IN ('ownerAnswer', 'publicReply') AND a.state = 'pending') END AS queue_due
                FROM cases c LEFT JOIN deadlines d ON d.case_id = c.id AND d.kind = 'forward'{where}) k{after}
            ORDER BY CASE WHEN k.queue_due IS NULL THEN 1 ELSE 0 END, k.queue_due, k.id DESC
            LIMIT @take
            """;
        var take = Math.Clamp(filter.Limit, 1, MaxLimit);
        var param = new Dapper.DynamicParameters(new { filter.ClaimedBy, afterId = filter.After?.Id ?? 0, take = take + 1 });
        if (filter.After?.Due is { } afterDue) param.Add("afterDue", afterDue);
        await using var connection = await database.OpenAsync(cancellationToken);
        var keys = await connection.ListAsync<QueueKey>(keysSql, param, null, cancellationToken);
        var ids = keys.Take(take).Select(k => k.Id).ToArray();
        var rows = ids.Length == 0 ? [] : await connection.ListAsync<CaseSummary>(
            CaseQueries.SummaryColumns + " WHERE " + database.In("c.id", "@ids"), new { ids }, null, cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        var page = ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        var total = await connection.OneAsync<long>("SELECT COUNT(*) FROM cases c" + where, new { filter.ClaimedBy }, null, cancellationToken);
        var last = keys.Count > take ? keys[take - 1] : null;
        var next = last is null ? null : new QueueCursor(last.QueueDue, last.Id).ToString();
        return new QueuePage(page, (int)total, next);
    }
}
