using System.Data.Common;
using OmniIntake.Core.Assignment;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Events;
using OmniIntake.Data.Cases;

namespace OmniIntake.Data.Assignment;

/// <summary>The outcome of an assignment: done (or already so), or refused with the reason and a stable code.</summary>
public sealed record AssignmentOutcome(CommandResult Result, string? Code)
{
    public bool IsDone => Result.IsDone;
}

/// <summary>
/// Persists assignments (issue 15 item 5): loads the case (row-locked) and the assignee, lets <see cref="Case.Assign"/>
/// decide, and writes the holder, the audit entry and the live event in one transaction. An assignment sets the same
/// holder a claim does (<c>cases.claimed_by</c>), so "mine" and "unassigned" in every queue follow it.
/// </summary>
public sealed class AssignmentStore(Database database, TimeProvider clock, IEventLogSignal signal)
{
    private sealed class AssigneeRow
    {
        public string Username { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Roles { get; init; } = "";
    }

    /// <param name="userId">The user to give the case to; null gives it back to the queue.</param>
    /// <param name="mayTakeFromOthers">The actor is a supervisor: they may take the case from the colleague who holds it.</param>
    public async Task<AssignmentOutcome> AssignAsync(long caseId, long? userId, string actor, string? note, bool mayTakeFromOthers,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        // An id nobody has is named "#id", so the case decides about it (a handled case is refused first, whoever is asked for).
        var assignee = userId is { } id
            ? await connection.OneOrDefaultAsync<string?>("SELECT username FROM users WHERE id = @id", new { id }, transaction, cancellationToken) ?? $"#{id}"
            : null;
        var outcome = await AssignInAsync(connection, transaction, caseId, assignee, actor, note, now, mayTakeFromOthers, automatic: false,
            cancellationToken);
        if (!outcome.IsDone)
        {
            await transaction.RollbackAsync(cancellationToken);
            return outcome;
        }
        await transaction.CommitAsync(cancellationToken);
        signal.EventsCommitted();
        return outcome;
    }

    /// <summary>
    /// Automatic assignment of one case: only while nobody holds it (a colleague may have claimed it meanwhile), to
    /// the agent the round robin chose, and only while that agent holds fewer than <paramref name="capacity"/> open
    /// cases; moves that agent's turn. False when the case was no longer free or the agent is full.
    /// </summary>
    public async Task<bool> AssignAutomaticallyAsync(long caseId, string agent, int capacity, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var holder = await connection.OneOrDefaultAsync<string?>(
            "SELECT claimed_by FROM cases WHERE id = @caseId" + database.Dialect.ForUpdate, new { caseId }, transaction, cancellationToken);
        if (holder is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        // Issue 15: two nodes assigning at the same instant must not put an agent over capacity. The agent's
        // availability row is the lock: whoever holds it counts the agent's open cases after the other's commit
        // (PostgreSQL: row lock; SQLite: BEGIN IMMEDIATE already serialises writers).
        await connection.ExecAsync(
            "INSERT INTO agent_availability (username, away, changed_at) VALUES (@agent, @no, @now) ON CONFLICT (username) DO NOTHING",
            new { agent, no = false, now }, transaction, cancellationToken);
        await connection.ExecAsync("SELECT 1 FROM agent_availability WHERE username = @agent" + database.Dialect.ForUpdate, new { agent }, transaction,
            cancellationToken);
        var open = string.Join(", ", CaseLifecycle.OpenNames.Select(n => $"'{n}'"));
        var held = await connection.OneOrDefaultAsync<long>($"SELECT COUNT(*) FROM cases WHERE claimed_by = @agent AND status IN ({open})",
            new { agent }, transaction, cancellationToken);
        if (held >= capacity)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        var outcome = await AssignInAsync(connection, transaction, caseId, agent, CaseAssigned.SystemActor, null, now, mayTakeFromOthers: false,
            automatic: true, cancellationToken);
        if (!outcome.IsDone)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await connection.ExecAsync(
            """
            INSERT INTO agent_availability (username, away, changed_at, last_assigned_at) VALUES (@agent, @no, @now, @now)
            ON CONFLICT (username) DO UPDATE SET last_assigned_at = excluded.last_assigned_at
            """, new { agent, no = false, now }, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.EventsCommitted();
        return true;
    }

    private async Task<AssignmentOutcome> AssignInAsync(DbConnection c, DbTransaction tx, long caseId, string? assignee, string actor, string? note,
        DateTimeOffset now, bool mayTakeFromOthers, bool automatic, CancellationToken ct)
    {
        var kase = await CaseStore.LoadAsync(c, tx, database, caseId, ct);
        if (kase is null) return new AssignmentOutcome(CommandResult.NotFound($"Case {caseId} does not exist."), AssignmentCodes.NotFound);
        var holder = await c.OneOrDefaultAsync<string?>("SELECT claimed_by FROM cases WHERE id = @caseId", new { caseId }, tx, ct);
        var requested = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim().ToLowerInvariant();
        Assignee? found = null;
        if (requested is not null
            && await c.OneOrDefaultAsync<AssigneeRow>("SELECT username, display_name, CASE WHEN disabled_at IS NULL THEN roles ELSE '' END AS roles FROM users WHERE username = @requested",
                new { requested }, tx, ct) is { } row)
            found = new Assignee(row.Username, row.DisplayName,
                row.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var decision = kase.Assign(holder, requested, found, actor, note, now, mayTakeFromOthers, automatic);
        if (!decision.IsDone) return new AssignmentOutcome(decision.Result, decision.Code);
        if (decision.Change is not { } change) return new AssignmentOutcome(CommandResult.Done, null);
        await c.ExecAsync("UPDATE cases SET claimed_by = @To, claimed_at = @claimedAt, updated_at = @now WHERE id = @caseId",
            new { change.To, claimedAt = change.To is null ? (DateTimeOffset?)null : now, now, caseId }, tx, ct);
        await CaseJournal.WriteAsync(c, tx, caseId, kase.Number, change, null, ct);
        return new AssignmentOutcome(CommandResult.Done, null);
    }
}
