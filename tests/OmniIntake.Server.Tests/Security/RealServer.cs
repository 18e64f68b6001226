using System.Net;
using System.Net.Sockets;
using OmniIntake.Data;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Security;

/// <summary>
/// The hub as a real process on 127.0.0.1 (a real Kestrel: real client addresses, real WebSocket upgrades), on a
/// SQLite database of its own, with the bootstrap admin. <see cref="From"/> gives an HTTP client whose connections
/// come from another loopback address (127.0.0.2, say), so a test can play a known proxy and a stranger on one box.
/// </summary>
public sealed class RealServer : IAsyncDisposable
{
    public const string AdminPassword = "admin-password-for-tests";

    private readonly ServerProcess _process;
    private readonly TestDatabase _database;

    private RealServer(ServerProcess process, TestDatabase database, string url)
    {
        _process = process;
        _database = database;
        Url = url;
    }

    public string Url { get; }

    public Uri BaseAddress => new(Url);

    public string Output => _process.Output;

    public static async Task<RealServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var all = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = database.Options.ConnectionString,
            ["Accounts:BootstrapAdminUsername"] = "admin",
            ["Accounts:BootstrapAdminPassword"] = AdminPassword,
            ["FollowUp:Enabled"] = "false",
            ["Classes:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var url = ServerProcess.FreeUrl();
        var process = ServerProcess.Start(all, url);
        var server = new RealServer(process, database, url);
        try
        {
            await process.WaitReadyAsync(url, TimeSpan.FromSeconds(90));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>A client connecting from <paramref name="source"/> (any 127.x.y.z address: all are this machine's loopback).</summary>
    public HttpClient From(string source = "127.0.0.1") => new(Handler(source)) { BaseAddress = BaseAddress };

    /// <summary>The handler behind <see cref="From"/> (for a SignalR client's HttpMessageHandlerFactory).</summary>
    public static SocketsHttpHandler Handler(string source)
    {
        var local = IPAddress.Parse(source);
        return new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }

    /// <summary>Signs the admin in and returns the "name=value" of the session cookie.</summary>
    public async Task<string> AdminCookieAsync(CancellationToken ct)
    {
        using var client = From();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = AdminPassword }, ct);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("omniintake.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    public async ValueTask DisposeAsync()
    {
        _process.Dispose();
        await _database.DisposeAsync();
    }
}
