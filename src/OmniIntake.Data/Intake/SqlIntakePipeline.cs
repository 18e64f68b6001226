using Microsoft.Extensions.Logging;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Events;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Policy;

namespace OmniIntake.Data.Intake;

/// <summary>
/// The one intake pipeline: dedupe, contact, thread, write (case, message, deadline, audit, event) in ONE
/// transaction, then tell the event log. A channel acknowledges only after this returned.
/// On PostgreSQL the transaction is three round trips: one read of everything the rules need, one write statement,
/// the commit (issue 2's benchmark).
/// </summary>
public sealed class SqlIntakePipeline(
    Database database,
    IntakeOptions options,
    IDeadlinePolicy policy,
    TimeProvider clock,
    IEventLogSignal signal,
    ILogger<SqlIntakePipeline> logger) : IIntake
{
    public async Task<IntakeResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        var errors = InboundMessageRules.Check(message);
        if (errors.Count > 0) throw new InvalidInboundMessageException(errors);

        // Before the transaction: cleaning untrusted HTML is the one CPU-heavy step (issue 12 item 7).
        var body = IntakeBody.Prepare(message);
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        IntakeResult result;
        await using (var transaction = await Database.BeginWriteAsync(connection, cancellationToken))
        {
            // Read inside the transaction: a read outside would be a transaction (a commit) of its own.
            var lookup = await IntakeLookup.LoadAsync(database, connection, transaction, message, now - options.ThreadingWindow, cancellationToken);
            if (lookup.Duplicate is { } seen)
            {
                await transaction.RollbackAsync(cancellationToken);
                return seen;
            }
            var thread = ThreadingRules.Decide(lookup.Candidates, lookup.ContactId, publicThread: message.Channel == Channel.Forum);
            var write = new IntakeWrite
            {
                Message = message, Body = body, Lookup = lookup, Thread = thread, Now = now, Options = options,
                Decision = Decide(message, body, lookup, thread, now),
            };
            var written = await IntakeWriter.WriteAsync(connection, transaction, database.Dialect, write, cancellationToken);
            if (written is not { } w)
            {
                // A concurrent delivery of the same message committed first: undo ours, answer with theirs.
                await transaction.RollbackAsync(cancellationToken);
                return await FindDuplicateAsync(message, cancellationToken);
            }
            // Issue 13: the customer wrote again, so a case waiting for them runs its clocks again (same transaction).
            if (!write.IsNewCase) await Cases.CasePauses.ResumeOnCustomerMessageAsync(connection, transaction, database, policy, w.CaseId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            result = new IntakeResult(w.CaseId, w.Number, w.MessageId, write.IsNewCase ? IntakeOutcome.NewCase : IntakeOutcome.Threaded);
        }
        signal.EventsCommitted();
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("Intake {Channel}/{ExternalId}: {Outcome} {CaseNumber}", message.Channel.ToName(), message.ExternalId,
                result.Outcome, result.CaseNumber);
        return result;
    }

    /// <summary>Issue 13 item 1: the case aggregate decides what the message does; the threading rules only named the case.</summary>
    private IntakeDecision Decide(InboundMessage message, IntakeBody body, IntakeLookup lookup, ThreadDecision thread, DateTimeOffset now)
    {
        var arrival = IntakeWrite.Arrival(message, body);
        if (thread.Target is { } target) return Case.Thread(target.CaseStatus ?? throw new InvalidOperationException("A threaded case has no status."), arrival, thread.Reason, now);
        var unknownCategory = message.Fields?.Category is { Length: > 0 } given && !lookup.CategoryKnown ? given : null;
        return Case.Register(arrival, new CaseLink(thread.RelatedCaseId, thread.Reason, thread.RepeatOf), unknownCategory, now, policy);
    }

    private async Task<IntakeResult> FindDuplicateAsync(InboundMessage message, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await Database.BeginWriteAsync(connection, ct);
        var lookup = await IntakeLookup.LoadAsync(database, connection, transaction, message, clock.GetUtcNow(), ct);
        return lookup.Duplicate ?? throw new InvalidOperationException("A message conflicted on (channel, external id) but cannot be found.");
    }
}
