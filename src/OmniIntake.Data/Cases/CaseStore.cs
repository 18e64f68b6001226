using System.Data.Common;
using OmniIntake.Core.Cases;

namespace OmniIntake.Data.Cases;

/// <summary>
/// Loads a <see cref="Case"/> for a decision (row-locked on PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises
/// writers) and persists a done <see cref="CaseDecision"/> inside the caller's transaction: the message it adds, the
/// case row, the clocks, the audit entry and the event. It writes what the decision says and decides nothing (issue 13).
/// </summary>
internal static class CaseStore
{
    private sealed class Row
    {
        public long Id { get; init; }
        public string Number { get; init; } = "";
        public string Status { get; init; } = "";
        public string Channel { get; init; } = "";
        public long? DepartmentId { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
    }

    public static async Task<Case?> LoadAsync(DbConnection c, DbTransaction tx, Database database, long caseId, CancellationToken ct)
    {
        var row = await c.OneOrDefaultAsync<Row>(
            "SELECT id, number, status, channel, department_id, received_at FROM cases WHERE id = @caseId" + (database.IsPostgres ? " FOR UPDATE" : ""),
            new { caseId }, tx, ct);
        return row is null ? null
            : new Case(row.Id, row.Number, Enum.Parse<CaseStatus>(row.Status, ignoreCase: true), ChannelNames.Parse(row.Channel), row.DepartmentId, row.ReceivedAt);
    }

    public static async Task SaveAsync(DbConnection c, DbTransaction tx, Database database, Case kase, CaseDecision decision, CancellationToken ct)
    {
        if (!decision.IsDone || decision.Change is not { } change) throw new InvalidOperationException("Only a done decision is saved.");
        long? messageId = decision.Message is { } message
            ? await CaseMessages.AddAsync(c, tx, kase.Id, kase.Channel.ToName(), message, change.At, ct)
            : null;
        await WriteCaseRowAsync(c, tx, kase.Id, change, ct);
        await CaseClocks.ApplyAsync(c, tx, database, kase.Id, decision.Clocks, change.At, ct);
        await CaseJournal.RecordAsync(c, tx, kase.Id, kase.Number, change.At, change.Actor, change.AuditAction, change.AuditDetail(messageId),
            change.EventKind, change.EventData(messageId), ct);
    }

    private static Task<int> WriteCaseRowAsync(DbConnection c, DbTransaction tx, long caseId, CaseChange change, CancellationToken ct)
    {
        var status = change.ToStatus.ToName();
        var at = change.At;
        return change switch
        {
            CaseForwarded f => c.ExecAsync(
                """
                UPDATE cases SET status = @status, department_id = @DepartmentId, redispatches = redispatches + @redispatched,
                       first_forwarded_at = COALESCE(first_forwarded_at, @at), updated_at = @at WHERE id = @caseId
                """, new { status, f.DepartmentId, redispatched = f.Redispatch ? 1 : 0, at, caseId }, tx, ct),
            // Back in the centre's queue: no longer resolved or closed.
            CaseSentBack or CaseReopened => c.ExecAsync(
                "UPDATE cases SET status = @status, resolved_at = NULL, closed_at = NULL, updated_at = @at WHERE id = @caseId", new { status, at, caseId }, tx, ct),
            CaseResolved => c.ExecAsync("UPDATE cases SET status = @status, resolved_at = @at, updated_at = @at WHERE id = @caseId",
                new { status, at, caseId }, tx, ct),
            CaseClosed => c.ExecAsync("UPDATE cases SET status = @status, closed_at = @at, updated_at = @at WHERE id = @caseId", new { status, at, caseId }, tx, ct),
            CaseAnswered => c.ExecAsync(
                "UPDATE cases SET status = @status, owner_answered_at = COALESCE(owner_answered_at, @at), updated_at = @at WHERE id = @caseId",
                new { status, at, caseId }, tx, ct),
            _ => throw new InvalidOperationException($"No case row write for {change.GetType().Name}."),
        };
    }
}
