using System.Net.Http.Headers;
using MimeKit;
using OmniIntake.Channels.Email.Pipe;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Cases;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Channels;

/// <summary>What the hub sends by e-mail, read back from the real Postfix + Dovecot (issue 3).</summary>
public sealed class SmtpReplyTests
{
    private const string Key = "pipe-key-for-tests-0123456789";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static Dictionary<string, string?> Settings(int? smtpPort = null)
    {
        var settings = TestMailServers.HubSettings("INBOX");
        // These tests pipe mail in; the mailbox is not read.
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Channels:Email:Imap:", StringComparison.Ordinal)).ToList()) settings.Remove(key);
        settings["Channels:Email:PipeApiKey"] = Key;
        settings["Outbox:RetryBase"] = "00:00:00.200";
        settings["Outbox:MaxBackoff"] = "00:00:01";
        if (smtpPort is { } port) settings["Channels:Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    private static async Task<PipedEmail> PipeAsync(HttpClient mta, MimeMessage mail)
    {
        using var buffer = new MemoryStream();
        await mail.WriteToAsync(buffer, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, EmailPipe.Path) { Content = new ByteArrayContent(buffer.ToArray()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        request.Headers.Add("X-Api-Key", Key);
        var response = await mta.SendAsync(request, Ct);
        return (await response.Content.ReadFromJsonAsync<PipedEmail>(Ct))!;
    }

    private static MimeMessage Mail(string from, string subject, string text)
    {
        var mail = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(MailboxAddress.Parse("complaints@hub.example.test"));
        mail.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example.test");
        return mail;
    }

    private static string Customer() => $"customer+{Guid.NewGuid():N}@example.test";

    [Fact]
    public async Task AgentReply_GoesOutInTheCustomersThread_WithTheCaseNumber()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings());
        using var mta = host.Anonymous();
        var customer = Customer();
        var complaint = Mail(customer, "Re: Fwd: Noise at night", "The bar downstairs plays music until 3 am.");
        var piped = await PipeAsync(mta, complaint);
        using var agent = await host.ClientAsync(Roles.Agent);
        var opened = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{piped.CaseNumber}", Ct))!;

        var replied = await agent.PostAsJsonAsync($"/api/cases/{opened.Case.Id}/reply", new ReplyRequest("We have asked the district office to inspect."), Ct);
        replied.EnsureSuccessStatusCode();

        var sent = await TestMailServers.SentToAsync(customer, 2, Patience, Ct);
        Assert.Equal(2, sent.Count);
        var ack = sent.Single(m => m.Headers.Contains("Auto-Submitted"));
        Assert.Contains("We have received your message", ack.TextBody, StringComparison.Ordinal);
        var reply = sent.Single(m => !m.Headers.Contains("Auto-Submitted"));
        Assert.Equal($"Re: Noise at night [#{piped.CaseNumber}]", reply.Subject);
        Assert.Equal("We have asked the district office to inspect.", reply.TextBody?.Trim());
        Assert.Equal(complaint.MessageId, reply.InReplyTo);
        Assert.Contains(complaint.MessageId, reply.References);
        Assert.Contains(ack.MessageId, reply.References);
        Assert.Equal("complaints@hub.example.test", reply.From.Mailboxes.Single().Address);
        // The sent Message-ID is kept on the message, so the customer's answer to it threads by In-Reply-To.
        var answer = Mail(customer, "no number in this subject", "Thank you, but it happened again.");
        answer.InReplyTo = reply.MessageId;
        var threaded = await PipeAsync(mta, answer);
        Assert.Equal((piped.CaseNumber, "threaded"), (threaded.CaseNumber, threaded.Outcome));
    }

    [Fact]
    public async Task NoAcknowledgement_ForAutoReplies_OurOwnAddress_OrBeyondTheRateLimit()
    {
        var settings = Settings();
        settings["Channels:Email:AutomaticRepliesPerWindow"] = "2";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings);
        using var mta = host.Anonymous();
        var robot = Customer();
        var outOfOffice = Mail(robot, "Out of office", "I am away until Monday.");
        outOfOffice.Headers.Add("Auto-Submitted", "auto-replied");
        Assert.Equal("autoreply", (await PipeAsync(mta, outOfOffice)).Kind);
        var ours = Mail("complaints@hub.example.test", "a copy of our own mail", "text");
        Assert.Equal("newcase", (await PipeAsync(mta, ours)).Outcome);

        var flooder = Customer();
        for (var i = 0; i < 4; i++) Assert.Equal("newcase", (await PipeAsync(mta, Mail(flooder, $"complaint {i}", $"text {i}"))).Outcome);

        var acks = await TestMailServers.SentToAsync(flooder, 3, TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(2, acks.Count);
        Assert.Empty(await TestMailServers.SentToAsync(robot, 1, TimeSpan.FromSeconds(1), Ct));
        Assert.Empty(await TestMailServers.SentToAsync("complaints@hub.example.test", 1, TimeSpan.FromSeconds(1), Ct));
        using var agent = await host.ClientAsync(Roles.Agent);
        var cases = (await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases?limit=50", Ct))!;
        var limited = 0;
        foreach (var summary in cases.Where(c => c.Subject?.StartsWith("complaint", StringComparison.Ordinal) == true))
        {
            var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{summary.Number}", Ct))!;
            limited += detail.Audit.Count(a => a.Action == "auto-reply.rate-limited");
        }
        Assert.Equal(2, limited);
    }

    [Fact]
    public async Task SmtpServerDown_TheReplyWaitsVisiblyAndIsRetried()
    {
        await using var relay = new TcpRelay(TestMailServers.Smtp.Host, TestMailServers.Smtp.Port);
        var settings = Settings(relay.Port);
        settings["Channels:Email:Acknowledge"] = "false";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings);
        using var mta = host.Anonymous();
        var customer = Customer();
        var piped = await PipeAsync(mta, Mail(customer, "Broken bench", "In the park."));
        using var agent = await host.ClientAsync(Roles.Agent);
        var id = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{piped.CaseNumber}", Ct))!.Case.Id;
        (await agent.PostAsJsonAsync($"/api/cases/{id}/reply", new ReplyRequest("We will repair it."), Ct)).EnsureSuccessStatusCode();

        var waiting = await TestCalls.WithinAsync(Patience, async () =>
        {
            var detail = await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{piped.CaseNumber}", Ct);
            return detail!.Messages.SingleOrDefault(m => m.Direction == "outbound" && m.DeliveryStatus == "retrying");
        }, "the reply retrying");
        Assert.Contains("refused", waiting.DeliveryError ?? "", StringComparison.OrdinalIgnoreCase);
        // Supervisors see every reply that is not going out, across cases.
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        // Polled: between two attempts the row is "retrying", during an attempt (the sender retries every few seconds) "sending".
        await TestCalls.WithinAsync(Patience, async () =>
        {
            var problems = (await supervisor.GetFromJsonAsync<List<OmniIntake.Data.Outbox.OutboxProblem>>("/api/channels/outbox", Ct))!;
            return problems.FirstOrDefault(p => p.CaseNumber == piped.CaseNumber && p.Status == "retrying" && p.Recipient == customer);
        }, "the retrying reply on the supervisors' list");

        relay.Start();
        var sent = await TestMailServers.SentToAsync(customer, 1, Patience, Ct);
        Assert.Equal("We will repair it.", Assert.Single(sent).TextBody?.Trim());
        var delivered = await TestCalls.WithinAsync(Patience, async () =>
        {
            var detail = await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{piped.CaseNumber}", Ct);
            return detail!.Messages.SingleOrDefault(m => m.Direction == "outbound" && m.DeliveryStatus == "sent");
        }, "the reply sent");
        Assert.True(delivered.DeliveryAttempts > 1);
    }

    [Fact]
    public async Task TheGuidedDialog_ByEmail_AsksForTheMissingFieldsAtOnce_AndReadsTheAnswerIntoTheCase()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings());
        using var mta = host.Anonymous();
        var customer = Customer();
        var piped = await PipeAsync(mta, Mail(customer, "楼上漏水", "楼上漏水，把我家天花板泡坏了，电话13800138000"));

        var ack = Assert.Single(await TestMailServers.SentToAsync(customer, 1, Patience, Ct));
        Assert.Contains(piped.CaseNumber!, ack.TextBody, StringComparison.Ordinal);
        Assert.Contains("姓名：", ack.TextBody, StringComparison.Ordinal);
        Assert.Contains("地点：", ack.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("联系电话：", ack.TextBody, StringComparison.Ordinal); // the mail gave it

        // Only part of the answer first: the name. What is still missing is asked again, once.
        var partial = Mail(customer, "Re: " + ack.Subject, "姓名：王五\n\n> " + ack.TextBody!.Replace("\n", "\n> ", StringComparison.Ordinal));
        partial.InReplyTo = ack.MessageId;
        Assert.Equal("threaded", (await PipeAsync(mta, partial)).Outcome);
        var asks = await TestMailServers.SentToAsync(customer, 2, Patience, Ct);
        var second = asks.Single(m => m.MessageId != ack.MessageId);
        Assert.DoesNotContain("姓名：", second.TextBody, StringComparison.Ordinal);
        Assert.Contains("地点：", second.TextBody, StringComparison.Ordinal);

        var rest = Mail(customer, "Re: " + second.Subject, "发生时间：11月20日上午\n地点：5栋1203\n您的要求：维修并赔偿\n类别：工程质量");
        rest.InReplyTo = second.MessageId;
        await PipeAsync(mta, rest);

        using var agent = await host.ClientAsync(Roles.Agent);
        var fields = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{piped.CaseNumber}", Ct))!;
        Assert.Equal(("王五", "+8613800138000", "5栋1203", "维修并赔偿", "engineering-quality"),
            (fields.Fields.ComplainantName, fields.Fields.ContactPhone, fields.Fields.Location, fields.Fields.CustomerRequest, fields.Case.Category));
        Assert.EndsWith("上午", fields.Fields.OccurredAt, StringComparison.Ordinal);
        Assert.Contains(fields.Audit, a => a.Action == "case.fields" && a.Actor == "dialog");
        // Complete: nothing more is asked.
        Assert.Equal(2, (await TestMailServers.SentToAsync(customer, 3, TimeSpan.FromSeconds(2), Ct)).Count);
    }
}
