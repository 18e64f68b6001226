using System.Diagnostics;

namespace OmniIntake.Server.Tests.Live;

/// <summary>
/// Registers complaints at a steady rate, round robin over the nodes, until cancelled; a registration never waits for
/// the one before it (at most <see cref="InFlight"/> at once), so a slow hub shows as a lower achieved rate.
/// </summary>
internal sealed class SteadyLoad
{
    private const int InFlight = 64;
    private readonly List<string> _registered = [];
    private int _refused;

    public IReadOnlyList<string> Registered
    {
        get
        {
            lock (_registered) return [.. _registered];
        }
    }

    public int Refused => Volatile.Read(ref _refused);

    public TimeSpan Elapsed { get; private set; }

    public async Task RunAsync(IReadOnlyList<LiveNode> nodes, int perSecond, CancellationToken stop)
    {
        using var gate = new SemaphoreSlim(InFlight);
        var running = new List<Task>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var due = (int)(clock.Elapsed.TotalSeconds * perSecond);
                for (; sent < due && !stop.IsCancellationRequested; sent++)
                {
                    await gate.WaitAsync(stop);
                    var node = nodes[sent % nodes.Count];
                    var i = sent;
                    running.Add(Task.Run(async () =>
                    {
                        try
                        {
                            var number = await node.TryRegisterAsync($"负载 {i}", $"139{i:D8}", CancellationToken.None);
                            if (number is null) Interlocked.Increment(ref _refused);
                            else lock (_registered) _registered.Add(number);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }, CancellationToken.None));
                }
                await Task.Delay(10, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the end of the load
        }
        await Task.WhenAll(running);
        Elapsed = clock.Elapsed;
    }
}
