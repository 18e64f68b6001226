using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace OmniIntake.Testing.Drills;

/// <summary>Hostile calls on the customer chat hub (/hubs/chat). A deliberate refusal (a HubException on the server)
/// reaches the client as "An unexpected error occurred invoking 'X' on the server. HubException: reason"; anything
/// else the hub method threw arrives without a reason: that is the hub's 500.</summary>
public static class ChatProbes
{
    public static Task<ProbeAnswer> StartAsync(DrillTarget target, string language, CancellationToken ct) =>
        CallAsync(target, hub => hub.InvokeAsync<object>("Start", language, ct));

    public static async Task<ProbeAnswer> SendAsync(DrillTarget target, string? token, string? clientId, string text, CancellationToken ct)
    {
        if (token is null)
        {
            var session = await SessionAsync(target, ct);
            if (session is null) return new ProbeAnswer(429, "no conversation could be started");
            token = session;
        }
        return await CallAsync(target, hub => hub.InvokeAsync<object>("Send", token, clientId ?? Guid.NewGuid().ToString("N"), text, ct));
    }

    public static Task<ProbeAnswer> ResumeAsync(DrillTarget target, string token, CancellationToken ct) =>
        CallAsync(target, hub => hub.InvokeAsync<object>("Resume", token, -1L, ct));

    public static async Task<ProbeAnswer> TranscriptAsync(DrillTarget target, string address, CancellationToken ct)
    {
        var token = await SessionAsync(target, ct);
        if (token is null) return new ProbeAnswer(429, "no conversation could be started");
        return await CallAsync(target, hub => hub.InvokeAsync<object>("EmailTranscript", token, address, ct));
    }

    private sealed record Session(string Token);

    private static async Task<string?> SessionAsync(DrillTarget target, CancellationToken ct)
    {
        try
        {
            var hub = await target.Chat.OpenAsync(ct);
            return (await hub.InvokeAsync<Session>("Start", "zh-CN", ct)).Token;
        }
        catch (Exception ex) when (ex is HubException or InvalidOperationException or IOException or TaskCanceledException or HttpRequestException)
        {
            return null; // refused (a limit) or the connection was closed under it: the probe counts as refused
        }
    }

    private static async Task<ProbeAnswer> CallAsync(DrillTarget target, Func<HubConnection, Task> call)
    {
        try
        {
            await call(await target.Chat.OpenAsync(CancellationToken.None));
            return new ProbeAnswer(200);
        }
        catch (HubException ex) when (!ex.Message.Contains("HubException:", StringComparison.Ordinal)
            && !ex.Message.StartsWith("The server closed the connection", StringComparison.Ordinal))
        {
            return new ProbeAnswer(500, ex.Message);
        }
        catch (HubException ex)
        {
            // A reason given, or the connection closed on a message over the hub's size limit: refused.
            return new ProbeAnswer(400, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or TaskCanceledException or HttpRequestException)
        {
            // The hub closed the connection (e.g. a message over its size limit): a refusal; the next probe reconnects.
            return new ProbeAnswer(499, ex.GetType().Name);
        }
    }

    public sealed class Connection(string url) : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private HubConnection? _hub;

        public async Task<HubConnection> OpenAsync(CancellationToken ct)
        {
            await _gate.WaitAsync(ct);
            try
            {
                if (_hub is { State: HubConnectionState.Connected }) return _hub;
                if (_hub is not null) await _hub.DisposeAsync();
                _hub = new HubConnectionBuilder().WithUrl(url.TrimEnd('/') + "/hubs/chat").Build();
                await _hub.StartAsync(ct);
                return _hub;
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose()
        {
            _hub?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _gate.Dispose();
        }
    }
}
