using OmniIntake.Data.Cases;

namespace OmniIntake.Data.Reports;

/// <summary>The board's buckets (issue 14 item 5): which open cases a tile or a cell of the board counts.</summary>
public enum BoardBucket
{
    /// <summary>Every open case.</summary>
    Open,
    /// <summary>Forwarding deadline pending, its warning not reached.</summary>
    InWindow,
    /// <summary>Forwarding deadline pending, past its warning.</summary>
    AtRisk,
    /// <summary>Forwarding deadline breached, the case still waiting to be forwarded.</summary>
    Breached,
    /// <summary>Forwarded, the department's written answer (or the forum's public reply) pending.</summary>
    AwaitingAnswer,
}

/// <summary>A row of the board (a channel, a department code or an agent's username), as <see cref="BoardRow.Key"/> names it.</summary>
/// <param name="Department">A department code, or "(not forwarded)".</param>
/// <param name="Agent">An agent's username, or "(unclaimed)".</param>
public sealed record BoardFilter(string? Channel = null, string? Department = null, string? Agent = null);

/// <summary>One case a board bucket counts, with the deadline that put it there.</summary>
public sealed class BoardCase
{
    public long Id { get; init; }
    public string Number { get; init; } = "";
    public string Channel { get; init; } = "";
    public string Status { get; init; } = "";
    public string Class { get; init; } = "";
    public string? Category { get; init; }
    public string? Department { get; init; }
    public string? ClaimedBy { get; init; }
    public string? Subject { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    /// <summary>The deadline the bucket is about: forwarding, or for AwaitingAnswer the earliest pending answer.</summary>
    public string? DeadlineKind { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    /// <summary>"inWindow", "atRisk", "breached", or null when the case has no such deadline pending.</summary>
    public string? Standing { get; init; }
}

public sealed class BoardCases(Database database, TimeProvider clock)
{
    public const string NotForwarded = "(not forwarded)";
    public const string Unclaimed = "(unclaimed)";

    /// <summary>The open cases in <paramref name="bucket"/> (and the row <paramref name="filter"/> names), the most urgent first.</summary>
    public async Task<IReadOnlyList<BoardCase>> ListAsync(BoardBucket bucket, BoardFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        // The same conditions as BoardQueries.NowAsync counts with, so a bucket lists exactly the cases its number counts.
        // A forum case awaiting both the owner's answer and the public reply is listed once per deadline, as it is counted.
        var deadline = bucket == BoardBucket.AwaitingAnswer
            ? "JOIN deadlines d ON d.case_id = c.id AND d.kind IN ('ownerAnswer', 'publicReply')"
            : "LEFT JOIN deadlines d ON d.case_id = c.id AND d.kind = 'forward'";
        var where = bucket switch
        {
            BoardBucket.InWindow => "d.state = 'pending' AND (d.warn_at IS NULL OR d.warn_at > @now)",
            BoardBucket.AtRisk => "d.state = 'pending' AND d.warn_at <= @now",
            BoardBucket.Breached => "d.state = 'breached' AND c.status = 'received'",
            BoardBucket.AwaitingAnswer => "d.state = 'pending'",
            _ => "1 = 1",
        };
        if (filter.Channel is not null) where += " AND c.channel = @channel";
        if (filter.Department == NotForwarded) where += " AND c.department_id IS NULL";
        else if (filter.Department is not null) where += " AND dep.code = @department";
        if (filter.Agent == Unclaimed) where += " AND c.claimed_by IS NULL";
        else if (filter.Agent is not null) where += " AND c.claimed_by = @agent";
        var sql = $"""
            SELECT c.id, c.number, c.channel, c.status, c.class, c.category, dep.code AS department, c.claimed_by, c.subject, c.received_at,
                   d.kind AS deadline_kind, d.due_at,
                   CASE WHEN d.state = 'breached' THEN 'breached' WHEN d.state = 'pending' AND d.warn_at <= @now THEN 'atRisk'
                        WHEN d.state = 'pending' THEN 'inWindow' END AS standing
            FROM cases c
            {deadline}
            LEFT JOIN departments dep ON dep.id = c.department_id
            WHERE {OpenCases.Where("c")} AND {where}
            ORDER BY CASE WHEN d.due_at IS NULL THEN 1 ELSE 0 END, d.due_at, c.received_at
            LIMIT @limit
            """;
        return await connection.ListAsync<BoardCase>(sql, new { now, channel = filter.Channel, department = filter.Department, agent = filter.Agent, limit }, null, cancellationToken);
    }
}
