using System.Data.Common;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Events;
using OmniIntake.Core.Policy;

namespace OmniIntake.Data.Cases;

/// <summary>
/// Pausing and resuming a case's clocks (issue 13 item 4): loads the case with its class, its pause in force and its
/// clocks, lets <see cref="Case"/> decide, and persists the decision in one transaction (the pause row, the clock rows,
/// the class, the audit entry and the event). The intake resumes a case that waits for the customer when the customer
/// writes again, in the transaction that threads the message.
/// </summary>
public sealed class CasePauses(Database database, IDeadlinePolicy policy, TimeProvider clock, IEventLogSignal signal, PausableClocks pausable)
{
    public Task<CommandResult> PauseAsync(long caseId, WaitingFor waitingFor, string reason, string actor, OwnerScope owner,
        CancellationToken cancellationToken = default) =>
        DecideAsync(caseId, (kase, now) => kase.PauseClocks(waitingFor, reason, owner, actor, now, policy, pausable), cancellationToken);

    public Task<CommandResult> ResumeAsync(long caseId, string? reason, string actor, OwnerScope owner, CancellationToken cancellationToken = default) =>
        DecideAsync(caseId, (kase, now) => kase.ResumeClocks(ResumeCause.ByHand, reason, owner, actor, now, policy), cancellationToken);

    /// <summary>
    /// The customer wrote into the case (any channel): a pause waiting for the customer ends, inside the intake's
    /// transaction. One indexed read when the case does not wait, which is nearly always.
    /// </summary>
    internal static async Task ResumeOnCustomerMessageAsync(DbConnection c, DbTransaction tx, Database database, IDeadlinePolicy policy, long caseId,
        DateTimeOffset now, CancellationToken ct)
    {
        var waiting = await c.OneOrDefaultAsync<string>(
            "SELECT waiting_for FROM case_pauses WHERE case_id = @caseId AND resumed_at IS NULL", new { caseId }, tx, ct);
        if (waiting != WaitingFor.Customer.ToName()) return;
        var kase = await LoadAsync(c, tx, database, caseId, ct);
        if (kase is null) return;
        var decision = kase.ResumeClocks(ResumeCause.CustomerWrote, null, OwnerScope.EveryDepartment, "customer", now, policy);
        if (decision.IsDone) await SaveAsync(c, tx, database, kase, decision, ct);
    }

    private sealed class CaseRow
    {
        public long Id { get; init; }
        public string Number { get; init; } = "";
        public string Status { get; init; } = "";
        public string Channel { get; init; } = "";
        public string Class { get; init; } = "";
        public long? DepartmentId { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
    }

    private sealed class PauseRow
    {
        public string WaitingFor { get; init; } = "";
        public string Reason { get; init; } = "";
        public string PausedBy { get; init; } = "";
        public DateTimeOffset PausedAt { get; init; }
    }

    private sealed class ClockRow
    {
        public string Kind { get; init; } = "";
        public string State { get; init; } = "";
        public DateTimeOffset DueAt { get; init; }
        public long? RemainingSeconds { get; init; }

        public DeadlineKind ParsedKind => Enum.Parse<DeadlineKind>(Kind, ignoreCase: true);
    }

