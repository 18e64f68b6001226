using System.Net;
using System.Net.Sockets;

namespace OmniIntake.Testing;

/// <summary>
/// A port that relays to a real server once started: before that nothing listens there, so a client sees the server
/// as down, and then sees it come back (the same port, the real server behind it). <see cref="CutAsync"/> takes it
/// down again, dropping every relayed connection (an outage in the middle of the work).
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private CancellationTokenSource? _period;
    private TcpListener? _listener;
    private Task? _accepting;

    public TcpRelay(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        Port = FreePort.Next();
    }

    public int Port { get; }

    public void Start()
    {
        // One listening period: cutting it ends the connections relayed during it too.
        _period = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _accepting = AcceptAsync(_listener, _period.Token);
    }

    /// <summary>Stops listening and drops every relayed connection: the server looks gone until <see cref="Start"/> again.</summary>
    public async Task CutAsync()
    {
        if (_period is null) return;
        await _period.CancelAsync();
        _listener?.Stop();
        if (_accepting is not null) await _accepting;
        _period.Dispose();
        (_period, _listener, _accepting) = (null, null, null);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(inbound, ct);
        }
    }

    private async Task RelayAsync(TcpClient inbound, CancellationToken ct)
    {
        using (inbound)
        using (var outbound = new TcpClient())
        {
            try
            {
                await outbound.ConnectAsync(_targetHost, _targetPort, ct);
                var a = inbound.GetStream().CopyToAsync(outbound.GetStream(), ct);
                var b = outbound.GetStream().CopyToAsync(inbound.GetStream(), ct);
                await Task.WhenAny(a, b);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A relayed connection ending is the client's business.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CutAsync();
        await _stop.CancelAsync();
        _stop.Dispose();
    }
}
