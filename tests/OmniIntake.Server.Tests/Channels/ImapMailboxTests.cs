using MailKit;
using MimeKit;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Channels;

/// <summary>The hub reading a real Dovecot mailbox and answering through a real Postfix (issue 3).</summary>
public sealed class ImapMailboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    internal static MimeMessage Mail(string from, string subject, string text, string? messageId = null)
    {
        var mail = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(MailboxAddress.Parse("complaints@hub.example.test"));
        mail.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example.test");
        return mail;
    }

    internal static string Customer() => $"customer+{Guid.NewGuid():N}@example.test";

    internal static async Task<List<CaseSummary>> CasesAsync(HttpClient agent, int atLeast) =>
        await TestCalls.WithinAsync(Patience, async () =>
        {
            var cases = (await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases?limit=500", Ct))!;
            return cases.Count >= atLeast ? cases : null;
        }, $"{atLeast} cases");

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task NewMail_OpensCases_IsMarkedSeen_AndIsAcknowledgedInTheThread(DatabaseProvider provider)
    {
        await using var mailbox = await TestMailbox.CreateAsync(Ct);
        var customer = Customer();
        var complaint = Mail(customer, "路灯不亮", "小区门口的路灯坏了三天了。");
        await mailbox.AppendAsync(complaint, Ct);
        await mailbox.AppendAsync(await File.ReadAllBytesAsync(SharedTestData.Path("email/mimekit/bounce.txt"), Ct), Ct);

        await using var host = await HubHost.StartAsync(provider, TestMailServers.HubSettings(mailbox.Name));
        using var agent = await host.ClientAsync(Roles.Agent);
        var opened = Assert.Single(await CasesAsync(agent, 1));

        var acks = await TestMailServers.SentToAsync(customer, 1, Patience, Ct);
        var ack = Assert.Single(acks);
        Assert.Contains($"[#{opened.Number}]", ack.Subject, StringComparison.Ordinal);
        Assert.Equal("auto-replied", ack.Headers["Auto-Submitted"]);
        Assert.Equal(complaint.MessageId, ack.InReplyTo);
        Assert.EndsWith("@hub.example.test", ack.MessageId, StringComparison.Ordinal);
        Assert.Contains(opened.Number, ack.TextBody, StringComparison.Ordinal);
        Assert.Contains("已收到", ack.TextBody, StringComparison.Ordinal);

        // Both the complaint and the bounce are done with: flagged \Seen only after the hub committed them.
        var flags = await mailbox.SummariesAsync(Ct);
        Assert.All(flags, m => Assert.True(m.Flags!.Value.HasFlag(MessageFlags.Seen)));

        // The customer answers the acknowledgement: IDLE wakes the hub, the reply joins the same case.
        var reply = Mail(customer, "Re: " + ack.Subject, "还是没有修好。");
        reply.InReplyTo = ack.MessageId;
        await mailbox.AppendAsync(reply, Ct);
        var detail = await TestCalls.WithinAsync(Patience, async () =>
        {
            var d = await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.Number}", Ct);
            return d!.Messages.Count(m => m.Direction == "inbound") == 2 ? d : null;
        }, "the reply on the case");
        Assert.Single(await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct) ?? []);
        Assert.Equal("sent", detail.Messages.Single(m => m.Direction == "outbound").DeliveryStatus);
        // The reply is not acknowledged again: it joined a case, it did not open one.
        Assert.Single(await TestMailServers.SentToAsync(customer, 2, TimeSpan.FromSeconds(2), Ct));
    }

    [Fact]
    public async Task Restart_ResumesAtTheCursor_AndARereadAfterACrashDoublesNothing()
    {
        await using var mailbox = await TestMailbox.CreateAsync(Ct);
        for (var i = 0; i < 5; i++) await mailbox.AppendAsync(Mail(Customer(), $"first {i}", $"complaint {i}"), Ct);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var settings = TestMailServers.HubSettings(mailbox.Name);
        settings["Channels:Email:Acknowledge"] = "false";

        await using (var first = await HubHost.StartAsync(database, ownsDatabase: false, settings))
        {
            using var agent = await first.ClientAsync(Roles.Agent);
            await CasesAsync(agent, 5);
        }
        for (var i = 0; i < 3; i++) await mailbox.AppendAsync(Mail(Customer(), $"second {i}", $"complaint {i}"), Ct);
        // As if the first process died after committing but before flagging and moving its cursor: all is read again.
        await using (var connection = await new Database(database.Options).OpenAsync(Ct))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE pollers SET cursor_position = 0";
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
        }
        await using var second = await HubHost.StartAsync(database, ownsDatabase: false, settings);
        using var agent2 = await second.ClientAsync(Roles.Agent);
        var cases = await CasesAsync(agent2, 8);
        await Task.Delay(1000, Ct); // anything doubled would show up by now
        cases = (await agent2.GetFromJsonAsync<List<CaseSummary>>("/api/cases?limit=500", Ct))!;
        Assert.Equal(8, cases.Count);
        Assert.Equal(8, cases.Select(c => c.Subject).Distinct().Count());
        var pollers = (await (await second.ClientAsync(Roles.Supervisor)).GetFromJsonAsync<List<Server.Channels.PollerView>>("/api/channels/pollers", Ct))!;
        var poller = Assert.Single(pollers);
        Assert.Equal("ok", poller.Status);
        Assert.Equal(8, poller.Taken);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task FolderRenumbered_NewUidValidity_TheSameMailIsNotTakenTwice(DatabaseProvider provider)
    {
        // The raw copy is kept and its settled twin looked for in one round trip (issue 17): on both databases.
        var mails = Enumerable.Range(0, 3).Select(i => Mail(Customer(), $"renumbered {i}", $"complaint {i}")).ToList();
        await using var database = await TestDatabase.CreateAsync(provider);
        var name = $"t{Guid.NewGuid():N}";
        var settings = TestMailServers.HubSettings(name);
        settings["Channels:Email:Acknowledge"] = "false";
        using var client = await TestMailServers.ConnectAsync(ct: Ct);
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        var folder = (await root.CreateAsync(name, true, Ct))!;
        foreach (var mail in mails) await folder.AppendAsync(new AppendRequest(mail), Ct);
        var before = folder.UidValidity;
        await using (var first = await HubHost.StartAsync(database, ownsDatabase: false, settings))
        {
            using var agent = await first.ClientAsync(Roles.Agent);
            await CasesAsync(agent, 3);
        }
        // The server renumbers the folder (as after a restore): same mail, new UIDVALIDITY, new UIDs.
        await folder.DeleteAsync(Ct);
        await Task.Delay(1100, Ct); // Dovecot derives UIDVALIDITY from the clock
        folder = (await root.CreateAsync(name, true, Ct))!;
        foreach (var mail in mails) await folder.AppendAsync(new AppendRequest(mail), Ct);
        await folder.StatusAsync(StatusItems.UidValidity, Ct);
        Assert.NotEqual(before, folder.UidValidity);
        mails.Add(Mail(Customer(), "after the renumbering", "a new complaint"));
        await folder.AppendAsync(new AppendRequest(mails[^1]), Ct);

        await using var second = await HubHost.StartAsync(database, ownsDatabase: false, settings);
        using var agent2 = await second.ClientAsync(Roles.Agent);
        await CasesAsync(agent2, 4);
        await Task.Delay(1000, Ct);
        Assert.Equal(4, (await agent2.GetFromJsonAsync<List<CaseSummary>>("/api/cases?limit=500", Ct))!.Count);
        await folder.DeleteAsync(Ct);
    }
}
