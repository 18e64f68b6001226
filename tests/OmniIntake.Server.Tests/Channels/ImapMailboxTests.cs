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

    private static MimeMessage Mail(string from, string subject, string text, string? messageId = null)
    {
        var mail = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(MailboxAddress.Parse("complaints@hub.example.test"));
        mail.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example.test");
        return mail;
    }

    private static string Customer() => $"customer+{Guid.NewGuid():N}@example.test";

    private static async Task<List<CaseSummary>> CasesAsync(HttpClient agent, int atLeast) =>
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
}
