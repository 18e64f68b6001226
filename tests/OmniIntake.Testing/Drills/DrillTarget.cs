using System.Net;

namespace OmniIntake.Testing.Drills;

/// <summary>The hub under attack: its address, the secrets a legitimate provider would have (to sign hostile content
/// that passes the signature check), and a signed-in agent for the staff API.</summary>
public sealed class DrillTarget(string url, string emailPipeKey) : IDisposable
{
    private readonly CookieContainer _cookies = new();

    public string Url { get; } = url.TrimEnd('/');

    public string EmailPipeKey { get; } = emailPipeKey;

    /// <summary>A case the staff probes act on (notes, replies, merges), registered by the first of them.</summary>
    public long? FirstCaseId { get; set; }

    /// <summary>The customer chat hub, connected on first use and again after the hub closed it.</summary>
    public ChatProbes.Connection Chat { get; } = new(url);

    /// <summary>Anonymous, no cookies, no redirects.</summary>
    public HttpClient Anonymous { get; } = new(new SocketsHttpHandler
        { AllowAutoRedirect = false, UseCookies = false, RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8 })
        { BaseAddress = new Uri(url), Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Signed in as the bootstrap admin (who is also an agent in the role model), same-origin.</summary>
    public HttpClient Staff { get; private set; } = null!;

    public async Task SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        // Header values go out as UTF-8 bytes, as a raw client could send them (HttpClient refuses non-ASCII otherwise).
        Staff = new HttpClient(new SocketsHttpHandler
            {
                AllowAutoRedirect = false, CookieContainer = _cookies, RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8,
            })
            { BaseAddress = new Uri(Url), Timeout = Timeout.InfiniteTimeSpan };
        Staff.DefaultRequestHeaders.Add("Origin", Url);
        using var login = await Staff.PostAsync(new Uri("/api/auth/login", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { username, password }), cancellationToken);
        login.EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        Anonymous.Dispose();
        Staff?.Dispose();
        Chat.Dispose();
    }
}
