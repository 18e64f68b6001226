namespace OmniIntake.Server.Tests.Security;

/// <summary>
/// Issue 12 item 13: behind a TLS-terminating proxy the session cookie is Secure and HSTS is sent; the scheme is
/// taken from X-Forwarded-Proto of a configured proxy only.
/// </summary>
public sealed class SessionCookieTests
{
    private const string Proxy = "127.0.0.2";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BehindAKnownProxyOnHttps_TheCookieIsSecure_AndHstsIsSent_ButNotOnAStrangersSay()
    {
        await using var server = await RealServer.StartAsync(new Dictionary<string, string?> { ["Proxies:KnownProxies:0"] = Proxy });
        using var proxy = server.From(Proxy);
        using var stranger = server.From("127.0.0.1");

        var viaProxy = await SignInAsync(proxy);
        var viaStranger = await SignInAsync(stranger);

        Assert.Contains("; secure", CookieOf(viaProxy), StringComparison.OrdinalIgnoreCase);
        Assert.True(viaProxy.Headers.Contains("Strict-Transport-Security"), "no HSTS over HTTPS");
        Assert.DoesNotContain("; secure", CookieOf(viaStranger), StringComparison.OrdinalIgnoreCase);
        Assert.False(viaStranger.Headers.Contains("Strict-Transport-Security"), "HSTS on plain HTTP");
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { username = "admin", password = RealServer.AdminPassword }),
        };
        request.Headers.Host = "hub.example.org"; // the public name (HSTS is never sent for localhost)
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.20");
        var response = await client.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        return response;
    }

    private static string CookieOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("omniintake.auth=", StringComparison.Ordinal));
}