    private static async Task<Case?> LoadAsync(DbConnection c, DbTransaction tx, Database database, long caseId, CancellationToken ct)
    {
        var row = await c.OneOrDefaultAsync<CaseRow>(
            "SELECT id, number, status, channel, class, department_id, received_at FROM cases WHERE id = @caseId" + database.Dialect.ForUpdate,
            new { caseId }, tx, ct);
        if (row is null) return null;
        var pause = await c.OneOrDefaultAsync<PauseRow>(
            "SELECT waiting_for, reason, paused_by, paused_at FROM case_pauses WHERE case_id = @caseId AND resumed_at IS NULL", new { caseId }, tx, ct);
        var clocks = await c.ListAsync<ClockRow>(
            "SELECT kind, state, due_at, remaining_seconds FROM deadlines WHERE case_id = @caseId AND state IN ('pending', 'paused')", new { caseId }, tx, ct);
        return new Case(row.Id, row.Number, Enum.Parse<CaseStatus>(row.Status, ignoreCase: true), ChannelNames.Parse(row.Channel), row.DepartmentId,
            row.ReceivedAt)
        {
            Class = CaseClassNames.TryParse(row.Class, out var caseClass) ? caseClass : CaseClass.General,
            Pause = pause is null || !WaitingForNames.TryParse(pause.WaitingFor, out var waitingFor) ? null
                : new CasePause(waitingFor, pause.Reason, pause.PausedBy, pause.PausedAt),
            OpenClocks = clocks.Where(k => k.State == "pending").Select(k => new OpenClock(k.ParsedKind, k.DueAt)).ToArray(),
            PausedClocks = clocks.Where(k => k.State == DeadlineState.Paused.ToName())
                .Select(k => new PausedClock(k.ParsedKind, TimeSpan.FromSeconds(k.RemainingSeconds ?? 0))).ToArray(),
        };
    }

    private async Task<CommandResult> DecideAsync(long caseId, Func<Case, DateTimeOffset, CaseDecision> decide, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var kase = await LoadAsync(connection, transaction, database, caseId, cancellationToken);
        if (kase is null) return CommandResult.NotFound($"Case {caseId} does not exist.");
        var decision = decide(kase, now);
        if (!decision.IsDone)
        {
            await transaction.RollbackAsync(cancellationToken);
            return decision.Result;
        }
        await SaveAsync(connection, transaction, database, kase, decision, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.EventsCommitted();
        return decision.Result;
    }

    private static async Task SaveAsync(DbConnection c, DbTransaction tx, Database database, Case kase, CaseDecision decision, CancellationToken ct)
    {
        var at = decision.Change!.At;
        var caseId = kase.Id;
        switch (decision.Change)
        {
            case CasePaused paused:
                await c.ExecAsync(
                    """
                    INSERT INTO case_pauses (case_id, waiting_for, reason, paused_by, paused_at) VALUES (@caseId, @waitingFor, @Reason, @Actor, @at)
                    """, new { caseId, waitingFor = paused.WaitingFor.ToName(), paused.Reason, paused.Actor, at }, tx, ct);
                foreach (var stopped in paused.Clocks)
                    await c.ExecAsync(
                        """
                        UPDATE deadlines SET state = 'paused', paused_at = @at, remaining_seconds = @remaining
                        WHERE case_id = @caseId AND kind = @kind AND state = 'pending'
                        """, new { at, remaining = (long)stopped.Remaining.TotalSeconds, caseId, kind = stopped.Kind.ToName() }, tx, ct);
                // Policy 5.5: raised by the rule, not by a person, so later automatic raising may still raise it further.
                await c.ExecAsync(
                    paused.Raise is null ? "UPDATE cases SET updated_at = @at WHERE id = @caseId" : "UPDATE cases SET class = @to, updated_at = @at WHERE id = @caseId",
                    new { to = paused.Raise?.To.ToName(), at, caseId }, tx, ct);
                break;
            case CaseResumed resumed:
                await c.ExecAsync(
                    """
                    UPDATE case_pauses SET resumed_at = @at, resumed_by = @Actor, resumed_because = @because WHERE case_id = @caseId AND resumed_at IS NULL
                    """, new { at, resumed.Actor, because = resumed.Cause == ResumeCause.CustomerWrote ? "customerWrote" : "byHand", caseId }, tx, ct);
                await CaseClocks.ApplyAsync(c, tx, database, caseId, decision.Clocks, at, ct);
                await c.ExecAsync("UPDATE cases SET updated_at = @at WHERE id = @caseId", new { at, caseId }, tx, ct);
                break;
            default:
                throw new InvalidOperationException($"Not a pause: {decision.Change!.GetType().Name}.");
        }
        var change = decision.Change;
        await CaseJournal.WriteAsync(c, tx, caseId, kase.Number, change, null, ct);
    }
}
