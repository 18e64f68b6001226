using Microsoft.AspNetCore.SignalR;
using OmniIntake.Core.Events;
using OmniIntake.Core.Polling;
using OmniIntake.Core.Resilience;
using OmniIntake.Data.Events;

namespace OmniIntake.Server.Live;

/// <summary>
/// Stamps committed events with their position, then pushes every newly positioned event to the agents. Alone, each
/// process tails the log itself and pushes to its own agents. With Redis (a shared backplane) one process at a time
/// pushes, to everyone: the holder of the "live-dispatch" lease. It pushes in bounded batches and records each batch's
/// end as the lease's cursor BEFORE pushing it (which succeeds only while it holds the lease), renewing the lease
/// between batches; a successor goes on after the recorded position. So a long backlog never outlasts the lease and
/// no hand-over pushes an event twice (issue 12, item 4); a batch a dying pusher recorded but did not finish is a gap
/// that consoles fill with CatchUp (positions are dense). A failure of the database or of Redis is logged and retried
/// with back-off, never the end of the process (issue 12, item 1).
/// </summary>
public sealed class EventDispatcher(
    EventSequencer sequencer,
    ICaseEventReader reader,
    EventLogSignal signal,
    IHubContext<AgentHub, IAgentClient> hub,
    LiveOptions options,
    IPollerStateStore leases,
    ILogger<EventDispatcher> logger,
    OwnerFeed owners) : BackgroundService
{
    public const string LeaseName = "live-dispatch";
    private const string Epoch = "events";
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private volatile bool _leading;
    private DateTimeOffset _renewedAt = DateTimeOffset.MinValue;

    /// <summary>The position of the last event this process pushed (-1: not known yet, read it first).</summary>
    private long _last = -1;

    /// <summary>How far this process recorded it would push, while it holds the lease (at least <see cref="_last"/>).</summary>
    private long _claimed = -1;

    private bool Shared => options.Redis is { Length: > 0 };

    /// <summary>Whether this process is the one pushing events (always, without Redis).</summary>
    public bool Dispatching => !Shared || _leading;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var wake = signal.Subscribe();
        var loop = new ResilientLoop("Live event push", logger, options.RetryDelay, options.MaxRetryDelay);
        await loop.RunAsync(async ct =>
        {
            await PassAsync(ct);
            await wake.WaitAsync(options.PollInterval, ct);
        }, stoppingToken);
        // Hand over at once rather than after the lease runs out.
        if (Shared && _leading)
        {
            try
            {
                await leases.ReleaseAsync(LeaseName, _holder, CancellationToken.None);
            }
            catch (Exception ex) when (TransientFailure.Is(ex))
            {
                logger.LogInformation("The live-dispatch lease was not released ({Error}); it runs out by itself.", TransientFailure.Describe(ex));
            }
        }
    }

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        await sequencer.StampAsync(cancellationToken);
        if (Shared && !await LeadAsync(cancellationToken)) return;
        // Alone, start from the head: clients that connected earlier catch up themselves.
        if (_last < 0) _last = _claimed = await reader.LastPositionAsync(cancellationToken);
        while (true)
        {
            // After a failed pass this re-reads what was recorded but not pushed yet.
            var events = await reader.ReadAfterAsync(_last, options.PushBatchSize, cancellationToken);
            if (events.Count == 0) return;
            var end = events[^1].Position;
            if (Shared && end > _claimed)
            {
                if (!await leases.AdvanceAsync(LeaseName, _holder, new PollerCursor(Epoch, end), events.Count(e => e.Position > _claimed), cancellationToken))
                {
                    // Another process took over; it goes on after the recorded position.
                    logger.LogInformation("This process no longer pushes live events (the lease was taken over at position {Position}).", _last);
                    Resign();
                    return;
                }
                _claimed = end;
            }
            // The owners first: a failure here retries the batch before any agent saw it (a repeated signal is harmless).
            await owners.PushAsync(events, cancellationToken);
            foreach (var e in events)
            {
                await hub.Clients.Group(AgentHub.Group).Event(e, cancellationToken);
                _last = e.Position;
            }
            if (events.Count < options.PushBatchSize) return;
            if (Shared && !await LeadAsync(cancellationToken)) return;
        }
    }

    private void Resign() => (_leading, _last, _claimed) = (false, -1, -1);

    /// <summary>
    /// Takes or renews the lease, renewing a held one only every third of its length (not on every batch). A process
    /// that takes it, or whose hold lapsed (it could not renew in time, and another may have pushed meanwhile), goes on
    /// after the recorded position; the first one ever records the head at once, so a successor never starts later.
    /// </summary>
    private async Task<bool> LeadAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        if (_leading && now - _renewedAt < options.LeaderLease / 3) return true;
        var held = _leading && now - _renewedAt < options.LeaderLease;
        if (!await leases.TryLeaseAsync(LeaseName, _holder, options.LeaderLease, cancellationToken))
        {
            Resign();
            return false;
        }
        (_leading, _renewedAt) = (true, now);
        if (held) return true;
        if ((await leases.CursorAsync(LeaseName, cancellationToken))?.Position is { } recorded)
        {
            // Its own record (its hold lapsed, nobody else pushed): what it recorded but did not push yet is still to push.
            if (!(recorded == _claimed && _last >= 0)) _last = recorded;
            _claimed = recorded;
        }
        else
        {
            _last = _claimed = await reader.LastPositionAsync(cancellationToken);
            if (!await leases.AdvanceAsync(LeaseName, _holder, new PollerCursor(Epoch, _claimed), 0, cancellationToken))
            {
                Resign();
                return false;
            }
        }
        logger.LogInformation("This process now pushes live events (from position {Position}).", _last);
        return true;
    }
}

/// <summary>Bound from configuration section "Live".</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>How often the event log is read for events other processes committed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The first wait after a failure (the database or Redis away); doubled on each failure in a row up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many events are pushed before the position is recorded (and the lease renewed when due).</summary>
    public int PushBatchSize { get; set; } = 100;

    /// <summary>A Redis connection string ("host:port"): two or more server processes share SignalR through it, and
    /// one of them at a time (the holder of the "live-dispatch" lease) pushes the events.</summary>
    public string? Redis { get; set; }

    /// <summary>Prefixes the Redis channels, so several hubs (or test runs) can share one Redis.</summary>
    public string RedisChannelPrefix { get; set; } = "omniintake";

    /// <summary>How long the dispatching process's lease lasts without renewal: the longest pause in live push when it dies.</summary>
    public TimeSpan LeaderLease { get; set; } = TimeSpan.FromSeconds(10);
}
