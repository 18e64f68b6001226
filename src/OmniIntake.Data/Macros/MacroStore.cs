using System.Data.Common;
using System.Text.Json;
using OmniIntake.Core.Macros;
using OmniIntake.Data.Settings;

namespace OmniIntake.Data.Macros;

/// <summary>A macro as the API shows it: its names in both languages and its actions in order.</summary>
public sealed record MacroView(long Id, string NameZh, string NameEn, IReadOnlyList<MacroAction> Actions, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>What a supervisor writes (already checked by <see cref="MacroRules"/>).</summary>
public sealed record MacroDraft(string NameZh, string NameEn, IReadOnlyList<MacroAction> Actions);

/// <summary>
/// Macros (issue 15 item 7): shared definitions, managed by supervisors (rights checked by the caller). Every change is
/// audited in <c>setting_changes</c> in its own transaction; applying one is audited on the case (<see cref="RecordRunAsync"/>).
/// </summary>
public sealed class MacroStore(Database database, TimeProvider clock)
{
    private sealed class MacroRow
    {
        public long Id { get; init; }
        public string NameZh { get; init; } = "";
        public string NameEn { get; init; } = "";
        public string Actions { get; init; } = "[]";
        public string UpdatedBy { get; init; } = "";
        public DateTimeOffset UpdatedAt { get; init; }

        public MacroView ToView() =>
            new(Id, NameZh, NameEn, JsonSerializer.Deserialize<List<MacroAction>>(Actions, Json.Options) ?? [], UpdatedBy, UpdatedAt);
    }

    private const string Columns = "id, name_zh AS nameZh, name_en AS nameEn, actions, updated_by AS updatedBy, updated_at AS updatedAt";

    public async Task<IReadOnlyList<MacroView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.ListAsync<MacroRow>($"SELECT {Columns} FROM macros ORDER BY name_zh, id", null, null, cancellationToken))
            .Select(r => r.ToView()).ToList();
    }

    public async Task<MacroView?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, id, cancellationToken);
    }

    public async Task<MacroView> CreateAsync(MacroDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var id = await connection.OneOrDefaultAsync<long>(
            """
            INSERT INTO macros (name_zh, name_en, actions, created_by, created_at, updated_by, updated_at)
            VALUES (@NameZh, @NameEn, @actions, @actor, @now, @actor, @now) RETURNING id
            """, new { draft.NameZh, draft.NameEn, actions = JsonSerializer.Serialize(draft.Actions, Json.Options), actor, now }, transaction, cancellationToken);
        var created = (await GetAsync(connection, transaction, id, cancellationToken))!;
        await SettingChanges.RecordAsync(connection, transaction, SettingChanges.Macro, id, now, actor, "created", null, created, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    /// <returns>The macro as changed, or null when it does not exist.</returns>
    public async Task<MacroView?> UpdateAsync(long id, MacroDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        if (await GetAsync(connection, transaction, id, cancellationToken) is not { } before) return null;
        await connection.ExecAsync(
            "UPDATE macros SET name_zh = @NameZh, name_en = @NameEn, actions = @actions, updated_by = @actor, updated_at = @now WHERE id = @id",
            new { id, draft.NameZh, draft.NameEn, actions = JsonSerializer.Serialize(draft.Actions, Json.Options), actor, now }, transaction, cancellationToken);
        var after = (await GetAsync(connection, transaction, id, cancellationToken))!;
        await SettingChanges.RecordAsync(connection, transaction, SettingChanges.Macro, id, now, actor, "updated", before, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return after;
    }

    /// <returns>False when it did not exist.</returns>
    public async Task<bool> DeleteAsync(long id, string actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        if (await GetAsync(connection, transaction, id, cancellationToken) is not { } before) return false;
        await connection.ExecAsync("DELETE FROM macros WHERE id = @id", new { id }, transaction, cancellationToken);
        await SettingChanges.RecordAsync(connection, transaction, SettingChanges.Macro, id, clock.GetUtcNow(), actor, "deleted", before, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The one audit record naming the macro on the case (issue 15 item 7), beside the entries its actions wrote as
    /// the individual actions: which steps were applied and, if one was refused, which and why.
    /// </summary>
    public async Task RecordRunAsync(long caseId, string actor, object detail, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecAsync("INSERT INTO audit (case_id, at, actor, action, detail) VALUES (@caseId, @at, @actor, 'macro.applied', @detail)",
            new { caseId, at = clock.GetUtcNow(), actor, detail = JsonSerializer.Serialize(detail, Json.Options) }, null, cancellationToken);
    }

    private static async Task<MacroView?> GetAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken ct) =>
        (await connection.OneOrDefaultAsync<MacroRow>($"SELECT {Columns} FROM macros WHERE id = @id", new { id }, transaction, ct))?.ToView();
}
