using Microsoft.Extensions.Logging;

namespace OmniIntake.Core.Resilience;

/// <summary>
/// Start-up work that needs a dependency (registering recurring jobs in Hangfire's storage) done in the background
/// until it succeeds, never on the host's start path (issue 12: a process killed while it held a job's Hangfire lock
/// left the lock behind, and the restarted process's registration threw and stopped the host; found by the kill -9
/// drill). One line per failed attempt; back-off from 1 s doubling up to 30 s.
/// </summary>
public static class RetryUntilDone
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(string what, Action work, ILogger logger, CancellationToken stoppingToken)
    {
        await Task.Yield(); // the work may block (Hangfire's lock wait is synchronous): never on the caller's path
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                work();
                if (attempt > 1) logger.LogInformation("{What}: done after {Attempts} attempts.", what, attempt);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("{What}: not done yet ({Error}: {Message}); retrying in {Delay}.", what, ex.GetType().Name, ex.Message, delay);
            }
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, delay.Ticks * 2));
        }
    }
}
