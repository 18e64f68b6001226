using System.Globalization;
using System.Security.Cryptography;
using OmniIntake.Core.Attachments;
using OmniIntake.Core.Messages;

namespace OmniIntake.Data.Attachments;

/// <summary>
/// The attachment store in the database (table attachment_files), beside the kept raw messages: one backup and one
/// transaction log for everything, on PostgreSQL and SQLite alike; files are at most a few MB (<see cref="AttachmentRules"/>).
/// </summary>
public sealed class SqlAttachmentStore(Database database, AttachmentRules rules, TimeProvider clock) : IAttachmentStore
{
    public Task<Attachment> KeepAsync(string fileName, byte[] content, CancellationToken cancellationToken = default) =>
        KeepAsync(null, fileName, content, cancellationToken);

    public Task<Attachment> KeepOnceAsync(string origin, string fileName, byte[] content, CancellationToken cancellationToken = default) =>
        KeepAsync(origin, fileName, content, cancellationToken);

    public async Task<Attachment?> FindByOriginAsync(string origin, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.OneOrDefaultAsync<MetaRow>("SELECT id, file_name, content_type, size FROM attachment_files WHERE origin = @origin",
            new { origin }, null, cancellationToken);
        return row is null ? null : new Attachment(row.FileName, row.ContentType, row.Size, StoredFiles.KeyPrefix + row.Id.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<Attachment> KeepAsync(string? origin, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var check = rules.Check(content);
        var declaredName = StoredFiles.SafeName(fileName, "");
        if (check.ContentType is not { } type) return new Attachment(declaredName, "application/octet-stream", content.LongLength, null, check.Code);
        var name = StoredFiles.SafeName(fileName, type);
        await using var connection = await database.OpenAsync(cancellationToken);
        // Kept from the same origin already (a webhook delivered again, concurrently): the first copy wins, nothing is doubled.
        var id = await connection.OneOrDefaultAsync<long?>(
            """
            INSERT INTO attachment_files (file_name, content_type, size, content_sha256, content, created_at, origin)
            VALUES (@name, @type, @size, @sha256, @content, @now, @origin)
            ON CONFLICT (origin) WHERE origin IS NOT NULL DO NOTHING RETURNING id
            """, new { name, type, size = content.Length, sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), content, now = clock.GetUtcNow(), origin },
            null, cancellationToken);
        if (id is null && origin is not null && await FindByOriginAsync(origin, cancellationToken) is { } first) return first;
        return new Attachment(name, type, content.LongLength, StoredFiles.KeyPrefix + id!.Value.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<AttachmentContent?> OpenAsync(string storageKey, CancellationToken cancellationToken = default)
    {
        if (!StoredFiles.IsStoreKey(storageKey)
            || !long.TryParse(storageKey.AsSpan(StoredFiles.KeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return null;
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.OneOrDefaultAsync<FileRow>("SELECT file_name, content_type, content FROM attachment_files WHERE id = @id", new { id },
            null, cancellationToken);
        return row is null ? null : new AttachmentContent(row.FileName, row.ContentType, row.Content);
    }

    public async Task<Attachment?> FindAsync(string storageKey, CancellationToken cancellationToken = default)
    {
        if (!StoredFiles.IsStoreKey(storageKey)
            || !long.TryParse(storageKey.AsSpan(StoredFiles.KeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return null;
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.OneOrDefaultAsync<MetaRow>("SELECT file_name, content_type, size FROM attachment_files WHERE id = @id", new { id }, null,
            cancellationToken);
        return row is null ? null : new Attachment(row.FileName, row.ContentType, row.Size, storageKey);
    }

    private sealed class MetaRow
    {
        public long Id { get; init; }
        public string FileName { get; init; } = "";
        public string ContentType { get; init; } = "";
        public long Size { get; init; }
    }

    private sealed class FileRow
    {
        public string FileName { get; init; } = "";
        public string ContentType { get; init; } = "";
        public byte[] Content { get; init; } = [];
    }
}
