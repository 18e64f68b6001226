using Microsoft.Playwright;
using OmniIntake.Testing;

namespace OmniIntake.E2E;

/// <summary>
/// The hub as its own process for a browser test: on a fresh SQLite file unless the settings name a database, with
/// the bootstrap admin; and signing a page in as that admin.
/// </summary>
public sealed class HubUnderTest : IDisposable
{
    public const string AdminPassword = "admin-password-for-e2e";

    /// <summary>The organisation's SMS number in the browser tests.</summary>
    public const string OurNumber = "+8610010010000";

    private readonly ServerProcess _server;
    private readonly string? _sqliteFile;

    private HubUnderTest(ServerProcess server, string url, string? sqliteFile) => (_server, Url, _sqliteFile) = (server, url, sqliteFile);

    public string Url { get; }

    /// <summary>What the server process printed, for a failure's message.</summary>
    public string Output => _server.Output;

    public static async Task<HubUnderTest> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string? url = null)
    {
        url ??= ServerProcess.FreeUrl();
        var all = new Dictionary<string, string?>
        {
            ["Accounts:BootstrapAdminUsername"] = "admin", ["Accounts:BootstrapAdminPassword"] = AdminPassword, ["Outbox:PollInterval"] = "00:00:00.200",
        };
        string? file = null;
        if (settings?.ContainsKey("Database:Provider") != true)
        {
            file = Path.Combine(Path.GetTempPath(), $"omniintake-e2e-{Guid.NewGuid():N}.db");
            all["Database:Provider"] = "Sqlite";
            all["Database:ConnectionString"] = $"Data Source={file}";
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var server = ServerProcess.Start(all, url);
        await server.WaitReadyAsync(url, TimeSpan.FromSeconds(60));
        return new HubUnderTest(server, url, file);
    }

    /// <summary>The SMS channel on the Twilio stand-in; <paramref name="url"/> is the hub's own address (webhook signatures).</summary>
    public static Dictionary<string, string?> SmsSettings(TwilioStandIn twilio, string url) => new()
    {
        ["Channels:Sms:AccountSid"] = TwilioStandIn.AccountSid, ["Channels:Sms:AuthToken"] = TwilioStandIn.AuthToken,
        ["Channels:Sms:From"] = OurNumber, ["Channels:Sms:PublicUrl"] = url, ["Channels:Sms:ApiBaseUrl"] = twilio.BaseUrl,
    };

    /// <summary>Twilio's incoming-message webhook, signed as Twilio signs it, from <paramref name="from"/> to our number.</summary>
    public async Task SendSmsAsync(string from, string body, CancellationToken cancellationToken)
    {
        var form = TwilioWebhook.IncomingSms(from, OurNumber, body);
        using var webhook = TwilioWebhook.SignedRequest(Url, form, requestUri: Url + TwilioWebhook.Path);
        using var client = new HttpClient();
        (await client.SendAsync(webhook, cancellationToken)).EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Signs the page in as the admin through the old sign-in page; it lands in the workspace (the admin's area,
    /// issue 14), then opens the console these tests drive.
    /// </summary>
    public async Task SignInAsync(IPage page)
    {
        await page.GotoAsync(Url + "/login.html");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/app/admin$"));
        await page.GotoAsync(Url + "/console.html");
    }

    public void Dispose()
    {
        _server.Kill();
        _server.Dispose();
        if (_sqliteFile is null) return;
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_sqliteFile + suffix);
    }
}
