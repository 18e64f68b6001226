using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Resilience;
using OmniIntake.Data;

namespace OmniIntake.Server.Deadlines;

public static class DeadlineExtensions
{
    /// <summary>
    /// Hangfire with its storage held in DI, never in the static JobStorage.Current, so several hosts in one process
    /// (the tests) each keep their own: PostgreSQL storage beside the cases, or in-memory in the embedded default.
    /// </summary>
    public static void AddDeadlines(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DeadlineOptions.Section).Get<DeadlineOptions>() ?? new DeadlineOptions();
        var errors = options.Validate();
        if (errors.Count > 0) throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", errors));
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<DeadlineTimers>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineTimers>());
        services.AddSingleton<DeadlineSweepJob>();
        services.AddHostedService<NearDueWatcher>();

        services.AddSingleton<JobStorage>(sp =>
        {
            // Runs this host's Hangfire configuration (its log provider) before the storage logs anything.
            sp.GetRequiredService<IGlobalConfiguration>();
            var database = sp.GetRequiredService<DatabaseOptions>();
            if (database.Provider != DatabaseProvider.Postgres)
                return new InMemoryStorage(new InMemoryStorageOptions());
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, new PostgreSqlStorageOptions()),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.FromMilliseconds(200),
                    // Without it a crashed worker's job comes back only after the 30-minute invisibility timeout.
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromMinutes(5),
                    // A lock left by a killed process (kill -9) is taken back after this, not after the default 10 minutes:
                    // Hangfire holds its locks for milliseconds (scheduling a recurring job, registering one).
                    DistributedLockTimeout = TimeSpan.FromMinutes(1),
                });
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .UseLogProvider(new HostSafeLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        // Issue 17 item 6: the minutely jobs start together, and the class sweep's comparing is seconds of CPU on a pool
        // thread. The pool starts with one thread per core (2 here) and adds about one per second when they are all busy,
        // so the IMAP watcher's and the intake's continuations waited behind the jobs at every minute boundary. Enough
        // threads up front that a busy job never starves the inbound path (CPU is shared; threads need not be).
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
        services.AddHangfireServer((sp, o) =>
        {
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            o.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            // Unique per host, so two hosts in one process (tests) or on one machine never share a server record.
            o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        });
        services.AddHostedService<DeadlineStartup>();
    }

    public static void MapDeadlineJobs(this WebApplication app)
    {
        // The job dashboard, for supervisors and admins only.
        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new RoleDashboardFilter()],
            DisplayStorageConnectionString = false,
            AppPath = "/console.html",
        }, app.Services.GetRequiredService<JobStorage>()).RequireAuthorization(Accounts.Policies.Supervisors);
    }

    private sealed class RoleDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);
        }
    }
}

/// <summary>Runs one sweep at once, so what fell due while the hub was down fires now, and registers the recurring sweep.
/// In the background until it succeeds (a stale Hangfire lock of a killed process must not stop a restart).</summary>
public sealed class DeadlineStartup(IRecurringJobManager recurring, IBackgroundJobClient jobs, DeadlineOptions options, ILogger<DeadlineStartup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RetryUntilDone.RunAsync("Deadline sweep at start-up", () => jobs.Enqueue<DeadlineSweepJob>(job => job.RunAsync(CancellationToken.None)), logger,
            stoppingToken);
        await RetryUntilDone.RunAsync($"Recurring job {DeadlineSweepJob.RecurringId} registration", () =>
            recurring.AddOrUpdate<DeadlineSweepJob>(DeadlineSweepJob.RecurringId, job => job.RunAsync(CancellationToken.None), options.SweepCron), logger,
            stoppingToken);
    }
}
