using System.Data.Common;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Events;
using OmniIntake.Core.Policy;

namespace OmniIntake.Data.Cases;

/// <summary>
/// Pausing and resuming a case's clocks (issue 13 item 4): loads the case with its class, its pause in force and its
/// clocks, lets <see cref="Case"/> decide, and persists the decision in one transaction through <see cref="CaseStore"/>
/// (the pause row, the clock rows, the class, the audit entry and the event). The intake resumes a case that waits for
/// the customer when the customer writes again, in the transaction that threads the message.
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
        var kase = await CaseStore.LoadAsync(c, tx, database, caseId, ct);
        if (kase is null) return;
        var decision = kase.ResumeClocks(ResumeCause.CustomerWrote, null, OwnerScope.EveryDepartment, "customer", now, policy);
        if (decision.IsDone) await CaseStore.SaveAsync(c, tx, database, kase, decision, ct);
    }

    private async Task<CommandResult> DecideAsync(long caseId, Func<Case, DateTimeOffset, CaseDecision> decide, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var kase = await CaseStore.LoadAsync(connection, transaction, database, caseId, cancellationToken);
        if (kase is null) return CommandResult.NotFound($"Case {caseId} does not exist.");
        var decision = decide(kase, now);
        if (!decision.IsDone)
        {
            await transaction.RollbackAsync(cancellationToken);
            return decision.Result;
        }
        await CaseStore.SaveAsync(connection, transaction, database, kase, decision, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.EventsCommitted();
        return decision.Result;
    }
}
