using Microsoft.Data.Sqlite;
using Npgsql;

namespace OmniIntake.Server.Resilience;

/// <summary>
/// Whether a failure means the database cannot take the request right now, so the caller should try again later
/// (issue 12, item 5): the server unreachable or restarting, a pool or disk exhausted, a file busy, locked, read-only or full.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>What a caller is told to wait before trying again (Retry-After), in seconds.</summary>
    public const int RetryAfterSeconds = 10;

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Class 08 connection exception, 53 insufficient resources (disk full, too many connections), 57P01-57P03
                // shutting down or starting up, 25006 a read-only server (a standby).
                case PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                                                     || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                                                     || postgres.SqlState is "57P01" or "57P02" or "57P03" or "25006":
                    return true;
                case PostgresException:
                    return false; // any other error the server reports is about the statement, not the server's availability
                case NpgsqlException:
                    return true; // no reply from the server at all: socket, timeout, exhausted pool
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteReadOnly or SqliteIoError or SqliteFull
                                                  or SqliteCantOpen:
                    return true;
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
}
