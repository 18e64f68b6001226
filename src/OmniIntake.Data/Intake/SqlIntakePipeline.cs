using Microsoft.Extensions.Logging;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
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
            var forwardClock = DeadlineClock.Receipt(message.ReceivedAt);
            var write = new IntakeWrite
            {
                Message = message, Body = body, Lookup = lookup, Thread = ThreadingRules.Decide(lookup.Candidates, lookup.ContactId, publicThread: message.Channel == Channel.Forum), Now = now,
                Options = options, ForwardClock = forwardClock, Forwarding = forwardClock.Due(policy, message.Channel),
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

    private async Task<IntakeResult> FindDuplicateAsync(InboundMessage message, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await Database.BeginWriteAsync(connection, ct);
        var lookup = await IntakeLookup.LoadAsync(database, connection, transaction, message, clock.GetUtcNow(), ct);
        return lookup.Duplicate ?? throw new InvalidOperationException("A message conflicted on (channel, external id) but cannot be found.");
    }
}
