using Dapper;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Events;
using OmniIntake.Core.Outbound;
using OmniIntake.Data.Cases;

namespace OmniIntake.Data.Outbox;

/// <summary>
/// Queues the hub's own messages (acknowledgements, prompts) as outbound messages with an automatic outbox row, in one
/// transaction with the audit entry. Unlike an agent's reply it meets no deadline: a receipt is not an answer.
/// </summary>
public sealed class AutomaticReplies(Database database, TimeProvider clock, IEventLogSignal signal) : IAutomaticReplies
{
    public Task<AutomaticReplyOutcome> QueueAsync(long caseId, string text, AutomaticReplyLimit limit, CancellationToken cancellationToken = default) =>
        QueueCoreAsync(caseId, null, null, null, text, limit, cancellationToken);

    public Task<AutomaticReplyOutcome> QueueOnceAsync(long caseId, string onceKey, string text, AutomaticReplyLimit limit,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(onceKey);
        return QueueCoreAsync(caseId, onceKey, null, null, text, limit, cancellationToken);
    }

    public Task<AutomaticReplyOutcome> QueueToAsync(long caseId, Channel channel, string recipient, string text, AutomaticReplyLimit limit,
        CancellationToken cancellationToken = default) =>
        QueueCoreAsync(caseId, null, channel, recipient, text, limit, cancellationToken);

    private async Task<AutomaticReplyOutcome> QueueCoreAsync(long caseId, string? onceKey, Channel? channelOverride, string? recipientOverride, string text,
        AutomaticReplyLimit limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var now = clock.GetUtcNow();
        // Joins the inbound unit when one is in progress (issue 17 item 1): the reply's outbox row commits with the message.
        await using var write = await database.WriteAsync(cancellationToken);
        var (connection, transaction) = (write.Connection, write.Transaction);
        // The case and its contact's handles in one round trip (issue 17: a round trip fewer per automatic reply).
        CaseRow found;
        string? recipient;
        await using (var read = await connection.QueryMultipleAsync(new CommandDefinition(
                         """
                         SELECT id, number, channel, contact_id FROM cases WHERE id = @caseId;
                         SELECT h.kind, h.value FROM contact_handles h JOIN cases c ON c.contact_id = h.contact_id WHERE c.id = @caseId
                         """, new { caseId }, transaction, cancellationToken: cancellationToken)))
        {
            found = await read.ReadFirstOrDefaultAsync<CaseRow>() ?? throw new InvalidOperationException($"Case {caseId} does not exist.");
            recipient = recipientOverride ?? CaseRecipient.Among(found.Channel, await read.ReadAsync<(string, string)>());
        }
        var channel = channelOverride?.ToName() ?? found.Channel;
        // Nothing written yet on these two ways out: an own transaction is rolled back as it is disposed, a unit goes on.
        if (string.IsNullOrEmpty(recipient)) return AutomaticReplyOutcome.NoRecipient;
        // Serialises the count-then-insert per recipient across processes (SQLite's BEGIN IMMEDIATE already does); the two
        // counts run inside the recipient's lock (SQLite: the write transaction), so two deliveries of one message queue
        // one reply. One round trip (issue 17 item 3): each statement of a batch runs, with a snapshot of its own, after
        // the one before it, so the counts see what the lock's previous holder committed.
        var serialise = database.Dialect.TransactionLock("hashtext('auto-reply:' || @recipient)");
        var sql = string.Join(";\n", new[]
        {
            serialise,
            onceKey is null ? "SELECT CAST(0 AS bigint)" : "SELECT COUNT(*) FROM outbox WHERE once_key = @onceKey",
            $"SELECT COUNT(*) FROM outbox WHERE recipient = @recipient AND automatic = {database.True} AND created_at > @since",
        }.OfType<string>());
        long queuedBefore, recent;
        await using (var counts = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { recipient, onceKey, since = now - limit.Window },
                         transaction, cancellationToken: cancellationToken)))
        {
            if (serialise is not null) await counts.ReadAsync();
            queuedBefore = await counts.ReadSingleAsync<long>();
            recent = await counts.ReadSingleAsync<long>();
        }
        if (queuedBefore > 0) return AutomaticReplyOutcome.AlreadyQueued;
        if (recent >= limit.Count)
        {
            await CaseJournal.WriteAsync(connection, transaction, caseId, new AutomaticReplyRateLimited(now, recipient, recent, limit.Count, limit.Window),
                cancellationToken);
            await write.CommitAsync(cancellationToken);
            return AutomaticReplyOutcome.RateLimited;
        }
        var messageId = await HubMessages.QueueAsync(connection, transaction, database, caseId, "outbound", channel, recipient, null, text, now, cancellationToken,
            onceKey: onceKey);
        await CaseJournal.WriteAsync(connection, transaction, caseId, found.Number, new AutomaticReplyQueued(now, channel), messageId, cancellationToken);
        write.AfterCommit(signal.EventsCommitted);
        await write.CommitAsync(cancellationToken);
        return AutomaticReplyOutcome.Queued;
    }

    private sealed class CaseRow
    {
        public long Id { get; init; }
        public string Number { get; init; } = "";
        public string Channel { get; init; } = "";
        public long ContactId { get; init; }
    }
}
