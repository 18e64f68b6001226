using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace OmniIntake.Data.Schema;

/// <summary>
/// Applies the numbered SQL scripts the database has not seen, each in its own transaction, and records them in
/// schema_migrations. A change both dialects accept is written once in Migrations/common/; the dialect's folder
/// (Migrations/postgres, Migrations/sqlite) holds only the changes they spell differently (issue 13 item 6). A version
/// lives in one place only: common or both dialect folders. On PostgreSQL a session lock makes two server processes
/// starting together apply each script once.
/// </summary>
public sealed partial class SchemaMigrator(Database database)
{
    private const long AdvisoryLockKey = 0x4F6D6E69_4D696772; // "OmniMigr"

    private const string CommonFolder = "common";

    public sealed record Script(int Version, string Name, string Sql);

    /// <summary>Work a migration does in code after its SQL, in the same transaction (a backfill SQL cannot express in both dialects).</summary>
    private static readonly Dictionary<int, Func<DbConnection, DbTransaction, CancellationToken, Task>> CodeSteps = new()
    {
        [57] = Deadlines.LegacyRuleTexts.BackfillAsync,
    };

    public IReadOnlyList<Script> Scripts()
    {
        var folder = database.Dialect.MigrationFolder;
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Select(name => (name, match: ResourceName().Match(name)))
            .Where(x => x.match.Success && x.match.Groups["folder"].Value is var f && (f == folder || f == CommonFolder))
            .Select(x => new Script(int.Parse(x.match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture),
                x.match.Groups["name"].Value, Read(assembly, x.name)))
            .OrderBy(s => s.Version)
            .ToList();
        // A version in common and in a dialect folder would apply one and silently skip the other.
        if (scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidOperationException($"Schema migration {twice.Key:D4} exists in Migrations/{CommonFolder} and Migrations/{folder}: keep one.");
        return scripts;
    }

    /// <returns>The versions applied by this call.</returns>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.Dialect.SessionLock("@key") is { } take)
            await connection.ExecuteAsync(new CommandDefinition(take, new { key = AdvisoryLockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)",
                cancellationToken: cancellationToken));
            var applied = (await connection.QueryAsync<int>(new CommandDefinition("SELECT version FROM schema_migrations",
                cancellationToken: cancellationToken))).ToHashSet();
            var done = new List<int>();
            foreach (var script in Scripts().Where(s => !applied.Contains(s.Version)))
            {
                await ApplyAsync(connection, script, cancellationToken);
                done.Add(script.Version);
            }
            return done;
        }
        finally
        {
            if (database.Dialect.SessionUnlock("@key") is { } release)
                await connection.ExecuteAsync(release, new { key = AdvisoryLockKey });
        }
    }

    private static async Task ApplyAsync(DbConnection connection, Script script, CancellationToken cancellationToken)
    {
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
            if (CodeSteps.TryGetValue(script.Version, out var step)) await step(connection, transaction, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @at)",
                new { script.Version, script.Name, at = DateTimeOffset.UtcNow.ToString("O") }, transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            throw new InvalidOperationException($"Schema migration {script.Version:D4}_{script.Name} failed: {ex.Message}", ex);
        }
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\.Migrations\.(?<folder>common|postgres|sqlite)\.(?<version>\d{4})_(?<name>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ResourceName();
}
