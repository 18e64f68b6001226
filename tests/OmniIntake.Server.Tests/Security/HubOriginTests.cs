using System.Net;
using System.Net.WebSockets;
using System.Text;

namespace OmniIntake.Server.Tests.Security;

/// <summary>
/// Issue 12 item 11: a page on another site cannot open the agents' live feed with a signed-in agent's cookie (the
/// WebSocket upgrade is a GET, which the write-only CSRF check let through), nor negotiate, nor reach /jobs; the
/// customer chat answers the hub's own pages and the sites configured for the widget.
/// </summary>
public sealed class HubOriginTests
{
    private const string Foreign = "https://evil.example";
    private const string WidgetSite = "https://shop.example";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StaffHubsAndJobs_RefuseAForeignOrigin_AndAnswerTheirOwn()
    {
        await using var server = await RealServer.StartAsync();
        var cookie = await server.AdminCookieAsync(Ct);

        var foreignSocket = await OpenSocketAsync(server, "/hubs/agents", Foreign, cookie);
        var ownSocket = await OpenSocketAsync(server, "/hubs/agents", server.Url, cookie);
        Assert.Equal(HttpStatusCode.Forbidden, foreignSocket);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, ownSocket);

        using var client = server.From();
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(client, HttpMethod.Post, "/hubs/agents/negotiate?negotiateVersion=1", Foreign, cookie));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(client, HttpMethod.Get, "/hubs/agents/negotiate?negotiateVersion=1", Foreign, cookie));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Post, "/hubs/agents/negotiate?negotiateVersion=1", server.Url, cookie));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(client, HttpMethod.Get, "/jobs", Foreign, cookie));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Get, "/jobs", null, cookie)); // a link or typed address
    }

    [Fact]
    public async Task TheChatHub_AnswersItsOwnPagesAndTheWidgetsSites_Only()
    {
        await using var server = await RealServer.StartAsync(new Dictionary<string, string?> { ["Channels:WebChat:AllowedOrigins:0"] = WidgetSite });

        Assert.Equal(HttpStatusCode.Forbidden, await OpenSocketAsync(server, "/hubs/chat", Foreign, null));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await OpenSocketAsync(server, "/hubs/chat", WidgetSite, null));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await OpenSocketAsync(server, "/hubs/chat", server.Url, null));
        using var client = server.From();
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(client, HttpMethod.Post, "/hubs/chat/negotiate?negotiateVersion=1", Foreign, null));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Post, "/hubs/chat/negotiate?negotiateVersion=1", WidgetSite, null));
    }

    /// <summary>A raw WebSocket to the hub (no negotiation), as a page's <c>new WebSocket(url)</c>; the handshake status.</summary>
    private static async Task<HttpStatusCode> OpenSocketAsync(RealServer server, string path, string origin, string? cookie)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", origin);
        if (cookie is not null) socket.Options.SetRequestHeader("Cookie", cookie);
        var uri = new UriBuilder(server.BaseAddress) { Scheme = "ws", Path = path }.Uri;
        try
        {
            await socket.ConnectAsync(uri, Ct);
        }
        catch (WebSocketException)
        {
            return socket.HttpStatusCode;
        }
        // Connected: the SignalR handshake must succeed too, so the socket really reaches the hub.
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, Ct);
        var buffer = new byte[1024];
        var received = await socket.ReceiveAsync(buffer, Ct);
        Assert.StartsWith("{}", Encoding.UTF8.GetString(buffer, 0, received.Count), StringComparison.Ordinal);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Ct);
        return socket.HttpStatusCode;
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string path, string? origin, string? cookie)
    {
        using var request = new HttpRequestMessage(method, path);
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
