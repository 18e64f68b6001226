using Microsoft.Data.Sqlite;
using Npgsql;
using OmniIntake.Data;

namespace OmniIntake.Testing;

/// <summary>
/// A database of its own for one test: a fresh PostgreSQL database in the cluster infra/postgres/start.sh runs
/// (connection string in OMNIINTAKE_TEST_PG), or a fresh SQLite file. Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "OMNIINTAKE_TEST_PG";

    private readonly string? _postgresName;
    private readonly string? _sqliteFile;

    private TestDatabase(DatabaseOptions options, string? postgresName, string? sqliteFile)
    {
        Options = options;
        _postgresName = postgresName;
        _sqliteFile = sqliteFile;
    }

    public DatabaseOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable)
        ?? throw new InvalidOperationException(
            $"{PostgresVariable} is not set. Run the tests with infra/test.sh, which starts a private PostgreSQL and sets it.");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"omniintake-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = $"Data Source={file}" }, null, file);
        }
        var name = $"t_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(PostgresServer))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, MaxPoolSize = 100 };
        return new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = builder.ToString() }, name, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try { File.Delete(_sqliteFile + suffix); } catch (IOException) { }
            }
        }
    }
}
