using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;
using OmniIntake.Channels.Email.Pipe;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Messages;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Cases;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Attachments;

/// <summary>
/// An agent's files on a reply (issue 16 item 4): checked when attached (sniffed, refused with a code), sent as e-mail
/// attachments through the real Postfix + Dovecot, and by SMS as a signed, expiring link the customer opens without an
/// account (an altered link opens nothing).
/// </summary>
public sealed partial class AgentFilesTests
{
    private const string PipeKey = "pipe-key-for-tests-0123456789";
    private const string PublicUrl = "https://hub.example.test";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    [GeneratedRegex(@"https://hub\.example\.test(/files/[A-Za-z0-9_\-]+)")]
    private static partial Regex FileLink();

    private static MultipartFormDataContent FileForm(string name, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static async Task<Attachment> AttachAsync(HttpClient agent, long caseId, string name, byte[] content) =>
        (await (await agent.PostAsync($"/api/cases/{caseId}/files", FileForm(name, content), Ct)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<Attachment>(Ct))!;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnAgentsFiles_GoOutAsEmailAttachments_ThroughPostfixAndDovecot(DatabaseProvider provider)
    {
        var settings = TestMailServers.HubSettings("INBOX");
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Channels:Email:Imap:", StringComparison.Ordinal)).ToList()) settings.Remove(key);
        settings["Channels:Email:PipeApiKey"] = PipeKey;
        await using var host = await HubHost.StartAsync(provider, settings);
        var customer = $"customer+{Guid.NewGuid():N}@example.test";
        var complaint = new MimeMessage { Subject = "扣款有误", Body = new TextPart("plain") { Text = "上月被多扣了一次物业费。" } };
        complaint.From.Add(MailboxAddress.Parse(customer));
        complaint.To.Add(MailboxAddress.Parse("complaints@hub.example.test"));
        using var buffer = new MemoryStream();
        await complaint.WriteToAsync(buffer, Ct);
        using var mta = host.Anonymous();
        using var pipe = new HttpRequestMessage(HttpMethod.Post, EmailPipe.Path) { Content = new ByteArrayContent(buffer.ToArray()) };
        pipe.Content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        pipe.Headers.Add("X-Api-Key", PipeKey);
        var number = (await (await mta.SendAsync(pipe, Ct)).Content.ReadFromJsonAsync<PipedEmail>(Ct))!.CaseNumber;
        using var agent = await host.ClientAsync(Roles.Agent);
        var caseId = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!.Case.Id;

        var refused = await agent.PostAsync($"/api/cases/{caseId}/files", FileForm("收据.png", Encoding.UTF8.GetBytes("<html>not an image</html>")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var receipt = await AttachAsync(agent, caseId, "退款回执.pdf", Pdf);
        var photo = await AttachAsync(agent, caseId, "现场照片.png", Png);
        (await agent.PostAsJsonAsync($"/api/cases/{caseId}/reply",
            new ReplyRequest("已核实，多扣的费用将退回，回执见附件。", [receipt.StorageKey!, photo.StorageKey!]), Ct)).EnsureSuccessStatusCode();

        var reply = (await TestMailServers.SentToAsync(customer, 2, TimeSpan.FromSeconds(30), Ct)).Single(m => !m.Headers.Contains("Auto-Submitted"));
        Assert.Equal("已核实，多扣的费用将退回，回执见附件。", reply.TextBody?.Trim());
        var parts = reply.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(["退款回执.pdf", "现场照片.png"], parts.Select(p => p.FileName));
        Assert.Equal(["application/pdf", "image/png"], parts.Select(p => p.ContentType.MimeType));
        using var decoded = new MemoryStream();
        await parts[0].Content!.DecodeToAsync(decoded, Ct);
        Assert.Equal(Pdf, decoded.ToArray());
        // The case file shows the reply with its files.
        var sent = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!.Messages.Single(m => m.Direction == "outbound" && m.BodyText.StartsWith("已核实", StringComparison.Ordinal));
        Assert.Equal(["退款回执.pdf", "现场照片.png"], JsonSerializer.Deserialize<List<Attachment>>(sent.Attachments, Json)!.Select(a => a.FileName));
    }

    [Fact]
    public async Task BySms_AnAgentsFileIsASignedLink_TheCustomerOpensWithoutAnAccount_AndAnAlteredLinkOpensNothing()
    {
        await using var twilio = new TwilioStandIn();
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Channels:Sms:AccountSid"] = TwilioStandIn.AccountSid, ["Channels:Sms:AuthToken"] = TwilioStandIn.AuthToken, ["Channels:Sms:From"] = "+8610010010000",
            ["Channels:Sms:PublicUrl"] = PublicUrl, ["Channels:Sms:ApiBaseUrl"] = twilio.BaseUrl, ["FollowUp:PublicUrl"] = PublicUrl,
            ["Outbox:PollInterval"] = "00:00:00.200",
        });
        using var twilioClient = host.Anonymous();
        var form = TwilioWebhook.IncomingSms("+8613800138000", "+8610010010000", "小区门口的路灯坏了");
        using var webhook = TwilioWebhook.SignedRequest(PublicUrl, form);
        (await twilioClient.SendAsync(webhook, Ct)).EnsureSuccessStatusCode();
        using var agent = await host.ClientAsync(Roles.Agent);
        var registered = (await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!.Single();
        var photo = await AttachAsync(agent, registered.Id, "维修照片.png", Png);

        (await agent.PostAsJsonAsync($"/api/cases/{registered.Id}/reply", new ReplyRequest("路灯已修好，照片见链接。", [photo.StorageKey!]), Ct))
            .EnsureSuccessStatusCode();

        var sms = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20),
            () => Task.FromResult(twilio.Created.FirstOrDefault(m => m["Body"].StartsWith("路灯已修好", StringComparison.Ordinal))), "the reply by SMS");
        Assert.Contains("📎 维修照片.png", sms["Body"], StringComparison.Ordinal);
        var path = FileLink().Match(sms["Body"]).Groups[1].Value;
        using var customer = host.Anonymous();
        var opened = await customer.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("image/png", opened.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", opened.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Png, await opened.Content.ReadAsByteArrayAsync(Ct));
        var altered = path[..^3] + (path[^3..] == "AAA" ? "BBB" : "AAA");
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync(altered, Ct)).StatusCode);
        // The case file keeps the reply as written: the link is made when it is sent.
        var file = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{registered.Number}", Ct))!;
        Assert.DoesNotContain(file.Messages, m => m.BodyText.Contains("/files/", StringComparison.Ordinal));
    }
}
