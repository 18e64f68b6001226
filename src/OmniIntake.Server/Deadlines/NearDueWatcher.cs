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
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await wake.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken)) continue;
                await sweep.RunAsync(stoppingToken);
                await Task.Delay(MinimumGap, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(ex, "Near-due deadline check failed; the scheduled sweep covers it.");
            }
        }
    }
}
