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
        public long ContactId { get; init; }
        public string Class { get; init; } = "";
        public string? Category { get; init; }
        public bool ClassByHand { get; init; }
        public string? WaitingFor { get; init; }
        public string? PauseReason { get; init; }
        public string? PausedBy { get; init; }
        public DateTimeOffset? PausedAt { get; init; }
    }

    public static async Task<Case?> LoadAsync(DbConnection c, DbTransaction tx, Database database, long caseId, CancellationToken ct)
    {
        // With the pause in force (issue 13): a transition of a waiting case may start its clocks paused.
        var row = await c.OneOrDefaultAsync<Row>(
            """
            SELECT c.id, c.number, c.status, c.channel, c.department_id, c.received_at, c.contact_id, c.class, c.category, c.class_by_hand,
                   p.waiting_for, p.reason AS pause_reason, p.paused_by, p.paused_at
            FROM cases c LEFT JOIN case_pauses p ON p.case_id = c.id AND p.resumed_at IS NULL WHERE c.id = @caseId
            """ + database.Dialect.ForUpdateOf("c"),
            new { caseId }, tx, ct);
        if (row is null) return null;
        return new Case(row.Id, row.Number, Enum.Parse<CaseStatus>(row.Status, ignoreCase: true), ChannelNames.Parse(row.Channel), row.DepartmentId,
            row.ReceivedAt)
        {
            ContactId = row.ContactId,
            Class = CaseClassNames.TryParse(row.Class, out var caseClass) ? caseClass : CaseClass.General,
            Category = row.Category,
            ClassByHand = row.ClassByHand,
            Pause = row.PausedAt is { } since && WaitingForNames.TryParse(row.WaitingFor, out var waitingFor)
                ? new CasePause(waitingFor, row.PauseReason ?? "", row.PausedBy ?? "", since)
                : null,
        };
    }

    public static async Task SaveAsync(DbConnection c, DbTransaction tx, Database database, Case kase, CaseDecision decision, CancellationToken ct)
    {
        if (!decision.IsDone || decision.Change is not { } change) throw new InvalidOperationException("Only a done decision is saved.");
        long? messageId = decision.Message is { } message
            ? await CaseMessages.AddAsync(c, tx, kase.Id, kase.Channel.ToName(), message, change.At, ct)
            : null;
        // A reply goes out through the outbox: one row per recipient, sent by a job (ARCHITECTURE.md).
        foreach (var delivery in decision.Deliveries ?? [])
            await c.ExecAsync(
                """
                INSERT INTO outbox (case_id, message_id, channel, recipient, status, attempts, next_attempt_at, created_at)
                VALUES (@caseId, @messageId, @Channel, @Recipient, 'pending', 0, @at, @at)
                """, new { caseId = kase.Id, messageId, delivery.Channel, delivery.Recipient, at = change.At }, tx, ct);
        await WriteCaseRowAsync(c, tx, database, kase.Id, change, ct);
        await CaseClocks.ApplyAsync(c, tx, database, kase.Id, decision.Clocks, change.At, ct);
        await CaseJournal.WriteAsync(c, tx, kase.Id, kase.Number, change, messageId, ct);
    }

    private static Task<int> WriteCaseRowAsync(DbConnection c, DbTransaction tx, Database database, long caseId, CaseChange change, CancellationToken ct)
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
            CaseClassified k => c.ExecAsync(
                $"UPDATE cases SET class = @toClass, category = @ToCategory, updated_at = @at{(k.ByHand ? ", class_by_hand = " + database.True : "")} WHERE id = @caseId",
                new { toClass = k.ToClass.ToName(), k.ToCategory, at, caseId }, tx, ct),
            // Earlier duplicates merged into this one now point at the survivor too.
            CaseMerged m => c.ExecAsync(
                """
                UPDATE cases SET status = @status, merged_into_id = @IntoId, updated_at = @at WHERE id = @caseId;
                UPDATE cases SET merged_into_id = @IntoId WHERE merged_into_id = @caseId;
                """, new { status, m.IntoId, at, caseId }, tx, ct),
            CaseMergedIn m => AddPartiesAsync(c, tx, caseId, m, ct),
            CaseReplied => c.ExecAsync("UPDATE cases SET first_replied_at = COALESCE(first_replied_at, @at), updated_at = @at WHERE id = @caseId",
                new { at, caseId }, tx, ct),
            CaseWithdrawn => c.ExecAsync("UPDATE cases SET status = @status, updated_at = @at WHERE id = @caseId", new { status, at, caseId }, tx, ct),
            _ => throw new InvalidOperationException($"No case row write for {change.GetType().Name}."),
        };
    }

    private static async Task<int> AddPartiesAsync(DbConnection c, DbTransaction tx, long caseId, CaseMergedIn merged, CancellationToken ct)
    {
        var added = 0;
        foreach (var contactId in merged.Complainants)
            added += await c.ExecAsync(
                "INSERT INTO case_parties (case_id, contact_id, added_at, added_by) VALUES (@caseId, @contactId, @At, @Actor) ON CONFLICT (case_id, contact_id) DO NOTHING",
                new { caseId, contactId, merged.At, merged.Actor }, tx, ct);
        return added;
    }
}
