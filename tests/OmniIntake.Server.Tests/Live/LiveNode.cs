using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OmniIntake.Core.Events;
using OmniIntake.Server.Cases;
using OmniIntake.Server.Channels;
using OmniIntake.Server.Live;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Live;

/// <summary>
/// One hub as its own operating-system process (a background loop that stops the host ends it for real), with the
/// bootstrap admin signed in over HTTP and an agent console (a SignalR client on WebSockets) recording every event pushed.
/// </summary>
internal sealed class LiveNode : IAsyncDisposable
{
    private const string Password = "admin-password-for-live-tests";

    private LiveNode(ServerProcess process, string url, HttpClient http, HubConnection console) =>
        (Process, Url, Http, Console) = (process, url, http, console);

    public ServerProcess Process { get; }
    public string Url { get; }

    /// <summary>Signed in as the admin (an agent, a supervisor too).</summary>
    public HttpClient Http { get; }

    public HubConnection Console { get; }

    /// <summary>Every event the console received, in arrival order, duplicates kept.</summary>
    public ConcurrentQueue<CaseEvent> Seen { get; } = new();

    /// <summary>Events the console fetched with CatchUp after it saw a gap in the positions, as the real console does
    /// (console.js): a push lost on the way (Redis pub/sub drops what a node publishes while another is resubscribing).</summary>
    public ConcurrentQueue<CaseEvent> CaughtUp { get; } = new();

    private long _lastPosition = -1;
    private readonly SemaphoreSlim _catchingUp = new(1, 1);

    /// <summary>How often the console lost its connection (pushes meanwhile are missed: a real console catches up).</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    private int _reconnects;

    public static async Task<LiveNode> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken ct)
    {
        var url = ServerProcess.FreeUrl();
        var all = new Dictionary<string, string?>(settings)
        {
            ["Accounts:BootstrapAdminUsername"] = "admin", ["Accounts:BootstrapAdminPassword"] = Password,
            // Only what this test does makes events: no minutely jobs raising others.
            ["FollowUp:Enabled"] = "false", ["Classes:Enabled"] = "false",
        };
        var process = ServerProcess.Start(all, url);
        await process.WaitReadyAsync(url, TimeSpan.FromSeconds(120));
        var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = Password }, ct);
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("omniintake.auth=", StringComparison.Ordinal)).Split(';')[0];
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        var console = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(url), AgentHub.Path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = cookie;
            })
            .WithAutomaticReconnect(new Forever())
            .Build();
        var node = new LiveNode(process, url, http, console);
        console.On<CaseEvent>(AgentHub.EventMethod, e =>
        {
            node.Seen.Enqueue(e);
            _ = node.CatchUpOnGapAsync(e);
        });
        console.Reconnecting += _ =>
        {
            Interlocked.Increment(ref node._reconnects);
            return Task.CompletedTask;
        };
        await console.StartAsync(ct);
        return node;
    }

    /// <summary>Registers a phone complaint (a new case, a "case.opened" event); null when the hub refused it.</summary>
    public async Task<string?> TryRegisterAsync(string text, string phone, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = JsonContent.Create(new { channel = "phone", text, phone, complainantName = "王先生" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await Http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) return null;
            return (await response.Content.ReadFromJsonAsync<RegisteredCase>(ct))?.Number;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return null; // the client's timeout
        }
    }

    public bool Saw(string caseNumber) => Seen.Any(e => e.CaseNumber == caseNumber && e.Kind == CaseEventKinds.CaseOpened);

    /// <summary>Whether the console has the case, pushed or fetched after a gap (what an agent would see).</summary>
    public bool Has(string caseNumber) => Saw(caseNumber) || CaughtUp.Any(e => e.CaseNumber == caseNumber && e.Kind == CaseEventKinds.CaseOpened);

    private async Task CatchUpOnGapAsync(CaseEvent e)
    {
        await _catchingUp.WaitAsync();
        try
        {
            var last = Interlocked.Read(ref _lastPosition);
            if (last >= 0 && e.Position > last + 1)
            {
                var page = await Console.InvokeAsync<CatchUpPage>("CatchUp", last);
                foreach (var missed in page.Events.Where(m => m.Position < e.Position)) CaughtUp.Enqueue(missed);
            }
            if (e.Position > last) Interlocked.Exchange(ref _lastPosition, e.Position);
        }
        catch (Exception ex) when (ex is HubException or InvalidOperationException or TaskCanceledException)
        {
            // The connection is going; the next event after the reconnect shows the gap again.
        }
        finally
        {
            _catchingUp.Release();
        }
    }

    /// <summary>The newest position in the event log.</summary>
    public async Task<long> HeadAsync(CancellationToken ct) =>
        (await Http.GetFromJsonAsync<EventPage>("/api/events?after=0&limit=1", ct))!.Head;

    /// <summary>How far the live pusher recorded it got ("live-dispatch" lease's cursor), -1 before it recorded anything.</summary>
    public async Task<long> PushCursorAsync(CancellationToken ct)
    {
        var pollers = await Http.GetFromJsonAsync<List<PollerView>>("/api/channels/pollers", ct);
        var cursor = pollers!.SingleOrDefault(p => p.Name == EventDispatcher.LeaseName)?.Cursor;
        return cursor is null ? -1 : long.Parse(cursor[(cursor.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await Console.DisposeAsync();
        _catchingUp.Dispose();
        Http.Dispose();
        Process.Dispose();
    }

    private sealed class Forever : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => TimeSpan.FromMilliseconds(500);
    }
}
