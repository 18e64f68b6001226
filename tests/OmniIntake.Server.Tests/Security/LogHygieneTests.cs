using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OmniIntake.Channels.WebChat.Hub;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Security;

/// <summary>
/// Issue 12 item 13: one anonymous client could write thousands of stack traces into the log, and a phone number was
/// logged at Information. A burst of bad requests against the real server (Production logging) leaves no stack
/// trace and no personal data in its output.
/// </summary>
public sealed partial class LogHygieneTests
{
    private const string PublicUrl = "https://hub.example.test";
    private const string Phone = "13800138077";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [Fact]
    public async Task ABurstOfBadRequests_WritesNoStackTrace_AndNoPhoneAtInformation()
    {
        await using var twilio = new TwilioStandIn();
        await using var server = await RealServer.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Channels:Sms:AccountSid"] = TwilioStandIn.AccountSid,
            ["Channels:Sms:AuthToken"] = TwilioStandIn.AuthToken,
            ["Channels:Sms:From"] = "+8610010010000",
            ["Channels:Sms:PublicUrl"] = PublicUrl,
            ["Channels:Sms:ApiBaseUrl"] = twilio.BaseUrl,
        });
        using var client = server.From();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add(await PostAsync(client, "/api/auth/login", "{}", "application/json; charset=no-such-charset"));
            statuses.Add(await PostAsync(client, "/api/auth/login", "{\"username\":", "application/json"));
            statuses.Add(await PostAsync(client, "/api/auth/login", "{\"username\":\"admin\",\"password\":\"wrong\"}", "application/json"));
            statuses.Add(await PostAsync(client, "/api/cases", "{}", "application/json", origin: "https://evil.example"));
            statuses.Add((await client.GetAsync("/api/cases", Ct)).StatusCode);
            statuses.Add(await PostAsync(client, "/channels/sms/twilio", "From=x", "application/x-www-form-urlencoded"));
        }
        // A chat client guessing conversation tokens.
        var chat = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/chat"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => RealServer.Handler("127.0.0.1");
            })
            .Build();
        await using (chat)
        {
            await chat.StartAsync(Ct);
            for (var i = 0; i < 20; i++)
                await Assert.ThrowsAsync<HubException>(() => chat.InvokeAsync<ChatSession>("Resume", "guessed-token-" + i, 0L, Ct));
        }
        // A customer texts STOP: the opt-out is logged without the number.
        var stop = TwilioWebhook.IncomingSms(Phone, "+8610010010000", "STOP");
        using var webhook = TwilioWebhook.SignedRequest(PublicUrl, stop);
        var stopped = await client.SendAsync(webhook, Ct);
        await Task.Delay(500, Ct); // the process writes its console asynchronously

        Assert.All(statuses, s => Assert.InRange((int)s, 400, 499));
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        var output = server.Output;
        Assert.DoesNotMatch(StackFrame(), output);
        Assert.DoesNotContain(Phone, output, StringComparison.Ordinal);
        Assert.Contains("opted out of SMS", output, StringComparison.Ordinal); // logged, without the number
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string path, string body, string contentType, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (origin is not null) request.Headers.Add("Origin", origin);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
