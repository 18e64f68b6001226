using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using OmniIntake.Channels.WebChat.Hub;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Messages;
using OmniIntake.Data;
using OmniIntake.Data.Attachments;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Attachments;
using OmniIntake.Server.Status;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Attachments;

/// <summary>
/// Attachments both ways and the status page's actions (issue 16 items 4 and 5) on the real hub with the Twilio stand-in:
/// MMS media fetched only from the allowed host with the account's basic auth (others refused, the message kept with the
/// reason); files sniffed (an HTML page named .png refused), limited in size, served only as a download or as an image with
/// nosniff and a CSP, only to staff who may see the case; the widget's and the status page's files thread into the case; a
/// withdrawal is kept with its reason and shown to agents without withdrawing the case.
/// </summary>
public sealed partial class AttachmentsTests
{
    private const string PublicUrl = "https://hub.example.test";
    private const string OurNumber = "+8610010010000";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    [GeneratedRegex(@"(?:验证码：|case TS-\d{8}-\d{5}: )(\d{6})")]
    private static partial Regex CodeInSms();

    private static Dictionary<string, string?> Settings(TwilioStandIn twilio) => new()
    {
        ["Channels:Sms:AccountSid"] = TwilioStandIn.AccountSid, ["Channels:Sms:AuthToken"] = TwilioStandIn.AuthToken, ["Channels:Sms:From"] = OurNumber,
        ["Channels:Sms:PublicUrl"] = PublicUrl, ["Channels:Sms:ApiBaseUrl"] = twilio.BaseUrl, ["Outbox:PollInterval"] = "00:00:00.200",
        // The stand-in's host is Twilio's media host here; "localhost" (the same stand-in by another name) is not.
        ["Channels:Sms:MediaHosts:0"] = "127.0.0.1",
        ["Attachments:MaxBytes"] = "65536",
    };

    private static async Task<string> SmsAsync(HubHost host, string from, string body, params string[] mediaUrls)
    {
        using var twilioClient = host.Anonymous();
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["AccountSid"] = TwilioStandIn.AccountSid, ["From"] = from, ["To"] = OurNumber,
            ["Body"] = body, ["NumMedia"] = mediaUrls.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < mediaUrls.Length; i++)
        {
            form[$"MediaUrl{i}"] = mediaUrls[i];
            form[$"MediaContentType{i}"] = "image/jpeg";
        }
        using var request = TwilioWebhook.SignedRequest(PublicUrl, form);
        (await twilioClient.SendAsync(request, Ct)).EnsureSuccessStatusCode();
        using var agent = await host.ClientAsync(Roles.Agent);
        var cases = (await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!;
        return cases.OrderByDescending(c => c.Id).First().Number;
    }

    private static List<Attachment> AttachmentsOf(MessageView message) => JsonSerializer.Deserialize<List<Attachment>>(message.Attachments, Json)!;

