using Npgsql;
using OmniIntake.Data;
using OmniIntake.Server.Outbox;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Robustness;

/// <summary>
/// Found by the kill -9 drill (issue 12): a process killed while it held a recurring job's Hangfire lock left the
/// lock behind, and the restarted process's job registration threw at start-up and stopped the host. The node must
/// come back: the registration waits in the background until the stale lock expires.
/// </summary>
public sealed class StaleJobLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A job registered through RecurringJobs and the deadline sweep's own start-up registration.</summary>
    private static readonly string[] Jobs = [OutboxDispatcher.RecurringId, OmniIntake.Server.Deadlines.DeadlineSweepJob.RecurringId];

    [Fact]
    public async Task ARecurringJobLockLeftByAKilledProcess_DoesNotStopTheRestart_AndTheJobIsRegisteredOnceItExpires()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = database.Options.ConnectionString,
            ["Accounts:BootstrapAdminUsername"] = "admin", ["Accounts:BootstrapAdminPassword"] = "admin-password-for-tests",
        };
        var url = ServerProcess.FreeUrl();
        using (var first = ServerProcess.Start(settings, url))
        {
            await first.WaitReadyAsync(url, TimeSpan.FromSeconds(90));
            first.Kill();
        }
        // What the killed process left: the job's lock, held as of now. The kill may have caught the process holding
        // that very lock already (CI saw it), so an existing row is made fresh rather than inserted twice.
        await using (var connection = new NpgsqlConnection(database.Options.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            foreach (var job in Jobs)
            {
                await using var command = new NpgsqlCommand(
                    """
                    INSERT INTO hangfire."lock" (resource, updatecount, acquired) VALUES (@resource, 0, now())
                    ON CONFLICT (resource) DO UPDATE SET acquired = now()
                    """, connection);
                command.Parameters.AddWithValue("resource", "hangfire:lock:recurring-job:" + job);
                await command.ExecuteNonQueryAsync(Ct);
            }
        }

        using var second = ServerProcess.Start(settings, url);
        await second.WaitReadyAsync(url, TimeSpan.FromSeconds(60));
        // The lock expires after a minute (DistributedLockTimeout); meanwhile the node serves and retries the registration.
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(150),
            () => Task.FromResult(second.HasExited || Jobs.All(job => second.Output.Contains($"Recurring job {job} registration: done after", StringComparison.Ordinal))
                ? "done" : null), "the registrations after the stale locks expired");
        Assert.False(second.HasExited, "the restarted server exited:\n" + second.Output);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        Assert.True((await http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct)).IsSuccessStatusCode);
    }
}
