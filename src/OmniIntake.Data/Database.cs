using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OmniIntake.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=omniintake.db";

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ConnectionString))
            errors.Add("Database:ConnectionString is required.");
        else
        {
            try
            {
                _ = Provider == DatabaseProvider.Postgres
                    ? new NpgsqlConnectionStringBuilder(ConnectionString).Host
                    : new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            }
            catch (ArgumentException ex)
            {
                errors.Add($"Database:ConnectionString is not a valid {Provider} connection string: {ex.Message}");
            }
        }
        return errors;
    }
}

/// <summary>
/// Opens connections for one provider and gives its <see cref="Dialects.ISqlDialect"/>. The SQL itself is shared
/// wherever PostgreSQL and SQLite agree (RETURNING, ON CONFLICT, window functions, UPDATE ... FROM); the dialect
/// spells only what differs.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string _sqliteConnectionString = string.Empty;

    public Database(DatabaseOptions options)
    {
        Provider = options.Provider;
        Dialect = Provider == DatabaseProvider.Postgres ? Dialects.PostgresDialect.Instance : Dialects.SqliteDialect.Instance;
        if (Provider == DatabaseProvider.Postgres)
        {
            // No session state is kept on pooled connections (advisory locks are transaction-scoped or released), so
            // the DISCARD ALL on reuse is pure cost: one extra statement and transaction per pooled open.
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { NoResetOnClose = true };
            // The pipeline runs the same few statements all day: let Npgsql prepare them once per connection.
            if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
            _postgres = NpgsqlDataSource.Create(builder.ConnectionString);
        }
        else
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
            {
                // Every connection shares the one file; a writer waits for the lock instead of failing.
                DefaultTimeout = 30,
                Pooling = true,
            };
            _sqliteConnectionString = builder.ToString();
        }
        DapperSetup.EnsureRegistered();
    }

    public DatabaseProvider Provider { get; }

    /// <summary>What this database spells differently; feature code asks it, never which database it is.</summary>
    public Dialects.ISqlDialect Dialect { get; }

    /// <inheritdoc cref="Dialects.ISqlDialect.True"/>
    public string True => Dialect.True;

    /// <inheritdoc cref="Dialects.ISqlDialect.In"/>
    public string In(string column, string parameter) => Dialect.In(column, parameter);

    /// <summary>See <see cref="Dialects.ISqlDialect.InListSize"/>.</summary>
    public int InListSize => Dialect.InListSize;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null) return await _postgres.OpenConnectionAsync(cancellationToken);
        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // WAL lets readers work beside the writer; busy_timeout makes concurrent writers queue, not fail.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Starts a write transaction. On SQLite it is BEGIN IMMEDIATE, so the write lock is taken up front and
    /// two writers never deadlock upgrading read locks.
    /// </summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            return await Task.Run(() => (DbTransaction)sqlite.BeginTransaction(deferred: false), cancellationToken);
        }
        return await connection.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>
    /// A store's write transaction: its own, or the inbound unit's when one is in progress on this flow (issue 17
    /// item 1), so everything one message writes commits once.
    /// </summary>
    public async Task<Units.WriteScope> WriteAsync(CancellationToken cancellationToken = default)
    {
        if (Units.InboundUnit.Current is { } unit) return new Units.WriteScope(unit.Connection, unit.Transaction, owned: false);
        var connection = await OpenAsync(cancellationToken);
        try
        {
            return new Units.WriteScope(connection, await BeginWriteAsync(connection, cancellationToken), owned: true);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A store's read connection: its own, or the inbound unit's when one is in progress (issue 17 item 1).</summary>
    public async Task<Units.ReadScope> ReadAsync(CancellationToken cancellationToken = default) =>
        Units.InboundUnit.Current is { } unit
            ? new Units.ReadScope(unit.Connection, unit.Transaction, owned: false)
            : new Units.ReadScope(await OpenAsync(cancellationToken), null, owned: true);

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
