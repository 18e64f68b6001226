using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Policy;
using OmniIntake.Core.Resilience;
using OmniIntake.Data.Calendar;

namespace OmniIntake.Server.Policy;

/// <summary>
/// The business calendar in force: configuration, the shipped holidays, and the admin's days from the database.
/// Replaced as a whole when the admin's days change, here or in another server process.
/// </summary>
public sealed class CalendarHolder(CalendarOptions options, TimeZoneInfo zone, CalendarStore store)
{
    private volatile BusinessCalendar _current = options.Build(zone, new Dictionary<DateOnly, bool>());

    public BusinessCalendar Current => _current;

    public string Version { get; private set; } = "";

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        var version = await store.VersionAsync(cancellationToken);
        _current = options.Build(zone, await store.OverridesAsync(cancellationToken));
        Version = version;
    }
}

/// <summary>The default policy on whatever calendar is in force when it is asked.</summary>
public sealed class CurrentCalendarPolicy(CalendarHolder holder, DefaultPolicyOptions options) : IDeadlinePolicy
{
    private volatile Cached? _cached;

    private DefaultDeadlinePolicy Policy
    {
        get
        {
            var calendar = holder.Current;
            if (_cached is { } c && ReferenceEquals(c.Calendar, calendar)) return c.Policy;
            var policy = new DefaultDeadlinePolicy(calendar, options);
            _cached = new Cached(calendar, policy);
            return policy;
        }
    }

    private sealed record Cached(BusinessCalendar Calendar, DefaultDeadlinePolicy Policy);

    public DueTime Forwarding(Channel channel, DateTimeOffset receivedAt) => Policy.Forwarding(channel, receivedAt);

    public DueTime Answer(Channel channel, DateTimeOffset forwardedAt) => Policy.Answer(channel, forwardedAt);

    public DueTime MajorFirstAnswer(DateTimeOffset receivedAt) => Policy.MajorFirstAnswer(receivedAt);

    public TimeSpan Remaining(Core.Deadlines.DeadlineKind kind, DateTimeOffset at, DateTimeOffset dueAt) => Policy.Remaining(kind, at, dueAt);

    public DueTime Resumed(Core.Deadlines.DeadlineKind kind, DateTimeOffset resumedAt, TimeSpan remaining) => Policy.Resumed(kind, resumedAt, remaining);
}

/// <summary>Reloads the calendar when another process changed the admin's days.</summary>
public sealed class CalendarRefresher(CalendarHolder holder, CalendarStore store, ILogger<CalendarRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Issue 12: a failed reload keeps the calendar in force and is retried after a back-off; it never stops the host.
        await new ResilientLoop("Business calendar reload", logger, Interval, TimeSpan.FromMinutes(1)).RunAsync(async ct =>
        {
            await Task.Delay(Interval, ct);
            if (await store.VersionAsync(ct) != holder.Version) await holder.ReloadAsync(ct);
        }, stoppingToken);
    }
}
