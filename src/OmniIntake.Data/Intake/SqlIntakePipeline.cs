using Microsoft.Extensions.Logging;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Events;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Policy;
using OmniIntake.Data.Units;

namespace OmniIntake.Data.Intake;

/// <summary>
/// The one intake pipeline: dedupe, contact, thread, write (case, message, deadline, audit, event) in ONE
/// transaction, then tell the event log. A channel acknowledges only after this returned.
/// On PostgreSQL the transaction is three round trips: one read of everything the rules need, one write statement,
/// the commit (issue 2's benchmark). Issue 17 item 1: inside an inbound unit (a channel's whole message: raw copy,
/// intake, dialog, reply) the intake joins the unit's transaction; called outside one, it runs as a unit of its own
/// through <see cref="IInboundUnits"/>, so concurrent intakes share commits (group commit, item 2).
/// </summary>
public sealed class SqlIntakePipeline(
    Database database,
    IntakeOptions options,
    IDeadlinePolicy policy,
    TimeProvider clock,
    IEventLogSignal signal,
    ILogger<SqlIntakePipeline> logger,
    IInboundUnits units) : IIntake
{
    /// <summary>Each intake a unit of its own, one transaction each (tests and tools that build the pipeline themselves).</summary>
    public SqlIntakePipeline(Database database, IntakeOptions options, IDeadlinePolicy policy, TimeProvider clock, IEventLogSignal signal,
        ILogger<SqlIntakePipeline> logger)
        : this(database, options, policy, clock, signal, logger, new DirectInboundUnits(database))
    {
    }

    public async Task<IntakeResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        var errors = InboundMessageRules.Check(message);
        if (errors.Count > 0) throw new InvalidInboundMessageException(errors);

        // Before the transaction: cleaning untrusted HTML is the one CPU-heavy step (issue 12 item 7).
        var body = IntakeBody.Prepare(message);
        var result = InboundUnit.Current is null
            ? await units.RunAsync(ct => AcceptInUnitAsync(message, body, ct), cancellationToken)
            : await AcceptInUnitAsync(message, body, cancellationToken);
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("Intake {Channel}/{ExternalId}: {Outcome} {CaseNumber}", message.Channel.ToName(), message.ExternalId,
                result.Outcome, result.CaseNumber);
        return result;
    }

    /// <summary>The intake's reads and writes on the unit's transaction; it commits with the unit.</summary>
    private async Task<IntakeResult> AcceptInUnitAsync(InboundMessage message, IntakeBody body, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = await database.WriteAsync(cancellationToken);
        var (connection, transaction) = (scope.Connection, scope.Transaction);
        // Read inside the transaction: a read outside would be a transaction (a commit) of its own.
        var lookup = await IntakeLookup.LoadAsync(database, connection, transaction, message, now - options.ThreadingWindow, cancellationToken);
        if (lookup.Duplicate is { } seen) return seen; // nothing written: an own transaction is rolled back as it is disposed
        var thread = ThreadingRules.Decide(lookup.Candidates, lookup.ContactId, publicThread: message.Channel == Channel.Forum);
        var write = new IntakeWrite
        {
            Message = message, Body = body, Lookup = lookup, Thread = thread, Now = now, Options = options,
            Decision = Decide(message, body, lookup, thread, now),
        };
        var written = await IntakeWriter.WriteAsync(connection, transaction, database.Dialect, write, cancellationToken);
        if (written is not { } w)
        {
            // A concurrent delivery of the same message committed first: the unit is undone (UnitConflictException) and
            // run again alone, where the lookup finds theirs and answers with it.
            await scope.RollbackAsync(cancellationToken);
            throw new UnitConflictException();
        }
        // Issue 13: the customer wrote again, so a case waiting for them runs its clocks again (same transaction).
        if (!write.IsNewCase) await Cases.CasePauses.ResumeOnCustomerMessageAsync(connection, transaction, database, policy, w.CaseId, now, cancellationToken);
        scope.AfterCommit(signal.EventsCommitted);
        await scope.CommitAsync(cancellationToken);
        return new IntakeResult(w.CaseId, w.Number, w.MessageId, write.IsNewCase ? IntakeOutcome.NewCase : IntakeOutcome.Threaded);
    }

    /// <summary>Issue 13 item 1: the case aggregate decides what the message does; the threading rules only named the case.</summary>
    private IntakeDecision Decide(InboundMessage message, IntakeBody body, IntakeLookup lookup, ThreadDecision thread, DateTimeOffset now)
    {
        var arrival = IntakeWrite.Arrival(message, body);
        if (thread.Target is { } target) return Case.Thread(target.CaseStatus ?? throw new InvalidOperationException("A threaded case has no status."), arrival, thread.Reason, now);
        var unknownCategory = message.Fields?.Category is { Length: > 0 } given && !lookup.CategoryKnown ? given : null;
        return Case.Register(arrival, new CaseLink(thread.RelatedCaseId, thread.Reason, thread.RepeatOf), unknownCategory, now, policy);
    }
}
