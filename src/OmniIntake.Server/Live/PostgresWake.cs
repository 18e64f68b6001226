using OmniIntake.Core.Resilience;
using OmniIntake.Data.Events;

namespace OmniIntake.Server.Live;

/// <summary>
/// With PostgreSQL and no Redis, several server processes on one database learn at once that another positioned
/// events (LISTEN/NOTIFY, <see cref="PositionListener"/>), so each pushes them to its own agents without waiting for
/// its next poll (issue 17 item 5). A lost connection is retried with back-off and never stops the process (issue 12);
/// meanwhile the poll (Live:PollInterval) still finds everything, and on every (re)connection the dispatcher is woken
/// once for what was announced while nobody listened. A notification only wakes it to read: the events are positioned.
/// </summary>
public sealed class PostgresWake(PositionListener listener, EventLogSignal signal, LiveOptions options, ILogger<PostgresWake> logger) : BackgroundService
{
    private volatile bool _listening;

    /// <summary>Whether the LISTEN connection is up.</summary>
    public bool Listening => _listening;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await new ResilientLoop("PostgreSQL wake-up (LISTEN)", logger, options.RetryDelay, options.MaxRetryDelay).RunAsync(async ct =>
        {
            try
            {
                await listener.ListenAsync(() =>
                {
                    _listening = true;
                    signal.Wake(WakeReasons.Anything);
                }, () => signal.Wake(WakeReasons.Positioned), ct);
            }
            finally
            {
                _listening = false;
            }
        }, stoppingToken);
    }
}
