using System.Linq.Expressions;
using Hangfire;
using OmniIntake.Core.Resilience;

namespace OmniIntake.Server.Infrastructure;

/// <summary>
/// Registers a Hangfire recurring job once the host starts (Hangfire's storage exists by then), in the background until
/// it succeeds (<see cref="RetryUntilDone"/>: a stale lock of a killed process must not stop a restart). The job stays
/// registered in the shared storage from earlier starts meanwhile.
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
        protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
            RetryUntilDone.RunAsync($"Recurring job {id} registration", () =>
            {
                if (enabled) recurring.AddOrUpdate(id, run, cron, new RecurringJobOptions { TimeZone = zone ?? TimeZoneInfo.Utc });
                else recurring.RemoveIfExists(id);
            }, logger, stoppingToken);
    }
}
