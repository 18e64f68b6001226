using MailKit;
using MimeKit;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Channels;

/// <summary>The mailbox when things go wrong: poison, a server that is down, a wrong password (issue 3).</summary>
public sealed class ImapFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static MimeMessage Mail(string from, string subject, string text, string? messageId = null) => ImapMailboxTests.Mail(from, subject, text, messageId);

    private static string Customer() => ImapMailboxTests.Customer();

    private static Task<List<CaseSummary>> CasesAsync(HttpClient agent, int atLeast) => ImapMailboxTests.CasesAsync(agent, atLeast);

    [Fact]
    public async Task APoisonousMail_IsSetAside_AndTheMailBehindItIsTaken()
    {
        await using var mailbox = await TestMailbox.CreateAsync(Ct);
        // Nothing to take: no text, no HTML, no attachment. The intake refuses it; it must not block the next one.
        await mailbox.AppendAsync("From: empty@example.test\r\nSubject:\r\nMessage-ID: <empty@example.test>\r\n\r\n"u8.ToArray(), Ct);
        await mailbox.AppendAsync(Mail(Customer(), "behind the poison", "the next complaint"), Ct);
        // Careless senders reuse Message-IDs: two different mails with one id are two mails.
        await mailbox.AppendAsync(Mail(Customer(), "same id one", "first text", "<reused@example.test>"), Ct);
        await mailbox.AppendAsync(Mail(Customer(), "same id two", "second text", "<reused@example.test>"), Ct);
        var settings = TestMailServers.HubSettings(mailbox.Name);
        settings["Channels:Email:Acknowledge"] = "false";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings);
        using var agent = await host.ClientAsync(Roles.Agent);

        var cases = await CasesAsync(agent, 3);
        Assert.Equal(["behind the poison", "same id one", "same id two"], cases.Select(c => c.Subject).Order());
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var failed = await TestCalls.WithinAsync(Patience, async () =>
        {
            var list = await supervisor.GetFromJsonAsync<List<OmniIntake.Core.Intake.StoredRawMessage>>("/api/channels/raw?disposition=failed", Ct);
            return list is { Count: > 0 } ? list : null;
        }, "the failed mail listed");
        var poison = Assert.Single(failed);
        Assert.Contains("needs text", poison.Error, StringComparison.Ordinal);
        var eml = await supervisor.GetByteArrayAsync($"/api/channels/raw/{poison.Id}/content", Ct);
        Assert.Contains("empty@example.test", System.Text.Encoding.ASCII.GetString(eml), StringComparison.Ordinal);
        // Re-processing runs it through again; it is still refused, with the reason, and still kept.
        var again = await supervisor.PostAsync($"/api/channels/raw/{poison.Id}/reprocess", null, Ct);
        var result = (await again.Content.ReadFromJsonAsync<Server.Channels.ReprocessResult>(Ct))!;
        Assert.Equal("failed", result.Disposition);
        // The poison stays unread in the mailbox for a person to see; the others are \Seen.
        var flags = await mailbox.SummariesAsync(Ct);
        Assert.Equal(3, flags.Count(m => m.Flags!.Value.HasFlag(MessageFlags.Seen)));
        Assert.Equal(1, flags.Count(m => !m.Flags!.Value.HasFlag(MessageFlags.Seen)));
    }

    [Fact]
    public async Task ServerDown_IsReportedByHealthAndPollers_AndTheMailboxRecoversByItself()
    {
        await using var mailbox = await TestMailbox.CreateAsync(Ct);
        await mailbox.AppendAsync(Mail(Customer(), "sent while the server was down", "hello"), Ct);
        var imap = TestMailServers.Imap;
        await using var relay = new TcpRelay(imap.Host, imap.Port);
        var settings = TestMailServers.HubSettings(mailbox.Name);
        settings["Channels:Email:Imap:Port"] = relay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Channels:Email:Imap:MaxBackoff"] = "00:00:00.500";
        settings["Channels:Email:Acknowledge"] = "false";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        using var anonymous = host.Anonymous();

        var down = await TestCalls.WithinAsync(Patience, async () =>
        {
            var response = await anonymous.GetAsync("/health", Ct);
            return response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable ? await response.Content.ReadAsStringAsync(Ct) : null;
        }, "health to report the mailbox");
        Assert.Contains("could not be reached", down, StringComparison.Ordinal);
        var failing = Assert.Single((await supervisor.GetFromJsonAsync<List<Server.Channels.PollerView>>("/api/channels/pollers", Ct))!);
        Assert.NotEqual("ok", failing.Status);
        Assert.True(failing.Failures > 0);

        relay.Start();
        using var agent = await host.ClientAsync(Roles.Agent);
        Assert.Equal("sent while the server was down", Assert.Single(await CasesAsync(agent, 1)).Subject);
        var healthy = await TestCalls.WithinAsync(Patience, async () =>
        {
            var response = await anonymous.GetAsync("/health", Ct);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(Ct) : null;
        }, "health to recover");
        Assert.Contains("Healthy", healthy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_IsReportedAsARefusedLogin()
    {
        await using var mailbox = await TestMailbox.CreateAsync(Ct);
        var settings = TestMailServers.HubSettings(mailbox.Name);
        settings["Channels:Email:Imap:Password"] = "not-the-password";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);

        var poller = await TestCalls.WithinAsync(Patience, async () =>
            (await supervisor.GetFromJsonAsync<List<Server.Channels.PollerView>>("/api/channels/pollers", Ct))!.FirstOrDefault(p => p.Failures > 0),
            "the refused login recorded");
        Assert.Equal("stalled", poller.Status);
        Assert.Contains("refused the login", poller.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", poller.Name + poller.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveMode_MovesTakenMailToTheProcessedFolder()
    {
        await using var mailbox = await TestMailbox.CreateAsync(Ct);
        await mailbox.AppendAsync(Mail(Customer(), "to be moved", "hello"), Ct);
        var settings = TestMailServers.HubSettings(mailbox.Name);
        settings["Channels:Email:Imap:AfterProcessing"] = "Move";
        settings["Channels:Email:Imap:ProcessedFolder"] = mailbox.Name + "-done";
        settings["Channels:Email:Acknowledge"] = "false";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings);
        using var agent = await host.ClientAsync(Roles.Agent);
        await CasesAsync(agent, 1);

        await TestCalls.WithinAsync(Patience, async () => (await mailbox.SummariesAsync(Ct)).Count == 0 ? "" : null, "the mail moved out");
        using var client = await TestMailServers.ConnectAsync(ct: Ct);
        var done = await client.GetFolder(client.PersonalNamespaces[0]).GetSubfolderAsync(mailbox.Name + "-done", Ct);
        await done!.OpenAsync(FolderAccess.ReadWrite, Ct);
        Assert.Equal(1, done.Count);
        await done.CloseAsync(false, Ct);
        await done.DeleteAsync(Ct);
    }
}
