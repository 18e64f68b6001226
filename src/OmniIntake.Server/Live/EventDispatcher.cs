using Microsoft.AspNetCore.SignalR;
using OmniIntake.Core.Events;
using OmniIntake.Core.Polling;
using OmniIntake.Data.Events;

namespace OmniIntake.Server.Live;

/// <summary>
/// Stamps committed events with their position, then pushes every newly positioned event to the agents. Alone, each
/// process tails the log itself and pushes to its own agents. With Redis (a shared backplane) one process at a time
/// pushes, to everyone: the holder of the "live-dispatch" lease, which records how far it got, so a successor goes on
/// from there (an event is never skipped; one may be pushed twice at a hand-over, and clients drop what they have).
/// </summary>
public sealed class EventDispatcher(
    EventSequencer sequencer,
    ICaseEventReader reader,
    EventLogSignal signal,
    IHubContext<AgentHub> hub,
    LiveOptions options,
    IPollerStateStore leases,
    ILogger<EventDispatcher> logger) : BackgroundService
{
    public const string LeaseName = "live-dispatch";
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private bool _leading;
    private DateTimeOffset _renewedAt = DateTimeOffset.MinValue;

    private bool Shared => options.Redis is { Length: > 0 };

    /// <summary>Whether this process is the one pushing events (always, without Redis).</summary>
    public bool Dispatching => !Shared || _leading;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var wake = signal.Subscribe();
        long last = -1;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sequencer.StampAsync(stoppingToken);
                if (Shared)
                {
                    var was = _leading;
                    await RenewAsync(stoppingToken);
                    if (!_leading)
                    {
                        last = -1;
                        await wake.WaitAsync(options.PollInterval, stoppingToken);
                        continue;
                    }
                    if (!was)
                    {
                        last = (await leases.CursorAsync(LeaseName, stoppingToken))?.Position ?? await reader.LastPositionAsync(stoppingToken);
                        logger.LogInformation("This process now pushes live events (from position {Position}).", last);
                    }
                }
                // Start from the head: clients that connected earlier catch up themselves.
                else if (last < 0) last = await reader.LastPositionAsync(stoppingToken);
                var pushed = 0;
                while (true)
                {
                    var events = await reader.ReadAfterAsync(last, 500, stoppingToken);
                    foreach (var e in events)
                    {
                        await hub.Clients.Group(AgentHub.Group).SendAsync(AgentHub.EventMethod, e, stoppingToken);
                        last = e.Position;
                        pushed++;
                    }
                    if (events.Count < 500) break;
                }
                if (Shared && pushed > 0 && !await leases.AdvanceAsync(LeaseName, _holder, new PollerCursor("events", last), pushed, stoppingToken))
                    _leading = false; // another process took over; it goes on from the recorded position
                await wake.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(ex, "Event dispatch failed; retrying in {Delay}.", options.RetryDelay);
                await Task.Delay(options.RetryDelay, stoppingToken);
            }
        }
        // Hand over at once rather than after the lease runs out.
        if (Shared && _leading) await leases.ReleaseAsync(LeaseName, _holder, CancellationToken.None);
    }

    /// <summary>Takes or renews the lease, renewing a held one only every third of its length (not on every poll).</summary>
    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        if (_leading && now - _renewedAt < options.LeaderLease / 3) return;
        _leading = await leases.TryLeaseAsync(LeaseName, _holder, options.LeaderLease, cancellationToken);
        if (_leading) _renewedAt = now;
    }
}

/// <summary>Bound from configuration section "Live".</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>How often the event log is read for events other processes committed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A Redis connection string ("host:port"): two or more server processes share SignalR through it, and
    /// one of them at a time (the holder of the "live-dispatch" lease) pushes the events.</summary>
    public string? Redis { get; set; }

    /// <summary>Prefixes the Redis channels, so several hubs (or test runs) can share one Redis.</summary>
    public string RedisChannelPrefix { get; set; } = "omniintake";

    /// <summary>How long the dispatching process's lease lasts without renewal: the longest pause in live push when it dies.</summary>
    public TimeSpan LeaderLease { get; set; } = TimeSpan.FromSeconds(10);
}
