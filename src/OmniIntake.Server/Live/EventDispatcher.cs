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
/// The short path (issue 17 item 5): a wake-up (a local commit, RedisWake, PostgresWake) starts a pass at once; the
/// events the pass itself positioned are pushed as the sequencer handed them back when they follow on directly from
/// the last pushed position (anything else is read from the log, as before), and the agents get them before the
/// owners' query runs. The wake-up's reason spares round trips: after a commit the positioning does not check first
/// (one round trip on PostgreSQL), after another process's NOTIFY it is skipped (that process positioned them); a
/// poll or a pass after a failure does everything.
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

    /// <summary>A batch the agents were sent whose owners' signals are not sent yet (a failure in between).</summary>
    private IReadOnlyList<CaseEvent> _owedToOwners = [];

    private bool Shared => options.Redis is { Length: > 0 };

    /// <summary>Whether this process is the one pushing events (always, without Redis).</summary>
    public bool Dispatching => !Shared || _leading;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var wake = signal.Subscribe();
        var loop = new ResilientLoop("Live event push", logger, options.RetryDelay, options.MaxRetryDelay);
        // The first pass, and every pass after a failure (a wake-up's reason may have been spent on it), looks at everything.
        var reasons = WakeReasons.Anything;
        await loop.RunAsync(async ct =>
        {
            var passing = reasons;
            reasons = WakeReasons.Anything;
            await PassAsync(passing, ct);
            await wake.WaitAsync(options.PollInterval, ct);
            // A poll (nothing woke it) looks at everything: it is the safety net for a lost wake-up.
            reasons = wake.TakeReasons() is var given && given != WakeReasons.None ? given : WakeReasons.Anything;
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

    private async Task PassAsync(WakeReasons reasons, CancellationToken cancellationToken)
    {
        // Only another process's positions (PostgreSQL NOTIFY): nothing to position, the log is read below. Events
        // just committed: position them without checking for them first (issue 17 item 5: round trips before the push).
        var positioned = reasons == WakeReasons.Positioned
            ? PositionedEvents.None
            : await sequencer.PositionAsync(justCommitted: !reasons.HasFlag(WakeReasons.Anything), cancellationToken);
        // Other processes read them without positioning (RedisWake; PostgreSQL tells them by its own NOTIFY).
        if (positioned.Count > 0) signal.EventsPositioned();
        await PushOwedToOwnersAsync(cancellationToken);
        if (Shared && !await LeadAsync(cancellationToken)) return;
        // Alone, start from the head: clients that connected earlier catch up themselves.
        if (_last < 0) _last = _claimed = await reader.LastPositionAsync(cancellationToken);
        var handedBack = FollowingOn(positioned.Events);
        while (true)
        {
            // After a failed pass this re-reads what was recorded but not pushed yet.
            var events = handedBack ?? await reader.ReadAfterAsync(_last, options.PushBatchSize, cancellationToken);
            var mayBeMore = handedBack is not null || events.Count == options.PushBatchSize;
            handedBack = null;
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
            // The agents first (the console is the short path), the owners' signals owed until sent: a failure retries
            // those on the next pass without sending the agents an event twice (a repeated owners' signal is harmless).
            _owedToOwners = events;
            foreach (var e in events)
            {
                await hub.Clients.Group(AgentHub.Group).Event(e, cancellationToken);
                _last = e.Position;
            }
            await PushOwedToOwnersAsync(cancellationToken);
            // Handed-back events may be followed by others positioned meanwhile: one read after the push finds them.
            if (!mayBeMore) return;
            if (Shared && !await LeadAsync(cancellationToken)) return;
        }
    }

    /// <summary>
    /// The events this pass positioned, when they follow on directly from the last pushed one (at most a batch): the
    /// log between holds nothing else, as positions are dense and given under one lock, so reading them back would only
    /// add a round trip before the push. Anything else (another process positioned some first, a new lease holder's
    /// recorded cursor) is read from the log.
    /// </summary>
    private IReadOnlyList<CaseEvent>? FollowingOn(IReadOnlyList<CaseEvent> positioned) =>
        _last >= 0 && positioned.Count > 0 && positioned[0].Position == _last + 1 ? [.. positioned.Take(options.PushBatchSize)] : null;

    private async Task PushOwedToOwnersAsync(CancellationToken cancellationToken)
    {
        if (_owedToOwners.Count == 0) return;
        await owners.PushAsync(_owedToOwners, cancellationToken);
        _owedToOwners = [];
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

    /// <summary>How often the event log is read without a wake-up: a safety net, as other processes' events wake the
    /// dispatcher at once (RedisWake with Redis, PostgresWake on PostgreSQL without it) and a wake-up can be lost.</summary>
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
