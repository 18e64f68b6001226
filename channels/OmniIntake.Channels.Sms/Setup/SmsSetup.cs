using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmniIntake.Channels.Sms.Reconciliation;
using OmniIntake.Channels.Sms.Sending;
using OmniIntake.Channels.Sms.Webhooks;
using OmniIntake.Core.Outbound;
using OmniIntake.Core.Resilience;

namespace OmniIntake.Channels.Sms.Setup;

/// <summary>Wires the SMS channel: webhooks, the sender and the reconciliation, once Channels:Sms has an account.</summary>
public static class SmsSetup
{
    public static void AddSmsChannel(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SmsOptions.Section).Get<SmsOptions>() ?? new SmsOptions();
        var errors = options.Validate();
        if (errors.Count > 0) throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", errors));
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<FloodGate>();
        services.AddSingleton<SmsIngestor>();
        services.AddSingleton<Media.MmsMediaFetcher>();
        if (!options.IsConfigured) return;
        services.AddSingleton<TwilioClientFactory>();
        services.AddSingleton<IChannelSender, TwilioSender>();
        services.AddSingleton<TwilioReconciliation>();
        services.AddHostedService<ReconciliationSchedule>();
    }

    public static void MapSmsChannel(this IEndpointRouteBuilder app) => app.MapTwilioWebhooks();

    /// <summary>In the background until it succeeds (a stale Hangfire lock of a killed process must not stop a restart).</summary>
    private sealed class ReconciliationSchedule(IRecurringJobManager recurring, IBackgroundJobClient jobs, ILogger<ReconciliationSchedule> logger)
        : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            // After any gap (this process was down), at once.
            await RetryUntilDone.RunAsync("SMS reconciliation at start-up", () => jobs.Enqueue<TwilioReconciliation>(r => r.RunAsync(CancellationToken.None)),
                logger, stoppingToken);
            await RetryUntilDone.RunAsync($"Recurring job {TwilioReconciliation.RecurringId} registration", () =>
                recurring.AddOrUpdate<TwilioReconciliation>(TwilioReconciliation.RecurringId, r => r.RunAsync(CancellationToken.None), "*/5 * * * *"),
                logger, stoppingToken);
        }
    }
}
