using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using OmniIntake.Channels.WebChat.Hub;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Resilience;

/// <summary>
/// The PostgreSQL goes away under a running hub (issue 12, item 5): requests are refused 503 with Retry-After, as
/// ProblemDetails (Twilio and MTAs retry on that), never 500; a chat message is refused with a message saying to try
/// again; once it is back the same requests work.
/// </summary>
public sealed class DatabaseOutageTests
{
    private const string PublicUrl = "https://hub.example.test";
    private const string OurNumber = "+8610010010000";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Sms(string body)
    {
        var form = TwilioWebhook.IncomingSms("+8613800138000", OurNumber, body);
        var request = TwilioWebhook.SignedRequest(PublicUrl, form);
        return request;
    }

    private static HttpRequestMessage Register(string text)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = JsonContent.Create(new { channel = "phone", text, phone = "13800138001", complainantName = "王先生" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return request;
    }

    [Fact]
    public async Task WhileThePostgresIsUnreachable_SmsAndApiAre503WithRetryAfter_ChatSaysTryAgain_AndAllWorkAgainOnceItIsBack()
    {
        await using var twilio = new TwilioStandIn();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var direct = new NpgsqlConnectionStringBuilder(database.Options.ConnectionString);
        await using var relay = new TcpRelay(direct.Host!, direct.Port);
        relay.Start();
        var settings = new Dictionary<string, string?>
        {
            // The hub reaches its database only through the relay, which the test cuts.
            ["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Port = relay.Port, Timeout = 5 }.ConnectionString,
            ["Channels:Sms:AccountSid"] = TwilioStandIn.AccountSid, ["Channels:Sms:AuthToken"] = TwilioStandIn.AuthToken,
            ["Channels:Sms:From"] = OurNumber, ["Channels:Sms:PublicUrl"] = PublicUrl, ["Channels:Sms:ApiBaseUrl"] = twilio.BaseUrl,
        };
        await using var host = await HubHost.StartAsync(database, ownsDatabase: false, settings);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var twilioClient = host.Anonymous();
        (await agent.SendAsync(Register("停电之前"), Ct)).EnsureSuccessStatusCode();
        await using var chat = host.ChatHub();
        await chat.StartAsync(Ct);
        var session = await chat.InvokeAsync<ChatSession>("Start", "zh-CN", Ct);

        await relay.CutAsync();
        foreach (var (what, response) in new[]
                 {
                     ("the SMS webhook", await twilioClient.SendAsync(Sms("停水了"), Ct)),
                     ("POST /api/cases", await agent.SendAsync(Register("数据库不在"), Ct)),
                     ("GET /api/cases", await agent.GetAsync(new Uri("/api/cases", UriKind.Relative), Ct)),
                 })
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what}: {(int)response.StatusCode} {body}");
            Assert.True(response.Headers.RetryAfter?.Delta is { } delay && delay > TimeSpan.Zero, $"{what}: no Retry-After");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
            Assert.DoesNotContain("Host=", body, StringComparison.OrdinalIgnoreCase); // no connection details to the caller
        }
        var refused = await Assert.ThrowsAsync<HubException>(() => chat.InvokeAsync<ChatTurn>("Send", session.Token, "c1", "数据库不在", Ct));
        Assert.Contains("try again", refused.Message, StringComparison.Ordinal);

        relay.Start();
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(30), async () =>
            (await twilioClient.SendAsync(Sms("恢复之后"), Ct)).StatusCode == HttpStatusCode.OK ? "ok" : null, "the SMS webhook after the outage");
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(30), async () =>
            (await agent.SendAsync(Register("恢复之后"), Ct)).IsSuccessStatusCode ? "ok" : null, "POST /api/cases after the outage");
        var turn = await chat.InvokeAsync<ChatTurn>("Send", session.Token, "c2", "恢复之后", Ct);
        Assert.NotEmpty(turn.Messages);
    }
}
