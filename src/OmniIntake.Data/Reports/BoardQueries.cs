using OmniIntake.Data.Cases;

namespace OmniIntake.Data.Reports;

/// <summary>The supervisors' live picture (issue 7): open cases by where they stand against their forwarding window.</summary>
public sealed record Board(DateTimeOffset At, long InWindow, long AtRisk, long Breached, long AwaitingAnswer, IReadOnlyList<BoardRow> ByChannel,
    IReadOnlyList<BoardRow> ByDepartment, IReadOnlyList<BoardRow> ByAgent, OldestCase? OldestWaiting);

/// <param name="Key">A channel, a department code, or an agent's username ("(unclaimed)").</param>
public sealed record BoardRow(string Key, long InWindow, long AtRisk, long Breached, long Open);

/// <summary>The open case waiting longest to be forwarded.</summary>
public sealed class OldestCase
{
    public long Id { get; init; }
    public string Number { get; init; } = "";
    public string Channel { get; init; } = "";
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public string State { get; init; } = "";
}

public sealed class BoardQueries(Database database, TimeProvider clock)
{
    private sealed class Row
    {
        public string Key { get; init; } = "";
        public long InWindow { get; init; }
        public long AtRisk { get; init; }
        public long Breached { get; init; }
        public long Open { get; init; }
    }

    public async Task<Board> NowAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        // Issue 17 item 6: every statement reads the open cases through their partial index (cases_open), never the history.
        // In window: the forwarding deadline is pending and not yet at risk; at risk: pending past its warning; breached:
        // breached and the case still open (not forwarded yet, or back in the queue).
        string By(string key, string join = "") => $"""
            SELECT {key} AS key,
                   SUM(CASE WHEN d.state = 'pending' AND (d.warn_at IS NULL OR d.warn_at > @now) THEN 1 ELSE 0 END) AS in_window,
                   SUM(CASE WHEN d.state = 'pending' AND d.warn_at <= @now THEN 1 ELSE 0 END) AS at_risk,
                   SUM(CASE WHEN d.state = 'breached' AND c.status = 'received' THEN 1 ELSE 0 END) AS breached,
                   COUNT(*) AS open
            FROM cases c LEFT JOIN deadlines d ON d.case_id = c.id AND d.kind = 'forward' {join}
            WHERE {OpenCases.Where("c")}
            GROUP BY {key} ORDER BY COUNT(*) DESC
            """;
        var p = new { now };
        static IReadOnlyList<BoardRow> Rows(IEnumerable<Row> rows) => rows.Select(r => new BoardRow(r.Key, r.InWindow, r.AtRisk, r.Breached, r.Open)).ToList();
        var byChannel = Rows(await connection.ListAsync<Row>(By("c.channel"), p, null, cancellationToken));
        var byDepartment = Rows(await connection.ListAsync<Row>(By("COALESCE(dep.code, '(not forwarded)')", "LEFT JOIN departments dep ON dep.id = c.department_id"), p,
            null, cancellationToken));
        var byAgent = Rows(await connection.ListAsync<Row>(By("COALESCE(c.claimed_by, '(unclaimed)')"), p, null, cancellationToken));
        var awaitingAnswer = await connection.OneAsync<long>(
            $"SELECT COUNT(*) FROM deadlines d JOIN cases c ON c.id = d.case_id WHERE d.kind IN ('ownerAnswer', 'publicReply') AND d.state = 'pending' AND {OpenCases.Where("c")}",
            p, null, cancellationToken);
        var oldest = await connection.OneOrDefaultAsync<OldestCase>(
            $"""
             SELECT c.id, c.number, c.channel, c.received_at, d.due_at, d.state FROM cases c JOIN deadlines d ON d.case_id = c.id AND d.kind = 'forward'
             WHERE c.status = 'received' AND d.state IN ('pending', 'breached') ORDER BY c.received_at LIMIT 1
             """, p, null, cancellationToken);
        return new Board(now, byChannel.Sum(r => r.InWindow), byChannel.Sum(r => r.AtRisk), byChannel.Sum(r => r.Breached), awaitingAnswer,
            byChannel, byDepartment, byAgent, oldest);
    }
}
