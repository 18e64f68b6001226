using System.Security.Cryptography;
using Dapper;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Intake;

namespace OmniIntake.Data.Raw;

public sealed class SqlRawMessageStore(Database database) : IRawMessageStore
{
    // Keep, Settle and the two look-ups the inbound path makes join its unit (issue 17 item 1): the raw copy, the
    // intake and the settlement of one message commit together, once.
    public async Task<long> KeepAsync(RawMessage message, CancellationToken cancellationToken = default)
    {
        await using var write = await database.WriteAsync(cancellationToken);
        var id = await write.Connection.OneAsync<long>(Keep, KeepParameters(message), write.Transaction, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return id;
    }

    public async Task<KeptRawMessage> KeepFindingSettledCopyAsync(RawMessage message, CancellationToken cancellationToken = default)
    {
        await using var write = await database.WriteAsync(cancellationToken);
        // Two statements, one round trip; the copy is looked for among settled rows, so the row just kept is never it.
        KeptRawMessage kept;
        await using (var results = await write.Connection.QueryMultipleAsync(new CommandDefinition(
                         $"""
                          {Keep};
                          SELECT id, external_id, disposition, case_id FROM raw_messages
                          WHERE channel = @channel AND content_sha256 = @sha256 AND external_id <> @ExternalId AND disposition IN ('taken', 'setaside')
                          ORDER BY id LIMIT 1
                          """, KeepParameters(message), write.Transaction, cancellationToken: cancellationToken)))
        {
            var id = await results.ReadSingleAsync<long>();
            var copy = await results.ReadFirstOrDefaultAsync<CopyRow>();
            kept = new KeptRawMessage(id, copy is null
                ? null
                : new SettledCopy(copy.Id, copy.ExternalId, Enum.Parse<RawDisposition>(copy.Disposition, ignoreCase: true), copy.CaseId));
        }
        await write.CommitAsync(cancellationToken);
        return kept;
    }

    private const string Keep =
        """
        INSERT INTO raw_messages (channel, external_id, content, content_type, size, received_at, disposition, content_sha256)
        VALUES (@channel, @ExternalId, @Content, @ContentType, @size, @ReceivedAt, 'received', @sha256)
        ON CONFLICT (channel, external_id) DO UPDATE SET channel = excluded.channel
        RETURNING id
        """;

    private static object KeepParameters(RawMessage message) => new
    {
        channel = message.Channel.ToName(), message.ExternalId, message.Content, message.ContentType, size = message.Content.Length, message.ReceivedAt,
        sha256 = Sha256(message.Content),
    };

    public async Task SettleAsync(long id, RawDisposition disposition, long? caseId, string? error, CancellationToken cancellationToken = default)
    {
        await using var write = await database.WriteAsync(cancellationToken);
        await write.Connection.ExecAsync("UPDATE raw_messages SET disposition = @name, case_id = COALESCE(@caseId, case_id), error = @error WHERE id = @id",
            new { name = disposition.ToString().ToLowerInvariant(), caseId, error, id }, write.Transaction, cancellationToken);
        await write.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredRawMessage>> ListAsync(RawDisposition? disposition, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ListAsync<StoredRow>(
            $"SELECT {Columns} FROM raw_messages WHERE @disposition IS NULL OR disposition = @disposition ORDER BY id DESC LIMIT @limit",
            new { disposition = disposition?.ToString().ToLowerInvariant(), limit }, null, cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<StoredRawMessage?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.OneOrDefaultAsync<StoredRow>($"SELECT {Columns} FROM raw_messages WHERE id = @id", new { id }, null,
            cancellationToken);
        return row?.ToRecord();
    }

    public async Task<byte[]?> ContentAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneOrDefaultAsync<byte[]>("SELECT content FROM raw_messages WHERE id = @id", new { id }, null, cancellationToken);
    }

    public async Task<StoredRawMessage?> FindByExternalIdAsync(Channel channel, string externalId, CancellationToken cancellationToken = default)
    {
        await using var read = await database.ReadAsync(cancellationToken);
        var row = await read.Connection.OneOrDefaultAsync<StoredRow>($"SELECT {Columns} FROM raw_messages WHERE channel = @channel AND external_id = @externalId",
            new { channel = channel.ToName(), externalId }, read.Transaction, cancellationToken);
        return row?.ToRecord();
    }

    public async Task<byte[]?> ContentByExternalIdAsync(Channel channel, string externalId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneOrDefaultAsync<byte[]>("SELECT content FROM raw_messages WHERE channel = @channel AND external_id = @externalId",
            new { channel = channel.ToName(), externalId }, null, cancellationToken);
    }

    private const string Columns = "id, channel, external_id, content_type, size, received_at, disposition, case_id, error";

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private sealed class CopyRow
    {
        public long Id { get; init; }
        public string ExternalId { get; init; } = "";
        public string Disposition { get; init; } = "";
        public long? CaseId { get; init; }
    }

    private sealed class StoredRow
    {
        public long Id { get; init; }
        public string Channel { get; init; } = "";
        public string ExternalId { get; init; } = "";
        public string ContentType { get; init; } = "";
        public int Size { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
        public string Disposition { get; init; } = "";
        public long? CaseId { get; init; }
        public string? Error { get; init; }

        public StoredRawMessage ToRecord() => new(Id, ChannelNames.Parse(Channel), ExternalId, ContentType, Size, ReceivedAt,
            Enum.Parse<RawDisposition>(Disposition, ignoreCase: true), CaseId, Error);
    }
}
