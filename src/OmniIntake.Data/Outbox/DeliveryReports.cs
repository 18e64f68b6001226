using OmniIntake.Core.Cases;
using OmniIntake.Core.Events;
using OmniIntake.Core.Outbound;
using OmniIntake.Data.Cases;

namespace OmniIntake.Data.Outbox;

/// <summary>A provider's later report on a reply (delivered, undelivered...): on the outbox row, in the audit trail, pushed live.</summary>
public sealed class DeliveryReports(Database database, TimeProvider clock, IEventLogSignal signal) : IDeliveryReports
{
    public async Task<bool> RecordAsync(Channel channel, string providerId, string status, string? error, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var row = await connection.FirstOrDefaultAsync<Row>(
            """
            SELECT o.id AS outbox_id, m.id AS message_id, c.id AS case_id, c.number AS case_number
            FROM messages m JOIN outbox o ON o.message_id = m.id JOIN cases c ON c.id = m.case_id
            WHERE m.channel = @channel AND m.direction = 'outbound' AND m.external_id = @providerId
            """, new { channel = channel.ToName(), providerId }, transaction, cancellationToken);
        if (row is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await connection.ExecAsync("UPDATE outbox SET provider_status = @status, provider_error = @error WHERE id = @OutboxId",
            new { status, error, row.OutboxId }, transaction, cancellationToken);
        await CaseJournal.WriteAsync(connection, transaction, row.CaseId, row.CaseNumber, new DeliveryReported(now, row.MessageId, providerId, status, error), null,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.EventsCommitted();
        return true;
    }

    private sealed class Row
    {
        public long OutboxId { get; init; }
        public long MessageId { get; init; }
        public long CaseId { get; init; }
        public string CaseNumber { get; init; } = "";
    }
}
