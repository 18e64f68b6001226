using System.Diagnostics;
using System.Net;
using Npgsql;
using OmniIntake.Data;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Health;

/// <summary>
/// /readyz says whether a complaint can be taken in now (issue 12, item 6): a database that answers reads but cannot
/// be written is not ready. The disk is made full for real: the SQLite file on a small tmpfs the test mounts (root
/// ignores file permissions, so a read-only file would prove nothing).
/// </summary>
public sealed class ReadinessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed (the tests run as root): {error}");
    }

    [Fact]
    public async Task Readyz_Is503_WhileTheSqliteDiskIsFull_And200OnceThereIsRoomAgain()
    {
        var mount = Directory.CreateTempSubdirectory("omniintake-full-disk-").FullName;
        Run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount);
        try
        {
            // HubHost's own SQLite file is replaced by one on the small disk.
            var settings = new Dictionary<string, string?> { ["Database:ConnectionString"] = $"Data Source={Path.Combine(mount, "hub.db")}" };
            await using (var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings))
            {
                using var probe = host.Anonymous();
                Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(new Uri("/readyz", UriKind.Relative), Ct)).StatusCode);

                var filler = Path.Combine(mount, "filler");
                await using (var fill = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough))
                {
                    var block = new byte[64 * 1024];
                    try
                    {
                        while (true) fill.Write(block);
                    }
                    catch (IOException)
                    {
                        // ENOSPC: the disk is full
                    }
                }

                var full = await probe.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
                Assert.True(full.StatusCode == HttpStatusCode.ServiceUnavailable,
                    $"/readyz on a full disk: {(int)full.StatusCode} {await full.Content.ReadAsStringAsync(Ct)}");
                Assert.Equal("application/problem+json", full.Content.Headers.ContentType?.MediaType);

                File.Delete(filler);
                Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(new Uri("/readyz", UriKind.Relative), Ct)).StatusCode);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Run("umount", "-l", mount);
            Directory.Delete(mount, recursive: true);
        }
    }

    [Fact]
    public async Task Readyz_Is503_WhileThePostgresDatabaseIsReadOnly_And200OnceItTakesWritesAgain()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Postgres);
        using var probe = host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(new Uri("/readyz", UriKind.Relative), Ct)).StatusCode);
        var name = new NpgsqlConnectionStringBuilder(host.Database.Options.ConnectionString).Database!;

        // Reads still work (the old check, SELECT 1, said ready); every write is refused.
        await ReadOnlyAsync(name, true);
        var answer = await TestCalls.WithinAsync(TimeSpan.FromSeconds(15), async () =>
        {
            var response = await probe.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            // The first probe may meet a pooled connection the server just closed: also 503, for another reason.
            return response.StatusCode != HttpStatusCode.OK && body.Contains("read-only", StringComparison.Ordinal) ? $"{(int)response.StatusCode}" : null;
        }, "/readyz not ready because the database is read-only");
        Assert.Equal("503", answer);

        await ReadOnlyAsync(name, false);
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(15), async () =>
            (await probe.GetAsync(new Uri("/readyz", UriKind.Relative), Ct)).StatusCode == HttpStatusCode.OK ? "ready" : null, "/readyz ready again");
    }

    /// <summary>Makes new sessions on the database read-only (or not), and ends the current ones so the hub reconnects.</summary>
    private static async Task ReadOnlyAsync(string database, bool readOnly)
    {
        await using var admin = new NpgsqlConnection(TestDatabase.PostgresServer);
        await admin.OpenAsync(Ct);
        foreach (var sql in new[]
                 {
                     readOnly ? $"ALTER DATABASE {database} SET default_transaction_read_only = on" : $"ALTER DATABASE {database} RESET default_transaction_read_only",
                     $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()",
                 })
        {
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync(Ct);
        }
    }
}