    private static MultipartFormDataContent FileForm(string name, byte[] content, string declaredType = "image/png")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static async Task<string?> ProblemCodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString();

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task MmsMedia_AreFetchedOnlyFromTheAllowedHost_WithTheAccountsBasicAuth_OthersAreRefused_AndTheMessageIsKept(DatabaseProvider provider)
    {
        await using var twilio = new TwilioStandIn();
        await using var host = await HubHost.StartAsync(provider, Settings(twilio));
        var allowed = twilio.AddMedia(Jpeg);
        var sameStandInOtherName = twilio.AddMedia(Jpeg).Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        var number = await SmsAsync(host, "+8613800138000", "车库漏水，照片见附件", allowed, sameStandInOtherName);

        var fetched = Assert.Single(twilio.MediaRequests);
        Assert.True(fetched.Authorised);
        Assert.Equal(new Uri(allowed).AbsolutePath, fetched.Path);
        using var agent = await host.ClientAsync(Roles.Agent);
        var message = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!.Messages.First(m => m.Direction == "inbound");
        Assert.Equal("车库漏水，照片见附件", message.BodyText);
        var attachments = AttachmentsOf(message);
        Assert.Equal(2, attachments.Count);
        Assert.Equal(("image/jpeg", null), (attachments[0].ContentType, attachments[0].RefusedReason));
        Assert.StartsWith("file-", attachments[0].StorageKey, StringComparison.Ordinal);
        Assert.Equal(("attachment.host-not-allowed", null), (attachments[1].RefusedReason, attachments[1].StorageKey));

        var image = await agent.GetAsync($"/api/messages/{message.Id}/attachments/{attachments[0].StorageKey}?inline=true", Ct);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", image.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(Jpeg, await image.Content.ReadAsByteArrayAsync(Ct));
        var download = await agent.GetAsync($"/api/messages/{message.Id}/attachments/{attachments[0].StorageKey}", Ct);
        Assert.Equal(("attachment", "application/octet-stream"), (download.Content.Headers.ContentDisposition!.DispositionType, download.Content.Headers.ContentType!.MediaType));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task OnTheStatusPage_AFileIsSniffedAndLimited_JoinsTheCase_ForStaffWhoMaySeeIt_AndAWithdrawalIsKeptAndShownToAgents(DatabaseProvider provider)
    {
        await using var twilio = new TwilioStandIn();
        await using var host = await HubHost.StartAsync(provider, Settings(twilio));
        var number = await SmsAsync(host, "+8613800138000", "3号楼电梯坏了三天了");
        using var agent = await host.ClientAsync(Roles.Agent);
        var caseId = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!.Case.Id;
        using var customer = host.Anonymous();
        (await customer.PostAsJsonAsync("/api/status/code", new StatusCodeRequest(number, "13800138000", "zh-CN"), Ct)).EnsureSuccessStatusCode();
        var code = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), () => Task.FromResult(twilio.Created.Select(m => CodeInSms().Match(m["Body"]))
            .Where(m => m.Success).Select(m => m.Groups[1].Value).FirstOrDefault()), "the status code by SMS");
        var session = (await (await customer.PostAsJsonAsync("/api/status/verify", new StatusVerifyRequest(number, code), Ct)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<StatusSession>(Ct))!;

        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.PostAsync("/api/status/file", FileForm("a.png", Png), Ct)).StatusCode);
        customer.DefaultRequestHeaders.Add(StatusApi.TokenHeader, session.Token);
        var html = await customer.PostAsync("/api/status/file", FileForm("截图.png", Encoding.UTF8.GetBytes("<!doctype html><script>alert(1)</script>")), Ct);
        Assert.Equal((HttpStatusCode.BadRequest, "attachment.type-not-allowed"), (html.StatusCode, await ProblemCodeAsync(html)));
        var large = await customer.PostAsync("/api/status/file", FileForm("big.png", [.. Png, .. new byte[70_000]]), Ct);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "attachment.too-large"), (large.StatusCode, await ProblemCodeAsync(large)));
        var sent = await customer.PostAsync("/api/status/file", FileForm("扣款截图.png", Png, "text/html"), Ct);
        Assert.Equal(number, (await sent.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<StatusActionResult>(Ct))!.CaseNumber);

        var withFile = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!.Messages
            .Single(m => m.Direction == "inbound" && AttachmentsOf(m).Count == 1);
        var kept = Assert.Single(AttachmentsOf(withFile));
        Assert.Equal(("扣款截图.png", "image/png"), (kept.FileName, kept.ContentType));
        var url = $"/api/messages/{withFile.Id}/attachments/{kept.StorageKey}";
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync(url, Ct)).StatusCode);
        using var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url, Ct)).StatusCode);
        // An owner sees only cases forwarded to their department: this one is not.
        using var owner = await host.ClientAsync(Roles.Owner);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(url, Ct)).StatusCode);

        var empty = await customer.PostAsJsonAsync("/api/status/withdraw", new StatusWithdrawRequest("  "), Ct);
        Assert.Equal("status.withdraw-reason", await ProblemCodeAsync(empty));
        (await customer.PostAsJsonAsync("/api/status/withdraw", new StatusWithdrawRequest("物业已经修好了，不需要再处理"), Ct)).EnsureSuccessStatusCode();

        var withdrawal = Assert.Single((await agent.GetFromJsonAsync<List<WithdrawalView>>($"/api/cases/{caseId}/withdrawals", Ct))!);
        Assert.Equal("物业已经修好了，不需要再处理", withdrawal.Reason);
        var after = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!;
        Assert.Contains(after.Messages, m => m.Id == withdrawal.MessageId && m.BodyText.Contains("申请撤回投诉", StringComparison.Ordinal));
        // Checked to be voluntary by an agent first: the request does not withdraw the case.
        Assert.NotEqual("withdrawn", after.Case.Status);
        Assert.NotNull((await customer.GetFromJsonAsync<StatusView>("/api/status", Ct))!.WithdrawalRequestedAt);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheWidgetsFile_JoinsTheRegisteredCase_AndTheConversation_AndOneSentBeforeTheRegistrationIsKeptForIt(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        await using var chat = host.ChatHub();
        await chat.StartAsync(Ct);
        var token = (await chat.InvokeAsync<ChatSession>("Start", "zh-CN", Ct)).Token;
        using var widget = host.Anonymous();
        widget.DefaultRequestHeaders.Add(AttachmentsSetup.ChatTokenHeader, token);

        // Mid-dialog ("我有银行扣款截图"): kept, waiting for the registration (issue 16 item 3), said so to the widget.
        var early = (await (await widget.PostAsync("/api/chat/files", FileForm("扣款截图.png", Png), Ct)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<ChatFileResult>(Ct))!;
        Assert.Equal((null, "扣款截图.png"), (early.CaseNumber, early.FileName));
        var number = (await chat.InvokeAsync<ChatTurn>("Send", token, Guid.NewGuid().ToString("N"), "转人工", Ct)).CaseNumber!;
        using (var staff = await host.ClientAsync(Roles.Agent))
        {
            var registered = (await staff.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!;
            var first = registered.Messages.First(m => m.Direction == "inbound");
            var waited = Assert.Single(AttachmentsOf(first));
            Assert.Equal(("扣款截图.png", "image/png"), (waited.FileName, waited.ContentType));
            var opened = await staff.GetAsync($"/api/messages/{first.Id}/attachments/{waited.StorageKey}?inline=true", Ct);
            Assert.Equal(Png, await opened.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync(Ct));
        }

        var refused = await widget.PostAsync("/api/chat/files", FileForm("photo.png", Encoding.UTF8.GetBytes("<svg onload=alert(1)>")), Ct);
        Assert.Equal("attachment.type-not-allowed", await ProblemCodeAsync(refused));
        var sent = (await (await widget.PostAsync("/api/chat/files", FileForm("photo.png", Png), Ct)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<ChatFileResult>(Ct))!;

        Assert.Equal((number, "photo.png", "image/png"), (sent.CaseNumber, sent.FileName, sent.ContentType));
        using var agent = await host.ClientAsync(Roles.Agent);
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!;
        var files = detail.Messages.Where(m => AttachmentsOf(m).Count > 0).Select(m => (m.Direction, AttachmentsOf(m).Single().FileName)).ToList();
        Assert.Equal([("inbound", "扣款截图.png"), ("inbound", "photo.png")], files);
        var resumed = await chat.InvokeAsync<ChatSession>("Resume", token, 0L, Ct);
        Assert.Contains(resumed.Messages, m => m.Direction == "customer" && m.Text.StartsWith("📎 photo.png", StringComparison.Ordinal));
        Assert.Contains(resumed.Messages, m => m.Direction == "customer" && m.Text.StartsWith("📎 扣款截图.png", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnMmsWebhookDeliveredTwice_FetchesAndKeepsItsMediaOnce(DatabaseProvider provider)
    {
        await using var twilio = new TwilioStandIn();
        await using var host = await HubHost.StartAsync(provider, Settings(twilio));
        var medium = twilio.AddMedia(Jpeg);
        using var webhook = host.Anonymous();
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "MM" + Guid.NewGuid().ToString("N"), ["AccountSid"] = TwilioStandIn.AccountSid, ["From"] = "+8613800138000", ["To"] = OurNumber,
            ["Body"] = "车库漏水，照片见附件", ["NumMedia"] = "1", ["MediaUrl0"] = medium, ["MediaContentType0"] = "image/jpeg",
        };
        // Twilio retries a webhook it thinks failed: the same MessageSid, the same media.
        for (var delivery = 0; delivery < 2; delivery++)
        {
            using var request = TwilioWebhook.SignedRequest(PublicUrl, form);
            (await webhook.SendAsync(request, Ct)).EnsureSuccessStatusCode();
        }

        Assert.Single(twilio.MediaRequests);
        var store = host.Services.GetRequiredService<Core.Attachments.IAttachmentStore>();
        var kept = await store.FindByOriginAsync($"twilio:{form["MessageSid"]}:0", Ct);
        Assert.NotNull(kept);
        using var agent = await host.ClientAsync(Roles.Agent);
        var number = Assert.Single((await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!).Number;
        var inbound = Assert.Single((await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!.Messages, m => m.Direction == "inbound");
        Assert.Equal(kept.StorageKey, Assert.Single(AttachmentsOf(inbound)).StorageKey);
        // Kept from the same origin again (two deliveries racing): the first copy, not a second row.
        var again = await store.KeepOnceAsync($"twilio:{form["MessageSid"]}:0", "media-1", Jpeg, Ct);
        Assert.Equal(kept.StorageKey, again.StorageKey);
    }
}
