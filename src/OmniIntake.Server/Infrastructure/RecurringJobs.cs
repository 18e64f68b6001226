using System.Linq.Expressions;
using Hangfire;

namespace OmniIntake.Server.Infrastructure;

/// <summary>Registers a Hangfire recurring job once the host starts (Hangfire's storage exists by then).</summary>
public static class RecurringJobs
{
    /// <param name="zone">The zone the cron expression is read in (UTC when null).</param>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string cron, Expression<Func<TJob, Task>> run,
        TimeZoneInfo? zone = null) =>
        services.AddSingleton<IHostedService>(sp => new Registration<TJob>(sp.GetRequiredService<IRecurringJobManager>(), id, cron, run, zone));

    private sealed class Registration<TJob>(IRecurringJobManager recurring, string id, string cron, Expression<Func<TJob, Task>> run, TimeZoneInfo? zone)
        : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            recurring.AddOrUpdate(id, run, cron, new RecurringJobOptions { TimeZone = zone ?? TimeZoneInfo.Utc });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
