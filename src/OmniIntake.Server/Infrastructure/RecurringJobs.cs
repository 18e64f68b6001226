using System.Linq.Expressions;
using Hangfire;

namespace OmniIntake.Server.Infrastructure;

/// <summary>Registers a Hangfire recurring job once the host starts (Hangfire's storage exists by then).</summary>
public static class RecurringJobs
{
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string cron, Expression<Func<TJob, Task>> run) =>
        services.AddSingleton<IHostedService>(sp => new Registration<TJob>(sp.GetRequiredService<IRecurringJobManager>(), id, cron, run));

    private sealed class Registration<TJob>(IRecurringJobManager recurring, string id, string cron, Expression<Func<TJob, Task>> run) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            recurring.AddOrUpdate(id, run, cron);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
