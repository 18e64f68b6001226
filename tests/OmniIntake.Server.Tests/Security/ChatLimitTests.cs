using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OmniIntake.Channels.WebChat.Hub;

namespace OmniIntake.Server.Tests.Security;

/// <summary>
/// Issue 12 item 12: the chat's allowances hold per client address, however many connections it opens (100 connections
/// once opened 500 conversations in 9 s); the address is taken from X-Forwarded-For only when a configured proxy sends it.
/// </summary>
public sealed class ChatLimitTests
{
    private const string Proxy = "127.0.0.2"; // a known proxy (configured); 127.0.0.1 is a stranger

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConversationsFromOneAddress_AreRefusedBeyondTheAllowance_WhileAnotherAddressBehindAKnownProxyGetsThrough()
    {
        await using var server = await RealServer.StartAsync(new Dictionary<string, string?>
        {
            ["Proxies:KnownProxies:0"] = Proxy,
            ["Channels:WebChat:ConversationsPerAddress"] = "3",
            ["Channels:WebChat:StartsPerMinute"] = "600", // the per-connection limit is not what is tested
            ["Channels:WebChat:ConnectionsPerAddressPerMinute"] = "1000",
        });

        // Each conversation on a fresh connection, each claiming another address: from a stranger the header counts for nothing.
        var direct = new List<string>();
        for (var i = 0; i < 5; i++) direct.Add(await StartAsync(server, "127.0.0.1", $"198.51.100.{i + 1}", "zh-CN"));
        var behindProxy = await StartAsync(server, Proxy, "203.0.113.7", "en");
        var sameClientAgain = new List<string>();
        for (var i = 0; i < 3; i++) sameClientAgain.Add(await StartAsync(server, Proxy, "203.0.113.7", "en"));

        Assert.Equal(new[] { "started", "started", "started" }, direct.Take(3));
        Assert.All(direct.Skip(3), r => Assert.StartsWith("rate-limited: 您所在的网络新建对话过于频繁", r, StringComparison.Ordinal));
        Assert.Equal("started", behindProxy);
        Assert.Equal(new[] { "started", "started" }, sameClientAgain.Take(2));
        Assert.StartsWith("rate-limited: Too many new conversations from your network", sameClientAgain[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewConnectionsFromOneAddress_AreAnswered429WithRetryAfter_InTheCallersLanguage()
    {
        await using var server = await RealServer.StartAsync(new Dictionary<string, string?>
        {
            ["Proxies:KnownProxies:0"] = Proxy,
            ["Channels:WebChat:ConnectionsPerAddressPerMinute"] = "5",
        });
        using var stranger = server.From("127.0.0.1");
        using var proxy = server.From(Proxy);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 8; i++)
        {
            var response = await NegotiateAsync(stranger, $"198.51.100.{i + 1}", "zh-CN,zh;q=0.9");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused ??= response;
        }
        var fromAnotherClient = await NegotiateAsync(proxy, "203.0.113.9", "en");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)), statuses);
        Assert.NotNull(refused!.Headers.RetryAfter?.Delta);
        Assert.Contains("请", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fromAnotherClient.StatusCode);
    }

    private static async Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string forwardedFor, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/chat/negotiate?negotiateVersion=1");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("Accept-Language", language);
        return await client.SendAsync(request, Ct);
    }

    /// <summary>Starts a conversation on a new connection from <paramref name="source"/>; "started" or the refusal's message.</summary>
    private static async Task<string> StartAsync(RealServer server, string source, string forwardedFor, string language)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/chat"), o =>
            {
                o.Transports = HttpTransportType.LongPolling; // every request through the handler that picks the source address
                o.HttpMessageHandlerFactory = _ => RealServer.Handler(source);
                o.Headers["X-Forwarded-For"] = forwardedFor;
            })
            .Build();
        await using (connection)
        {
            await connection.StartAsync(Ct);
            try
            {
                var session = await connection.InvokeAsync<ChatSession>("Start", language, Ct);
                Assert.False(string.IsNullOrEmpty(session.Token));
                return "started";
            }
            catch (HubException e)
            {
                return e.Message.Replace("An unexpected error occurred invoking 'Start' on the server. HubException: ", "", StringComparison.Ordinal);
            }
        }
    }
}
