using System.Data.Common;
using System.Text.Json;

namespace OmniIntake.Data.Settings;

/// <summary>One change of a shared setting (a canned reply, a macro): who, when, what it was before and after (JSON; null when created or deleted).</summary>
public sealed class SettingChangeView
{
    public long Id { get; init; }
    public string Subject { get; init; } = "";
    public long SubjectId { get; init; }
    public DateTimeOffset At { get; init; }
    public string Actor { get; init; } = "";
    public string Action { get; init; } = "";
    public string? Before { get; init; }
    public string? After { get; init; }
}

/// <summary>
/// The audit trail of settings that belong to no case (issue 15: canned-reply changes audited, macros too). Written in
/// the transaction of the change itself, so a change without its entry cannot commit; kept after the thing is deleted.
/// </summary>
public sealed class SettingChanges(Database database)
{
    public const string CannedReply = "canned-reply";
    public const string Macro = "macro";

    internal static Task RecordAsync(DbConnection connection, DbTransaction transaction, string subject, long subjectId, DateTimeOffset at,
        string actor, string action, object? before, object? after, CancellationToken ct) =>
        connection.ExecAsync(
            "INSERT INTO setting_changes (subject, subject_id, at, actor, action, before, after) VALUES (@subject, @subjectId, @at, @actor, @action, @before, @after)",
            new
            {
                subject, subjectId, at, actor, action,
                before = before is null ? null : JsonSerializer.Serialize(before, Json.Options),
                after = after is null ? null : JsonSerializer.Serialize(after, Json.Options),
            }, transaction, ct);

    /// <summary>The newest changes of one kind of setting first (optionally of one of them).</summary>
    public async Task<IReadOnlyList<SettingChangeView>> ListAsync(string subject, long? subjectId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<SettingChangeView>(
            """
            SELECT id, subject, subject_id AS subjectId, at, actor, action, before, after FROM setting_changes
            WHERE subject = @subject AND (@subjectId IS NULL OR subject_id = @subjectId) ORDER BY id DESC LIMIT @limit
            """, new { subject, subjectId, limit }, null, cancellationToken);
    }
}
