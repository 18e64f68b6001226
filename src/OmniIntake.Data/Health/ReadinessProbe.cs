using Microsoft.Data.Sqlite;

namespace OmniIntake.Data.Health;

/// <summary>
/// A real, committed write (one row of readiness_probe overwritten), so readiness fails when the database answers reads
/// but cannot take a complaint: a full disk, a read-only file or server (issue 12, item 6). A rolled-back write would
/// prove nothing on SQLite, whose WAL is written only at commit.
/// </summary>
public static class ReadinessProbe
{
    public static async Task WriteAsync(Database database, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // A busy SQLite file makes a writer wait up to 30 s (Database.OpenAsync); a probe must answer sooner. The next
        // open of this pooled connection sets the usual timeout again.
        if (connection is SqliteConnection) await connection.ExecAsync("PRAGMA busy_timeout=2000", null, null, cancellationToken);
        await connection.ExecAsync(
            "INSERT INTO readiness_probe (id, probed_at) VALUES (1, @now) ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at",
            new { now }, null, cancellationToken);
    }
}
