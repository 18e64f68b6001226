using System.Linq.Expressions;
using Hangfire;

namespace OmniIntake.Server.Infrastructure;

/// <summary>
/// Registers a Hangfire recurring job once the host starts (Hangfire's storage exists by then), in the background and
/// until it succeeds: a process killed while it held a job's distributed lock leaves the lock behind until it expires,
/// and a registration that threw then stopped the restarted host (found by the kill -9 drill, issue 12: a restart must
/// bring the node back). The job stays registered in the shared storage from earlier starts meanwhile.
/// </summary>
public static class RecurringJobs
{
    /// <param name="zone">The zone the cron expression is read in (UTC when null).</param>
    /// <param name="enabled">false removes the job (it may be in the shared storage from an earlier start).</param>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string cron, Expression<Func<TJob, Task>> run,
        TimeZoneInfo? zone = null, bool enabled = true) =>
        services.AddSingleton<IHostedService>(sp => new Registration<TJob>(sp.GetRequiredService<IRecurringJobManager>(), id, cron, run, zone, enabled,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RecurringJobs))));

    private sealed class Registration<TJob>(IRecurringJobManager recurring, string id, string cron, Expression<Func<TJob, Task>> run, TimeZoneInfo? zone,
        bool enabled, ILogger logger) : BackgroundService
    {
        private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield(); // Hangfire's lock wait is synchronous: never hold up the host's start with it
            var delay = TimeSpan.FromSeconds(1);
            for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
            {
                try
                {
                    if (enabled) recurring.AddOrUpdate(id, run, cron, new RecurringJobOptions { TimeZone = zone ?? TimeZoneInfo.Utc });
                    else recurring.RemoveIfExists(id);
                    if (attempt > 1) logger.LogInformation("Recurring job {Job} registered after {Attempts} attempts.", id, attempt);
                    return;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Recurring job {Job} not registered yet ({Error}: {Message}); retrying in {Delay}.", id, ex.GetType().Name, ex.Message, delay);
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
}
