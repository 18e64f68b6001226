using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests;

/// <summary>
/// The real server (Program) on a database of its own, in process, with one signed-in user per role.
/// Dispose it and start another on the same <see cref="TestDatabase"/> to test a restart.
/// </summary>
public sealed class HubHost : IAsyncDisposable
{
    public const string AdminPassword = "admin-password-for-tests";
    public const string UserPassword = "user-password-for-tests";

    private readonly Factory _factory;
    private readonly bool _ownsDatabase;
    private readonly Dictionary<string, string> _cookies = new();

    private HubHost(TestDatabase database, bool ownsDatabase, IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? services)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        var all = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.Options.ConnectionString,
            ["Accounts:BootstrapAdminUsername"] = "admin",
            ["Accounts:BootstrapAdminPassword"] = AdminPassword,
            ["Live:PollInterval"] = "00:00:00.100",
            // The minutely follow-up would add messages to the resolved cases of unrelated tests; FollowUpTests run it by hand.
            ["FollowUp:Enabled"] = "false",
            // Likewise the minutely class sweep, which would raise the similar complaints other tests register; ClassesTests run it by hand.
            ["Classes:Enabled"] = "false",
        };
        foreach (var (key, value) in settings) all[key] = value;
        _factory = new Factory(all, services);
    }

    public TestDatabase Database { get; }

    public IServiceProvider Services => _factory.Services;

    public static async Task<HubHost> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null) =>
        await StartAsync(await TestDatabase.CreateAsync(provider), ownsDatabase: true, settings, services);

    public static async Task<HubHost> StartAsync(TestDatabase database, bool ownsDatabase, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var host = new HubHost(database, ownsDatabase, settings ?? new Dictionary<string, string?>(), services);
        _ = host._factory.Server; // starts the host: migrations, bootstrap admin, hosted services
        await host.EnsureRoleUsersAsync();
        return host;
    }

    public HttpClient Anonymous() => _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    /// <summary>A client signed in as a user holding only <paramref name="role"/> ("admin" is the bootstrap admin).</summary>
    public async Task<HttpClient> ClientAsync(string role)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("Cookie", await CookieAsync(role));
        return client;
    }

    public async Task<string> CookieAsync(string role)
    {
        if (_cookies.TryGetValue(role, out var cookie)) return cookie;
        var (user, password) = role == Roles.Admin ? ("admin", AdminPassword) : ($"only-{role}", UserPassword);
        cookie = await SignInCookieAsync(user, password);
        _cookies[role] = cookie;
        return cookie;
    }

    /// <summary>A client signed in as any user (e.g. an owner created by a test).</summary>
    public async Task<HttpClient> ClientForUserAsync(string username, string password = UserPassword)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("Cookie", await SignInCookieAsync(username, password));
        return client;
    }

    private async Task<string> SignInCookieAsync(string username, string password)
    {
        using var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password });
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("omniintake.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    public async Task<HubConnection> AgentHubAsync(string role = Roles.Agent)
    {
        var cookie = await CookieAsync(role);
        return new HubConnectionBuilder()
            .WithUrl(new Uri(_factory.Server.BaseAddress, "/hubs/agents"), o =>
            {
                o.HttpMessageHandlerFactory = _ => _factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
    }

    /// <summary>An agents' hub connection signed in as any user (issue 15: assignment and who is looking, per person).</summary>
    public async Task<HubConnection> AgentHubForUserAsync(string username, string password = UserPassword)
    {
        var cookie = await SignInCookieAsync(username, password);
        return new HubConnectionBuilder()
            .WithUrl(new Uri(_factory.Server.BaseAddress, "/hubs/agents"), o =>
            {
                o.HttpMessageHandlerFactory = _ => _factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
    }

    /// <summary>A connection to any staff hub (<paramref name="path"/>) signed in as <paramref name="username"/>.</summary>
    public async Task<HubConnection> HubForUserAsync(string path, string username, string password = UserPassword)
    {
        var cookie = await SignInCookieAsync(username, password);
        return new HubConnectionBuilder()
            .WithUrl(new Uri(_factory.Server.BaseAddress, path), o =>
            {
                o.HttpMessageHandlerFactory = _ => _factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
    }

    /// <summary>A customer's connection to the web chat hub (no account, no cookie).</summary>
    public HubConnection ChatHub() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(_factory.Server.BaseAddress, "/hubs/chat"), o =>
            {
                o.HttpMessageHandlerFactory = _ => _factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();

    private async Task EnsureRoleUsersAsync()
    {
        using var admin = await ClientAsync(Roles.Admin);
        foreach (var role in Roles.All.Where(r => r != Roles.Admin))
        {
            var response = await admin.PostAsJsonAsync("/api/users", new { username = $"only-{role}", password = UserPassword, roles = new[] { role } });
            if (response.StatusCode != System.Net.HttpStatusCode.Conflict) response.EnsureSuccessStatusCode();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        if (_ownsDatabase) await Database.DisposeAsync();
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            // Warnings and errors only: a hundred hosts' start-up chatter would bury the one failure in the CI log.
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            if (services is not null) builder.ConfigureServices(services);
        }
    }
}
