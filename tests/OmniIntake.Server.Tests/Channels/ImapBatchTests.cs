using MailKit;
using MimeKit;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Channels;

/// <summary>Issue 17 items 1 and 2: a fetched batch goes in as concurrent units, each mail alone.</summary>
public sealed class ImapBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ABatchWithOneUnreadableMail_TakesTheOthers_SetsThatOneAside_AndKeepsAConversationInOrder(DatabaseProvider provider)
    {
        await using var mailbox = await TestMailbox.CreateAsync(Ct);
        var customer = ImapMailboxTests.Customer();
        var mails = Enumerable.Range(0, 36).Select(i => ImapMailboxTests.Mail(ImapMailboxTests.Customer(), $"batch {i}", $"complaint {i}")).ToList();
        var first = ImapMailboxTests.Mail(customer, "the first", "the lift is broken", "<first@customer.example.test>");
        var reply = ImapMailboxTests.Mail(customer, "Re: the first", "still broken", "<second@customer.example.test>");
        reply.InReplyTo = "first@customer.example.test";
        mails.Insert(5, first);
        mails.Insert(17, MimeMessage.Load(new MemoryStream("From: empty@example.test\r\nSubject:\r\nMessage-ID: <empty@example.test>\r\n\r\n"u8.ToArray()), Ct));
        mails.Add(reply);
        // One MULTIAPPEND before the hub starts: its first sweep fetches them all as one batch.
        await mailbox.AppendManyAsync(mails, Ct);
        var settings = TestMailServers.HubSettings(mailbox.Name);
        settings["Channels:Email:Acknowledge"] = "false";
        await using var host = await HubHost.StartAsync(provider, settings);
        using var agent = await host.ClientAsync(Roles.Agent);

        var cases = await ImapMailboxTests.CasesAsync(agent, 37);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var poller = await TestCalls.WithinAsync(Patience, async () =>
        {
            var p = (await supervisor.GetFromJsonAsync<List<Server.Channels.PollerView>>("/api/channels/pollers", Ct))!.SingleOrDefault();
            return p is { Taken: 38 } ? p : null;
        }, "the cursor past the batch");
        Assert.Equal("ok", poller.Status);
        Assert.Equal(37, cases.Count);
        Assert.Equal(37, cases.Select(c => c.Subject).Distinct().Count());
        // The reply came after the mail it answers, in the same batch: it found that mail's case.
        var conversation = cases.Single(c => c.Subject == "the first");
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{conversation.Number}", Ct))!;
        Assert.Equal(2, detail.Messages.Count(m => m.Direction == "inbound"));
        var failed = (await supervisor.GetFromJsonAsync<List<OmniIntake.Core.Intake.StoredRawMessage>>("/api/channels/raw?disposition=failed", Ct))!;
        Assert.Contains("needs text", Assert.Single(failed).Error, StringComparison.Ordinal);
        // The unreadable one stays unread for a person to see; every other one is flagged after its unit committed.
        var flags = await mailbox.SummariesAsync(Ct);
        Assert.Equal(38, flags.Count(m => m.Flags!.Value.HasFlag(MessageFlags.Seen)));
        Assert.Equal(1, flags.Count(m => !m.Flags!.Value.HasFlag(MessageFlags.Seen)));
    }
}
