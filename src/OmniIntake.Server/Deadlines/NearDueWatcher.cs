using OmniIntake.Core.Resilience;
using OmniIntake.Server.Live;

namespace OmniIntake.Server.Deadlines;

/// <summary>
/// After this process commits, runs the sweep so a deadline created due before the next scheduled sweep (a short
/// window) gets its precise timer at once. Debounced: at most one run per <see cref="MinimumGap"/>.
/// </summary>
public sealed class NearDueWatcher(EventLogSignal signal, DeadlineSweepJob sweep, ILogger<NearDueWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var wake = signal.Subscribe();
        // A failed check is retried after a back-off; the scheduled sweep covers it meanwhile (issue 12: never stops the host).
        await new ResilientLoop("Near-due deadline check", logger).RunAsync(async ct =>
        {
            if (!await wake.WaitAsync(Timeout.InfiniteTimeSpan, ct)) return;
            await sweep.RunAsync(ct);
            await Task.Delay(MinimumGap, ct);
        }, stoppingToken);
    }
}
