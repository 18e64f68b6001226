using System.Data.Common;
using OmniIntake.Data.Settings;

namespace OmniIntake.Data.CannedReplies;

/// <summary>A canned reply as the API shows it; <see cref="Owner"/> null means shared.</summary>
public sealed class CannedReplyView
{
    public long Id { get; init; }
    public string Shortcut { get; init; } = "";
    public string Title { get; init; } = "";
    public string Language { get; init; } = "";
    public string Text { get; init; } = "";
    public string? Owner { get; init; }
    public bool Shared => Owner is null;
    public string UpdatedBy { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>What an agent or supervisor writes: <paramref name="Owner"/> null for a shared reply.</summary>
public sealed record CannedReplyDraft(string Shortcut, string Title, string Language, string Text, string? Owner);

/// <summary>Canned replies (issue 15 item 4): the shared ones and each agent's own. Rights are checked by the caller.</summary>
public sealed class CannedReplyStore(Database database, TimeProvider clock)
{
    private const string Columns = "id, shortcut, title, language, body AS text, owner, updated_by AS updatedBy, updated_at AS updatedAt";

    /// <summary>The shared replies and <paramref name="user"/>'s own, by shortcut.</summary>
    public async Task<IReadOnlyList<CannedReplyView>> ListForAsync(string user, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<CannedReplyView>(
            $"SELECT {Columns} FROM canned_replies WHERE owner IS NULL OR owner = @user ORDER BY shortcut, language, owner IS NULL, id",
            new { user }, null, cancellationToken);
    }

    public async Task<CannedReplyView?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneOrDefaultAsync<CannedReplyView>($"SELECT {Columns} FROM canned_replies WHERE id = @id", new { id }, null, cancellationToken);
    }

    /// <returns>The new reply, or null when its owner already has this shortcut in this language.</returns>
    public async Task<CannedReplyView?> CreateAsync(CannedReplyDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        if (await TakenAsync(connection, transaction, draft, null, cancellationToken)) return null;
        var now = clock.GetUtcNow();
        var id = await connection.OneOrDefaultAsync<long?>(
            """
            INSERT INTO canned_replies (shortcut, title, language, body, owner, created_by, created_at, updated_by, updated_at)
            VALUES (@Shortcut, @Title, @Language, @Text, @Owner, @actor, @now, @actor, @now) ON CONFLICT DO NOTHING RETURNING id
            """,
            new { draft.Shortcut, draft.Title, draft.Language, draft.Text, draft.Owner, actor, now }, transaction, cancellationToken);
        // A concurrent create of the same shortcut won the unique index: taken, as above.
        if (id is not { } created) return null;
        var after = await GetAsync(connection, transaction, created, cancellationToken);
        // Issue 15: every change of a canned reply is audited (who, when, before/after), in the change's transaction.
        await SettingChanges.RecordAsync(connection, transaction, SettingChanges.CannedReply, created, now, actor, "created", null, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return after;
    }

    /// <returns>False when another reply of the same owner has this shortcut in this language.</returns>
    public async Task<bool> UpdateAsync(long id, CannedReplyDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        if (await TakenAsync(connection, transaction, draft, id, cancellationToken)) return false;
        var before = await GetAsync(connection, transaction, id, cancellationToken);
        if (before is null) return true;
        var now = clock.GetUtcNow();
        await connection.ExecAsync(
            "UPDATE canned_replies SET shortcut = @Shortcut, title = @Title, language = @Language, body = @Text, updated_by = @actor, updated_at = @now WHERE id = @id",
            new { id, draft.Shortcut, draft.Title, draft.Language, draft.Text, actor, now }, transaction, cancellationToken);
        await SettingChanges.RecordAsync(connection, transaction, SettingChanges.CannedReply, id, now, actor, "updated", before,
            await GetAsync(connection, transaction, id, cancellationToken), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task DeleteAsync(long id, string actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var before = await GetAsync(connection, transaction, id, cancellationToken);
        if (before is null) return;
        await connection.ExecAsync("DELETE FROM canned_replies WHERE id = @id", new { id }, transaction, cancellationToken);
        await SettingChanges.RecordAsync(connection, transaction, SettingChanges.CannedReply, id, clock.GetUtcNow(), actor, "deleted", before, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Task<CannedReplyView?> GetAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken ct) =>
        connection.OneOrDefaultAsync<CannedReplyView>($"SELECT {Columns} FROM canned_replies WHERE id = @id", new { id }, transaction, ct);

    private static async Task<bool> TakenAsync(DbConnection connection, DbTransaction transaction, CannedReplyDraft draft, long? except,
        CancellationToken cancellationToken) =>
        await connection.OneOrDefaultAsync<long?>(
            """
            SELECT id FROM canned_replies
            WHERE COALESCE(owner, '') = COALESCE(@Owner, '') AND language = @Language AND shortcut = @Shortcut AND (@except IS NULL OR id <> @except)
            """,
            new { draft.Owner, draft.Language, draft.Shortcut, except }, transaction, cancellationToken) is not null;
}
