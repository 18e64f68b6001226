using System.Net;
using System.Text;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Channels;

/// <summary>Issue 12 item 10 and item 13: hostile requests to the Twilio webhooks.</summary>
public sealed class SmsWebhookHostileInputTests
{
    private const string PublicUrl = "https://hub.example.test";
    private const string OurNumber = "+8610010010000";
    private const string InboundPath = "/channels/sms/twilio";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Channels:Sms:AccountSid"] = TwilioStandIn.AccountSid,
        ["Channels:Sms:AuthToken"] = TwilioStandIn.AuthToken,
        ["Channels:Sms:From"] = OurNumber,
        ["Channels:Sms:PublicUrl"] = PublicUrl,
        ["Channels:Sms:ApiBaseUrl"] = "http://127.0.0.1:9", // never called: nothing here is answered by SMS
    };

    public static TheoryData<string, string> MalformedForms => new()
    {
        { "1,100 fields", string.Join('&', Enumerable.Range(0, 1_100).Select(i => $"f{i}=x")) },
        { "a 3 KB key", new string('k', 3_000) + "=x" },
        { "a 5 MB value", "Body=" + new string('v', 5 * 1024 * 1024) },
        { "NUL bytes", "MessageSid=SM%00%00&From=%2B86138%00&To=%00&Body=a%00b&%00=%00" },
        { "a bad escape", "Body=%zz%&From=%E4%B8" },
    };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public async Task UnsignedMalformedForms_Get4xx_Never500_AndLogNoStackTrace(string what, string body)
    {
        var logs = new CapturedLogs();
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings(), s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = host.Anonymous();
        foreach (var path in new[] { InboundPath, InboundPath + "/status" })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"),
            };
            request.Headers.Add("X-Twilio-Signature", "forged-signature-AAAAAAAAAAAAAAAAAAA=");

            var response = await client.SendAsync(request, Ct);

            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.Forbidden,
                $"{what} to {path}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.DoesNotContain(logs.Entries, e => e.Exception is not null || e.Level >= LogLevel.Error);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        Assert.Empty((await supervisor.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!);
    }

    [Fact]
    public async Task ACapturedSignedSms_ReSplitIntoANewMessageSid_IsRefused()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings());
        using var client = host.Anonymous();
        var sid = "SM" + Guid.NewGuid().ToString("N");
        var captured = new Dictionary<string, string>
        {
            ["MessageSid"] = sid, ["SmsSid"] = sid, ["AccountSid"] = TwilioStandIn.AccountSid, ["From"] = "+8613800138000", ["To"] = OurNumber,
            ["Body"] = "电梯坏了", ["NumMedia"] = "0", ["NumSegments"] = "1", ["ApiVersion"] = "2010-04-01", ["SmsStatus"] = "received",
        };
        // Twilio signs the keys and values run together in key order: moving the boundary between MessageSid's value and
        // the keys after it keeps the signature and makes a "new" message id out of the same bytes.
        var resplit = new Dictionary<string, string>(captured) { ["MessageSid"] = sid + "NumMedia0NumSegments1" };
        resplit.Remove("NumMedia");
        resplit.Remove("NumSegments");
        var signature = TwilioSigner.Sign(PublicUrl + InboundPath, captured, TwilioStandIn.AuthToken);
        Assert.Equal(signature, TwilioSigner.Sign(PublicUrl + InboundPath, resplit, TwilioStandIn.AuthToken));

        var first = await client.SendAsync(Signed(captured, signature), Ct);
        var replayed = await client.SendAsync(Signed(resplit, signature), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Contains("MessageSid", await replayed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var agent = await host.ClientAsync(Roles.Agent);
        var only = Assert.Single((await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!);
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{only.Number}", Ct))!;
        Assert.Single(detail.Messages, m => m.Direction == "inbound");
    }

    private static HttpRequestMessage Signed(Dictionary<string, string> form, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, InboundPath) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature);
        return request;
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Category, Exception? Exception)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() { }

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((logLevel, category, exception));
        }
    }
}
