using OmniIntake.Core.Cases;
using OmniIntake.Core.Intake;

namespace OmniIntake.Data.Raw;

public sealed class SqlRawMessageStore(Database database) : IRawMessageStore
{
    public async Task<long> KeepAsync(RawMessage message, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneAsync<long>(
            """
            INSERT INTO raw_messages (channel, external_id, content, content_type, size, received_at, disposition)
            VALUES (@channel, @ExternalId, @Content, @ContentType, @size, @ReceivedAt, 'received')
            ON CONFLICT (channel, external_id) DO UPDATE SET channel = excluded.channel
            RETURNING id
            """, new { channel = message.Channel.ToName(), message.ExternalId, message.Content, message.ContentType, size = message.Content.Length,
                message.ReceivedAt }, null, cancellationToken);
    }

    public async Task SettleAsync(long id, RawDisposition disposition, long? caseId, string? error, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecAsync("UPDATE raw_messages SET disposition = @name, case_id = COALESCE(@caseId, case_id), error = @error WHERE id = @id",
            new { name = disposition.ToString().ToLowerInvariant(), caseId, error, id }, null, cancellationToken);
    }
}
