using System.Linq.Expressions;
using Hangfire;

namespace OmniIntake.Server.Infrastructure;

/// <summary>Registers a Hangfire recurring job once the host starts (Hangfire's storage exists by then).</summary>
public static class RecurringJobs
{
    /// <param name="zone">The zone the cron expression is read in (UTC when null).</param>
    /// <param name="enabled">false removes the job (it may be in the shared storage from an earlier start).</param>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string cron, Expression<Func<TJob, Task>> run,
        TimeZoneInfo? zone = null, bool enabled = true) =>
        services.AddSingleton<IHostedService>(sp => new Registration<TJob>(sp.GetRequiredService<IRecurringJobManager>(), id, cron, run, zone, enabled));

    private sealed class Registration<TJob>(IRecurringJobManager recurring, string id, string cron, Expression<Func<TJob, Task>> run, TimeZoneInfo? zone,
        bool enabled) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (enabled) recurring.AddOrUpdate(id, run, cron, new RecurringJobOptions { TimeZone = zone ?? TimeZoneInfo.Utc });
            else recurring.RemoveIfExists(id);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
