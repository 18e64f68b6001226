using System.Data.Common;
using MimeKit;
using OmniIntake.Data;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Channels;

/// <summary>SIGKILL in the middle of ingesting a mailbox of a few thousand messages, then a restart (issue 3).</summary>
public sealed class ImapCrashTests
{
    private const int Messages = 2000;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KilledMidIngest_AndRestarted_EveryMessageIsOnExactlyOneCase_Once()
    {
        await using var mailbox = await TestMailbox.CreateAsync(Ct);
        var mails = Enumerable.Range(0, Messages).Select(i =>
        {
            var mail = new MimeMessage { Subject = $"crash test {i}", Body = new TextPart("plain") { Text = $"complaint number {i}" } };
            mail.From.Add(MailboxAddress.Parse($"sender{i}@example.test"));
            mail.To.Add(MailboxAddress.Parse("complaints@hub.example.test"));
            return mail;
        }).ToList();
        await mailbox.AppendManyAsync(mails, Ct);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var settings = TestMailServers.HubSettings(mailbox.Name);
        settings["Channels:Email:Acknowledge"] = "false";
        settings["Database:Provider"] = "Postgres";
        settings["Database:ConnectionString"] = database.Options.ConnectionString;
        settings["Channels:Email:Imap:LeaseTtl"] = "00:00:10"; // the killed process holds the mailbox this long
        settings["Accounts:BootstrapAdminUsername"] = "admin";
        settings["Accounts:BootstrapAdminPassword"] = "admin-password-for-tests";

        await using var db = new Database(database.Options);
        int killedAt;
        using (var first = ServerProcess.Start(settings))
        {
            killedAt = await WaitForAsync(db, n => n >= Messages / 5, TimeSpan.FromSeconds(90), first);
            first.Kill();
        }
        Assert.InRange(killedAt, Messages / 5, Messages - 1); // killed in the middle, not after the end

        using var second = ServerProcess.Start(settings);
        await WaitForAsync(db, n => n >= Messages, TimeSpan.FromSeconds(120), second);
        await Task.Delay(1500, Ct); // a doubled message would show up by now

        await using var connection = await db.OpenAsync(Ct);
        Assert.Equal(Messages, await ScalarAsync(connection, "SELECT COUNT(*) FROM messages WHERE direction = 'inbound'"));
        Assert.Equal(Messages, await ScalarAsync(connection, "SELECT COUNT(DISTINCT external_id) FROM messages WHERE direction = 'inbound'"));
        Assert.Equal(Messages, await ScalarAsync(connection, "SELECT COUNT(DISTINCT subject) FROM messages WHERE direction = 'inbound'"));
        Assert.Equal(Messages, await ScalarAsync(connection, "SELECT COUNT(*) FROM cases"));
        Assert.Equal(Messages, await ScalarAsync(connection, "SELECT COUNT(*) FROM raw_messages WHERE disposition = 'taken'"));
        Assert.Equal(0, await ScalarAsync(connection, "SELECT COUNT(*) FROM raw_messages WHERE disposition <> 'taken'"));
    }

    private static async Task<int> WaitForAsync(Database db, Func<int, bool> done, TimeSpan timeout, ServerProcess server)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            Assert.False(server.HasExited, "the server exited:\n" + server.Output);
            try
            {
                await using var connection = await db.OpenAsync(Ct);
                var count = await ScalarAsync(connection, "SELECT COUNT(*) FROM messages WHERE direction = 'inbound'");
                if (done(count)) return count;
            }
            catch (DbException)
            {
                // The schema is not there until the server has migrated it.
            }
            await Task.Delay(50, Ct);
        }
        throw new TimeoutException("The server did not get there in time:\n" + server.Output);
    }

    private static async Task<int> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
