using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OmniIntake.Channels.Email.Pipe;
using OmniIntake.Channels.WebChat.Hub;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Conversations;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Cases;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Channels;

/// <summary>
/// Honest and informative messages to the customer on every channel (issue 16 item 3): the hand-off names the case and
/// when it is forwarded, acknowledgements outside working hours say by when (from the policy and the calendar), a
/// "when?" is answered, a message after the case closed is acknowledged with a new, linked case, and the transcript is
/// offered only when e-mail can be sent.
/// </summary>
public sealed class CustomerMessagesTests
{
    private const string PipeKey = "pipe-key-for-tests-0123456789";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>
    /// A calendar on which this moment is outside working hours (every day a working day, no holidays): before noon the
    /// hours are 19:00-22:00, so a complaint is forwarded by 20:00 today; after noon 06:00-09:00, so by 07:00 tomorrow
    /// (policy 5.2.2: one hour after work starts).
    /// </summary>
    private static (Dictionary<string, string?> Settings, string Zh, string En) OutsideWorkingHours()
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai);
        var evening = now.Hour < 12;
        var settings = new Dictionary<string, string?>
        {
            ["Calendar:WorkingHours:0"] = evening ? "19:00-22:00" : "06:00-09:00",
            ["Calendar:ChinaHolidays"] = "false",
        };
        foreach (var day in Enum.GetValues<DayOfWeek>()) settings[$"Calendar:WorkingDays:{(int)day}"] = day.ToString();
        var tomorrow = now.Date.AddDays(1);
        var zh = evening ? "我们将在今天20:00前转交处理。" : $"我们将在{tomorrow.Month}月{tomorrow.Day}日07:00前转交处理。";
        var en = evening
            ? "We will pass it to the team responsible by 20:00 today."
            : $"We will pass it to the team responsible by {tomorrow.ToString("d MMM", CultureInfo.InvariantCulture)} 07:00.";
        return (settings, zh, en);
    }

    private static async Task<ChatTurn> SayAsync(HubConnection chat, string token, string text) =>
        await chat.InvokeAsync<ChatTurn>("Send", token, Guid.NewGuid().ToString("N"), text, Ct);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AHandOffBeforeDescribingTheProblem_RegistersACase_AndTellsItsNumberAndWhenItIsForwarded(DatabaseProvider provider)
    {
        var (settings, zh, _) = OutsideWorkingHours();
        await using var host = await HubHost.StartAsync(provider, settings);
        await using var chat = host.ChatHub();
        await chat.StartAsync(Ct);
        var token = (await chat.InvokeAsync<ChatSession>("Start", "zh-CN", Ct)).Token;

        var handedOff = await SayAsync(chat, token, "转人工");

        Assert.Equal(ConversationStatus.HandedOff, handedOff.Status);
        var number = Assert.IsType<string>(handedOff.CaseNumber);
        var said = Assert.Single(handedOff.Messages).Text;
        Assert.Contains($"投诉编号 {number}。", said, StringComparison.Ordinal);
        Assert.Contains(zh, said, StringComparison.Ordinal);
        // The status page's link on its own line, which the widget shows as a link (issue 16 items 3 and 5).
        Assert.Matches($@"\n查询处理进度：https?://[^\s]+/status\?case={number}$", said);
        using var agent = await host.ClientAsync(Roles.Agent);
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!;
        Assert.Contains("客户要求转人工", detail.Messages.Single().BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InEnglish_TheRegisteredComplaintSaysByWhenItIsForwarded_AndWhenIsAnsweredAfterwards()
    {
        var (settings, _, en) = OutsideWorkingHours();
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings);
        await using var chat = host.ChatHub();
        await chat.StartAsync(Ct);
        var token = (await chat.InvokeAsync<ChatSession>("Start", "en-GB", Ct)).Token;

        await SayAsync(chat, token, "The lift in building 3 has been broken for three days");
        var handedOff = await SayAsync(chat, token, "agent please");
        var number = Assert.IsType<string>(handedOff.CaseNumber);
        Assert.Contains(en, Assert.Single(handedOff.Messages).Text, StringComparison.Ordinal);

        var plain = await SayAsync(chat, token, "It is on the third floor.");
        Assert.Empty(plain.Messages); // joins the case; an agent answers
        var answer = await SayAsync(chat, token, "When will someone handle this?");
        var text = Assert.Single(answer.Messages).Text;
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains(en, text, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AfterTheCaseClosed_TheNextMessageOpensALinkedCase_AndIsAcknowledgedWithItsNumber(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        await using var chat = host.ChatHub();
        await chat.StartAsync(Ct);
        var token = (await chat.InvokeAsync<ChatSession>("Start", "zh-CN", Ct)).Token;
        await SayAsync(chat, token, "物业费乱收，要求解释清楚");
        var first = Assert.IsType<string>((await SayAsync(chat, token, "转人工")).CaseNumber);

        // A "when?" while the case is open: the number and the forwarding time, not silence.
        var when = Assert.Single((await SayAsync(chat, token, "请问什么时候有人处理？")).Messages).Text;
        Assert.Contains($"编号 {first}", when, StringComparison.Ordinal);
        Assert.Contains("前转交处理", when, StringComparison.Ordinal);

        using var agent = await host.ClientAsync(Roles.Agent);
        var closed = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{first}", Ct))!.Case;
        (await agent.PostAsJsonAsync($"/api/cases/{closed.Id}/resolve", new ResolveRequest("已解释"), Ct)).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/api/cases/{closed.Id}/close", new CloseRequest(null), Ct)).EnsureSuccessStatusCode();

        var after = await SayAsync(chat, token, "还是没有解释清楚，又多收了一次");

        var second = Assert.IsType<string>(after.CaseNumber);
        Assert.NotEqual(first, second);
        var ack = Assert.Single(after.Messages).Text;
        Assert.Contains($"您之前的投诉（编号 {first}）已办结", ack, StringComparison.Ordinal);
        Assert.Contains($"新的投诉，编号 {second}", ack, StringComparison.Ordinal);
        Assert.EndsWith($"/status?case={second}", ack, StringComparison.Ordinal);
        var opened = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{second}", Ct))!;
        Assert.Equal(closed.Id, opened.Case.RelatedCaseId);
        Assert.Contains("又多收了一次", opened.Messages.Single().BodyText, StringComparison.Ordinal);

        // The conversation follows the new case: the next message joins it, and a reload shows its number.
        Assert.Empty((await SayAsync(chat, token, "收据我也有")).Messages);
        Assert.Equal(2, (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{second}", Ct))!.Messages.Count(m => m.Direction == "inbound"));
        Assert.Equal(second, (await chat.InvokeAsync<ChatSession>("Resume", token, 0L, Ct)).CaseNumber);
    }

    [Fact]
    public async Task WithoutAnEmailSender_TheTranscriptIsNotOffered_AndARequestSaysWhyInTheCustomersLanguage()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        await using var chat = host.ChatHub();
        await chat.StartAsync(Ct);
        var session = await chat.InvokeAsync<ChatSession>("Start", "zh-CN", Ct);
        Assert.False(session.CanEmailTranscript);
        await SayAsync(chat, session.Token, "物业费乱收，要求解释");
        await SayAsync(chat, session.Token, "转人工");
        Assert.False((await chat.InvokeAsync<ChatSession>("Resume", session.Token, 0L, Ct)).CanEmailTranscript);

        var refused = await Assert.ThrowsAsync<HubException>(() => chat.InvokeAsync<string>("EmailTranscript", session.Token, "a@example.test", Ct));
        Assert.Contains("无法发送对话记录", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAnEmailSender_TheTranscriptIsOffered()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, EmailOut());
        await using var chat = host.ChatHub();
        await chat.StartAsync(Ct);
        Assert.True((await chat.InvokeAsync<ChatSession>("Start", "en", Ct)).CanEmailTranscript);
    }

    [Fact]
    public async Task AnSmsOutsideWorkingHours_GetsTheNumberByWhenItIsForwardedAndTheStatusLink_InTwoSegmentsWithTheFirstQuestion()
    {
        await using var twilio = new TwilioStandIn();
        var (settings, zh, _) = OutsideWorkingHours();
        const string publicUrl = "https://hub.example.test";
        settings["Channels:Sms:AccountSid"] = TwilioStandIn.AccountSid;
        settings["Channels:Sms:AuthToken"] = TwilioStandIn.AuthToken;
        settings["Channels:Sms:From"] = "+8610010010000";
        settings["Channels:Sms:PublicUrl"] = publicUrl;
        settings["Channels:Sms:ApiBaseUrl"] = twilio.BaseUrl;
        settings["Outbox:PollInterval"] = "00:00:00.200";
        settings["FollowUp:PublicUrl"] = publicUrl;
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings);
        using var webhook = host.Anonymous();
        var sid = "SM" + Guid.NewGuid().ToString("N");
        var form = TwilioWebhook.IncomingSms("+8613800138000", "+8610010010000", "3号楼电梯坏了三天了", sid);
        using var request = TwilioWebhook.SignedRequest(publicUrl, form);
        (await webhook.SendAsync(request, Ct)).EnsureSuccessStatusCode();

        var sent = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), () => Task.FromResult(twilio.Created.FirstOrDefault()), "the SMS receipt");
        var number = System.Text.RegularExpressions.Regex.Match(sent["Body"], @"^已受理，编号(TS-\d{8}-\d{5})。").Groups[1].Value;
        Assert.NotEmpty(number);
        Assert.Contains(zh, sent["Body"], StringComparison.Ordinal);
        // The short link on a line of its own, then the dialog's first question.
        Assert.Contains($"进度：{publicUrl}/s/{number}\n", sent["Body"], StringComparison.Ordinal);
        // Chosen: at most two UCS-2 segments (134 units) with a link; one segment (70) cannot hold a link beside the number.
        var (encoding, segments, units) = Core.Text.SmsSegments.Count(sent["Body"]);
        TestContext.Current.SendDiagnosticMessage($"SMS receipt: {encoding}, {units} units, {segments} segments: {sent["Body"]}");
        Assert.Equal((Core.Text.SmsEncoding.Ucs2, 2), (encoding, segments));
        var withoutLink = global::OmniIntake.Channels.Sms.Webhooks.SmsIngestor.Receipt(number, "zh-CN", zh, null);
        Assert.True(units - withoutLink.Length > 30, "the link costs its length");

        // The short link opens the status page with the number filled in (the page reads ?case=).
        var opened = await webhook.GetAsync($"/s/{number}", Ct);
        Assert.Equal(($"/status.html?case={number}"), opened.Headers.Location!.OriginalString);
        var longForm = await webhook.GetAsync($"/status?case={number}", Ct);
        Assert.Equal(($"/status.html?case={number}"), longForm.Headers.Location!.OriginalString);
    }

    [Fact]
    public void AnSmsReceiptInEnglish_WithTheLongestForwardingSentence_StaysWithinTwoGsm7Segments()
    {
        // Measured without a hub: the English receipt is GSM-7 (160/153 per part); its longest forwarding sentence.
        const string link = "https://complaints.example-organisation.org/s/TS-20261202-00001";
        var receipt = global::OmniIntake.Channels.Sms.Webhooks.SmsIngestor.Receipt("TS-20261202-00001", "en", "We will pass it to the team responsible by 12 Dec 10:00.", link)
                      + "What is your name?";
        var (encoding, segments, units) = Core.Text.SmsSegments.Count(receipt);
        TestContext.Current.SendDiagnosticMessage($"English SMS receipt: {encoding}, {units} units, {segments} segments");
        Assert.Equal((Core.Text.SmsEncoding.Gsm7, 2), (encoding, segments));
    }

    [Fact]
    public async Task AnEmailOutsideWorkingHours_IsAcknowledgedWithByWhenItIsForwarded_AndTheStatusPageLink()
    {
        var (settings, zh, _) = OutsideWorkingHours();
        foreach (var (key, value) in EmailOut()) settings[key] = value;
        settings["Channels:Email:PipeApiKey"] = PipeKey;
        settings["FollowUp:PublicUrl"] = "https://hub.example.test/";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings);
        using var mta = host.Anonymous();
        var raw = Encoding.UTF8.GetBytes(
            "From: Customer <customer@example.test>\r\nTo: intake@example.test\r\nSubject: =?UTF-8?B?" +
            Convert.ToBase64String(Encoding.UTF8.GetBytes("停车费投诉")) + "?=\r\nMessage-ID: <" + Guid.NewGuid().ToString("N") + "@example.test>\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
            Convert.ToBase64String(Encoding.UTF8.GetBytes("物业乱收停车费，要求退还。")) + "\r\n");
        using var pipe = new HttpRequestMessage(HttpMethod.Post, "/channels/email/inbound") { Content = new ByteArrayContent(raw) };
        pipe.Content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        pipe.Headers.Add("X-Api-Key", PipeKey);
        var taken = (await (await mta.SendAsync(pipe, Ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<PipedEmail>(Ct))!;

        using var agent = await host.ClientAsync(Roles.Agent);
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{taken.CaseNumber}", Ct))!;
        var acknowledgement = detail.Messages.Single(m => m.Direction == "outbound").BodyText;
        Assert.Contains($"受理编号为 {taken.CaseNumber}。{zh}", acknowledgement, StringComparison.Ordinal);
        Assert.Contains($"查询处理进度：https://hub.example.test/status?case={taken.CaseNumber}", acknowledgement, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> SmsSettings(TwilioStandIn twilio, Dictionary<string, string?> settings)
    {
        settings["Channels:Sms:AccountSid"] = TwilioStandIn.AccountSid;
        settings["Channels:Sms:AuthToken"] = TwilioStandIn.AuthToken;
        settings["Channels:Sms:From"] = "+8610010010000";
        settings["Channels:Sms:PublicUrl"] = SmsPublicUrl;
        settings["Channels:Sms:ApiBaseUrl"] = twilio.BaseUrl;
        settings["Outbox:PollInterval"] = "00:00:00.200";
        settings["FollowUp:PublicUrl"] = SmsPublicUrl;
        return settings;
    }

    private const string SmsPublicUrl = "https://hub.example.test";

    private static async Task SmsAsync(HubHost host, string body)
    {
        using var webhook = host.Anonymous();
        var form = TwilioWebhook.IncomingSms("+8613800138000", "+8610010010000", body);
        using var request = TwilioWebhook.SignedRequest(SmsPublicUrl, form);
        (await webhook.SendAsync(request, Ct)).EnsureSuccessStatusCode();
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnSmsAfterTheCaseClosed_OpensANewCase_AndIsAcknowledgedWithTheNewNumberAndItsLink(DatabaseProvider provider)
    {
        await using var twilio = new TwilioStandIn();
        var (settings, zh, _) = OutsideWorkingHours();
        await using var host = await HubHost.StartAsync(provider, SmsSettings(twilio, settings));
        await SmsAsync(host, "3号楼电梯坏了三天了");
        using var agent = await host.ClientAsync(Roles.Agent);
        var first = Assert.Single((await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!);
        (await agent.PostAsJsonAsync($"/api/cases/{first.Id}/resolve", new ResolveRequest("已修好"), Ct)).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/api/cases/{first.Id}/close", new CloseRequest(null), Ct)).EnsureSuccessStatusCode();

        await SmsAsync(host, "电梯又坏了，还是3号楼");

        var second = (await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!.Single(c => c.Id != first.Id);
        // Linked to the closed case (the same phone within the window), so the agent sees the history.
        var opened = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{second.Id}", Ct))!;
        Assert.Equal(first.Id, opened.Case.RelatedCaseId);
        var receipt = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20),
            () => Task.FromResult(twilio.Created.FirstOrDefault(m => m["Body"].Contains(second.Number, StringComparison.Ordinal))), "the second receipt");
        Assert.StartsWith($"已受理，编号{second.Number}。{zh}进度：{SmsPublicUrl}/s/{second.Number}\n", receipt["Body"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnSmsAskingForAPerson_IsAnsweredWithTheNumberAndByWhenItIsForwarded()
    {
        await using var twilio = new TwilioStandIn();
        var (settings, zh, _) = OutsideWorkingHours();
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, SmsSettings(twilio, settings));
        await SmsAsync(host, "物业费乱收，要求解释清楚");
        using var agent = await host.ClientAsync(Roles.Agent);
        var number = Assert.Single((await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!).Number;

        await SmsAsync(host, "转人工");

        var handOff = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20),
            () => Task.FromResult(twilio.Created.Skip(1).FirstOrDefault()), "the hand-off's answer");
        Assert.Contains(number, handOff["Body"], StringComparison.Ordinal);
        Assert.Contains(zh, handOff["Body"], StringComparison.Ordinal);
    }

    private static async Task<PipedEmail> MailAsync(HubHost host, string subject, string body)
    {
        using var mta = host.Anonymous();
        var raw = Encoding.UTF8.GetBytes(
            "From: Customer <customer@example.test>\r\nTo: intake@example.test\r\nSubject: =?UTF-8?B?" +
            Convert.ToBase64String(Encoding.UTF8.GetBytes(subject)) + "?=\r\nMessage-ID: <" + Guid.NewGuid().ToString("N") + "@example.test>\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
            Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) + "\r\n");
        using var pipe = new HttpRequestMessage(HttpMethod.Post, "/channels/email/inbound") { Content = new ByteArrayContent(raw) };
        pipe.Content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        pipe.Headers.Add("X-Api-Key", PipeKey);
        return (await (await mta.SendAsync(pipe, Ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<PipedEmail>(Ct))!;
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnEmailAfterTheCaseClosed_OpensALinkedCase_AndIsAcknowledgedWithTheNewNumberAndItsLink(DatabaseProvider provider)
    {
        var (settings, zh, _) = OutsideWorkingHours();
        foreach (var (key, value) in EmailOut()) settings[key] = value;
        settings["Channels:Email:PipeApiKey"] = PipeKey;
        settings["FollowUp:PublicUrl"] = "https://hub.example.test/";
        await using var host = await HubHost.StartAsync(provider, settings);
        var first = await MailAsync(host, "停车费投诉", "物业乱收停车费，要求退还。");
        using var agent = await host.ClientAsync(Roles.Agent);
        var closed = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{first.CaseNumber}", Ct))!.Case;
        (await agent.PostAsJsonAsync($"/api/cases/{closed.Id}/resolve", new ResolveRequest("已退还"), Ct)).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/api/cases/{closed.Id}/close", new CloseRequest(null), Ct)).EnsureSuccessStatusCode();

        var again = await MailAsync(host, $"Re: 停车费投诉 [#{first.CaseNumber}]", "又收了一次停车费，还没退。");

        Assert.NotEqual(first.CaseNumber, again.CaseNumber);
        var opened = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{again.CaseNumber}", Ct))!;
        Assert.Equal(closed.Id, opened.Case.RelatedCaseId);
        var acknowledgement = opened.Messages.Single(m => m.Direction == "outbound").BodyText;
        Assert.Contains($"受理编号为 {again.CaseNumber}。{zh}", acknowledgement, StringComparison.Ordinal);
        Assert.Contains($"查询处理进度：https://hub.example.test/status?case={again.CaseNumber}", acknowledgement, StringComparison.Ordinal);
    }

    /// <summary>An e-mail sender (to a port nobody listens on: these tests look at what is queued, not at delivery).</summary>
    private static Dictionary<string, string?> EmailOut() => new()
    {
        ["Channels:Email:Address"] = "intake@example.test",
        ["Channels:Email:Smtp:Host"] = "127.0.0.1",
        ["Channels:Email:Smtp:Port"] = "9",
        ["Channels:Email:Smtp:Security"] = "None",
    };
}
