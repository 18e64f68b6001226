using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OmniIntake.Channels.WebChat.Hub;
using OmniIntake.Core.Conversations;
using OmniIntake.Data;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Dialogs;

/// <summary>
/// What follows an intake (the dialog's turn, the receipt with the case number) happens exactly once per message, even
/// when the process dies between the intake and that step and the message is delivered again (issue 12 item 3).
/// </summary>
public sealed class StepsAfterIntakeTests
{
    private const string PublicUrl = "https://hub.example.test";
    private const string OurNumber = "+8610010010000";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Settings(TwilioStandIn twilio) => new()
    {
        ["Channels:Sms:AccountSid"] = TwilioStandIn.AccountSid,
        ["Channels:Sms:AuthToken"] = TwilioStandIn.AuthToken,
        ["Channels:Sms:From"] = OurNumber,
        ["Channels:Sms:PublicUrl"] = PublicUrl,
        ["Channels:Sms:ApiBaseUrl"] = twilio.BaseUrl,
        ["Outbox:PollInterval"] = "00:00:00.200",
    };

    private static HttpRequestMessage Webhook(string sid, string from, string body)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = sid, ["SmsSid"] = sid, ["AccountSid"] = TwilioStandIn.AccountSid, ["From"] = from, ["To"] = OurNumber, ["Body"] = body,
            ["NumMedia"] = "0", ["NumSegments"] = "1", ["ApiVersion"] = "2010-04-01", ["SmsStatus"] = "received",
        };
        var request = TwilioWebhook.SignedRequest(PublicUrl, form);
        return request;
    }

    private static string Sid() => "SM" + Guid.NewGuid().ToString("N");

    private static async Task<long> ScalarAsync(HubHost host, string sql, object? parameters = null)
    {
        await using var database = new Database(host.Database.Options);
        await using var connection = await database.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: Ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ARetriedSms_WhoseDialogStepWasCutShort_GetsTheNumberAndTheNextQuestionExactlyOnce(DatabaseProvider provider)
    {
        var crashes = new CrashPoints();
        await using var twilio = new TwilioStandIn();
        await using var host = await HubHost.StartAsync(provider, Settings(twilio), crashes.AddTo);
        using var client = host.Anonymous();
        var first = Sid();
        crashes.Arm(CrashPoints.AfterIntake(first));

        // The intake commits the case, then the process dies: Twilio (or the reconciliation) delivers the SMS again.
        var crashed = await client.SendAsync(Webhook(first, "13800138000", "3号楼电梯坏了三天了"), Ct);
        Assert.NotEqual(HttpStatusCode.OK, crashed.StatusCode);
        Assert.Equal(0, await ScalarAsync(host, "SELECT COUNT(*) FROM outbox"));
        var retried = await client.SendAsync(Webhook(first, "13800138000", "3号楼电梯坏了三天了"), Ct);
        var again = await client.SendAsync(Webhook(first, "13800138000", "3号楼电梯坏了三天了"), Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (retried.StatusCode, again.StatusCode));
        var number = await ScalarAsync(host, "SELECT COUNT(*) FROM cases");
        Assert.Equal(1, number);
        Assert.Equal(1, await ScalarAsync(host, "SELECT COUNT(*) FROM outbox WHERE automatic = @yes", new { yes = true }));
        var receipt = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), () => Task.FromResult(twilio.Created.FirstOrDefault()), "the receipt");
        Assert.Contains("已受理，编号", receipt["Body"], StringComparison.Ordinal);
        Assert.Contains("怎么称呼", receipt["Body"], StringComparison.Ordinal);

        // The answer: stored in the dialog, then the process dies before the turn is saved; the retry takes the turn once.
        var answer = Sid();
        crashes.Arm(CrashPoints.BeforeDialogTurn);
        Assert.NotEqual(HttpStatusCode.OK, (await client.SendAsync(Webhook(answer, "+8613800138000", "王先生"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Webhook(answer, "+8613800138000", "王先生"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Webhook(answer, "+8613800138000", "王先生"), Ct)).StatusCode);

        Assert.Equal(2, await ScalarAsync(host, "SELECT COUNT(*) FROM outbox WHERE automatic = @yes", new { yes = true }));
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), () => Task.FromResult(twilio.Created.Count >= 2 ? "" : null), "the second question");
        Assert.Contains("什么时候", twilio.Created.ToArray()[1]["Body"], StringComparison.Ordinal);
        Assert.Equal(1, await ScalarAsync(host, "SELECT COUNT(*) FROM conversation_messages WHERE direction = 'customer' AND client_id = @answer",
            new { answer }));
        Assert.Equal("王先生", await ScalarTextAsync(host, "SELECT complainant_name FROM cases"));
        Assert.Equal(2, twilio.Created.Count);
        Assert.Empty(twilio.Violations);
    }

    private static async Task<string?> ScalarTextAsync(HubHost host, string sql)
    {
        await using var database = new Database(host.Database.Options);
        await using var connection = await database.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(sql, cancellationToken: Ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AMailReadAgainAfterACrash_IsAcknowledgedWithItsNumberAndQuestionsOnce(DatabaseProvider provider)
    {
        var crashes = new CrashPoints();
        // Acknowledgements need SMTP configured; mail comes in through the pipe only.
        var settings = TestMailServers.HubSettings("INBOX");
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Channels:Email:Imap:", StringComparison.Ordinal)).ToList()) settings.Remove(key);
        settings["Channels:Email:PipeApiKey"] = PipeKey;
        await using var host = await HubHost.StartAsync(provider, settings, crashes.AddTo);
        using var mta = host.Anonymous();
        var mail = Encoding.UTF8.GetBytes(
            "From: Wang <wang@example.com>\r\nTo: complaints@omniintake.invalid\r\nSubject: =?UTF-8?B?55S15qKv5Z2P5LqG?=\r\n"
            + $"Message-ID: <{Guid.NewGuid():N}@example.test>\r\nDate: Tue, 24 Nov 2026 10:00:00 +0800\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n3号楼电梯坏了三天了，没人来修。\r\n");
        crashes.Arm(CrashPoints.AfterNextIntake);

        Assert.NotEqual(HttpStatusCode.OK, (await mta.SendAsync(Pipe(mail), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mta.SendAsync(Pipe(mail), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mta.SendAsync(Pipe(mail), Ct)).StatusCode);

        Assert.Equal(1, await ScalarAsync(host, "SELECT COUNT(*) FROM cases"));
        Assert.Equal(1, await ScalarAsync(host, "SELECT COUNT(*) FROM outbox WHERE automatic = @yes", new { yes = true }));
        var number = await ScalarTextAsync(host, "SELECT number FROM cases");
        var acknowledgement = await ScalarTextAsync(host, "SELECT body_text FROM messages WHERE direction = 'outbound'");
        Assert.Contains(number!, acknowledgement, StringComparison.Ordinal);
        Assert.Contains("怎么称呼", acknowledgement, StringComparison.Ordinal);
    }

    private const string PipeKey = "pipe-key-for-tests-0123456789";

    private static HttpRequestMessage Pipe(byte[] raw)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/channels/email/inbound") { Content = new ByteArrayContent(raw) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        request.Headers.Add("X-Api-Key", PipeKey);
        return request;
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AChatConfirmationSentAgainAfterACrash_GetsTheCaseNumberOnce_AndOneCase(DatabaseProvider provider)
    {
        var crashes = new CrashPoints();
        await using var host = await HubHost.StartAsync(provider, services: crashes.AddTo);
        await using var chat = host.ChatHub();
        await chat.StartAsync(Ct);
        var session = await chat.InvokeAsync<ChatSession>("Start", "zh-CN", Ct);
        foreach (var (text, i) in new[] { "3号楼电梯坏了三天，我叫王芳", "13800138000", "昨天下午三点", "3号楼", "尽快修好" }.Select((t, i) => (t, i)))
            await chat.InvokeAsync<ChatTurn>("Send", session.Token, $"m{i}", text, Ct);

        // The registration commits the case, then the process dies before the conversation's turn is saved; the widget
        // sends the same message (client id) again after reconnecting.
        crashes.Arm(CrashPoints.AfterIntake("dialog:" + session.ConversationId));
        await Assert.ThrowsAsync<HubException>(() => chat.InvokeAsync<ChatTurn>("Send", session.Token, "confirm", "确认", Ct));
        var retried = await chat.InvokeAsync<ChatTurn>("Send", session.Token, "confirm", "确认", Ct);
        var again = await chat.InvokeAsync<ChatTurn>("Send", session.Token, "confirm", "确认", Ct);

        Assert.Equal(ConversationStatus.Registered, retried.Status);
        var number = Assert.IsType<string>(retried.CaseNumber);
        Assert.Contains(number, Assert.Single(retried.Messages).Text, StringComparison.Ordinal);
        Assert.Equal((retried.Messages.Single().Id, number), (Assert.Single(again.Messages).Id, again.CaseNumber)); // the same answer, not a new one
        Assert.Equal(1, await ScalarAsync(host, "SELECT COUNT(*) FROM cases"));
        Assert.Equal(1, await ScalarAsync(host, "SELECT COUNT(*) FROM conversation_messages WHERE conversation_id = @id AND text LIKE @like",
            new { id = session.ConversationId, like = "%" + number + "%" }));
    }
}
