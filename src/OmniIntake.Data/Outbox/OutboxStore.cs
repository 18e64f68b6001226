using OmniIntake.Core.Cases;
using OmniIntake.Core.Events;
using OmniIntake.Core.Outbound;
using OmniIntake.Data.Cases;

namespace OmniIntake.Data.Outbox;

/// <summary>
/// The outbox rows that replies were queued into. A row is claimed with a lease (status 'sending', next attempt at
/// the lease's end), so a process that crashes mid-send leaves a row another run takes again, never a lost reply.
/// Every outcome is kept on the case (audit) and pushed live (event).
/// </summary>
public sealed class OutboxStore(Database database, TimeProvider clock, IEventLogSignal signal, IOutboundSeal seal)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Claims the oldest due row, or null when none is due.</summary>
    public async Task<OutboundMessage?> ClaimNextAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var row = await connection.OneOrDefaultAsync<ClaimedRow>(
            $"""
            UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = @leaseEnd
            WHERE id = (SELECT id FROM outbox WHERE status IN ('pending', 'sending', 'retrying') AND next_attempt_at <= @now
                        ORDER BY next_attempt_at, id LIMIT 1{database.Dialect.ForUpdateSkipLocked})
            RETURNING id, message_id, case_id, channel, recipient, attempts, automatic, sealed_text
            """, new { now, leaseEnd = now + Lease }, transaction, cancellationToken);
        if (row is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }
        var (number, subject, text, session, direction, attachments) = await connection.OneAsync<(string, string?, string, string?, string, string)>(
            "SELECT c.number, c.subject, m.body_text, c.session_key, m.direction, m.attachments FROM cases c JOIN messages m ON m.id = @MessageId WHERE c.id = @CaseId", row,
            transaction, cancellationToken);
        // A notice to a supervisor is a new conversation with them, not part of the customer's thread.
        var notification = direction == "notification";
        var thread = row.Channel == "email" && !notification
            ? await connection.ListAsync<(string Id, string Direction)>(
                "SELECT email_message_id, direction FROM messages WHERE case_id = @CaseId AND email_message_id IS NOT NULL ORDER BY id", row,
                transaction, cancellationToken)
            : [];
        await transaction.CommitAsync(cancellationToken);
        // The text the case file shows has the secret left out (a follow-up's link); the customer gets the sealed one.
        if (row.SealedText is { } sealedText) text = seal.Unseal(sealedText) ?? text;
        return new OutboundMessage(row.Id, row.MessageId, row.CaseId, number, ChannelNames.Parse(row.Channel), row.Recipient, text, row.Attempts)
        {
            Automatic = row.Automatic,
            CaseSubject = subject,
            ThreadKey = notification ? null : session,
            Attachments = direction == "outbound" && attachments is not ("[]" or "")
                ? (System.Text.Json.JsonSerializer.Deserialize<List<Core.Messages.Attachment>>(attachments, Json.Options) ?? []).Where(a => a.StorageKey is not null).ToList()
                : [],
            InReplyTo = thread.LastOrDefault(m => m.Direction == "inbound").Id,
            // Mail clients cope with long References, but the first and the latest few are what they use.
            References = thread.Count <= 20 ? thread.Select(m => m.Id).ToList() : [thread[0].Id, .. thread.TakeLast(19).Select(m => m.Id)],
        };
    }

    /// <summary>Records what the sender answered. <paramref name="retryAt"/> is the next attempt of a retryable failure.</summary>
    public Task RecordAsync(OutboundMessage message, OutboxStatus status, string? providerId, string? error, DateTimeOffset? retryAt,
        CancellationToken cancellationToken = default) =>
        RecordAsync(message, status, providerId, error, retryAt, null, cancellationToken);

    /// <param name="segments">SMS parts the message cost, when the sender counted them.</param>
    public async Task RecordAsync(OutboundMessage message, OutboxStatus status, string? providerId, string? error, DateTimeOffset? retryAt,
        int? segments, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var name = status.ToString().ToLowerInvariant();
        await connection.ExecAsync(
            """
            UPDATE outbox SET status = @name, last_error = @error, sent_at = CASE WHEN @name = 'sent' THEN @now ELSE sent_at END,
                   sealed_text = CASE WHEN @name IN ('sent', 'failed', 'manual') THEN NULL ELSE sealed_text END,
                   next_attempt_at = COALESCE(@retryAt, next_attempt_at), segments = COALESCE(@segments, segments)
            WHERE id = @OutboxId AND status = 'sending';
            UPDATE messages SET external_id = COALESCE(@providerId, external_id),
                   email_message_id = CASE WHEN channel = 'email' THEN COALESCE(@providerId, email_message_id) ELSE email_message_id END
            WHERE id = @MessageId AND direction IN ('outbound', 'notification');
            """, new { name, error, now, retryAt, message.OutboxId, providerId, message.MessageId, segments }, transaction, cancellationToken);
        await CaseJournal.WriteAsync(connection, transaction, message.CaseId, message.CaseNumber,
            new DeliveryRecorded(now, name, message.OutboxId, message.MessageId, message.Channel.ToName(), message.Attempt, providerId, error, retryAt, segments),
            null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.EventsCommitted();
    }

    /// <summary>Replies that are not going out (retrying, failed, to deliver by hand), newest first: the supervisors' list.</summary>
    public async Task<IReadOnlyList<OutboxProblem>> ProblemsAsync(string? status, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<OutboxProblem>(
            """
            SELECT o.id, c.number AS case_number, o.case_id, o.message_id, o.channel, o.recipient, o.status, o.attempts, o.last_error,
                   o.next_attempt_at, o.provider_status, o.created_at
            FROM outbox o JOIN cases c ON c.id = o.case_id
            WHERE (@status IS NULL AND o.status IN ('retrying', 'failed', 'manual')) OR o.status = @status
            ORDER BY o.id DESC LIMIT @limit
            """, new { status, limit }, null, cancellationToken);
    }

    private sealed class ClaimedRow
    {
        public long Id { get; init; }
        public long MessageId { get; init; }
        public long CaseId { get; init; }
        public string Channel { get; init; } = "";
        public string Recipient { get; init; } = "";
        public int Attempts { get; init; }
        public bool Automatic { get; init; }
        public string? SealedText { get; init; }
    }
}

/// <summary>Where a queued reply stands; shown on the message in the console.</summary>
public enum OutboxStatus
{
    Pending,
    Sending,
    Sent,

    /// <summary>A retryable failure: waiting for the next attempt.</summary>
    Retrying,
    Failed,

    /// <summary>A channel the hub cannot send through (phone, walk-in, letter): an agent delivers it by hand.</summary>
    Manual,
}

/// <summary>A reply that is not going out as it should, for supervisors.</summary>
public sealed class OutboxProblem
{
    public long Id { get; init; }
    public string CaseNumber { get; init; } = "";
    public long CaseId { get; init; }
    public long MessageId { get; init; }
    public string Channel { get; init; } = "";
    public string Recipient { get; init; } = "";
    public string Status { get; init; } = "";
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public string? ProviderStatus { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
