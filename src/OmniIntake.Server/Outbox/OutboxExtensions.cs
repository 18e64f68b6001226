using OmniIntake.Core.Resilience;
using OmniIntake.Data.Outbox;
using OmniIntake.Server.Infrastructure;
using OmniIntake.Server.Live;

namespace OmniIntake.Server.Outbox;

public static class OutboxExtensions
{
    public static void AddOutbox(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>() ?? new OutboxOptions();
        var errors = options.Validate();
        if (errors.Count > 0) throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", errors));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<OutboxStore>();
        builder.Services.AddSingleton<Core.Outbound.IOutboundSeal, DataProtectionSeal>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        // The recurring dispatch also retries and takes back expired leases.
        builder.Services.AddRecurringJob<OutboxDispatcher>(OutboxDispatcher.RecurringId, "* * * * *", d => d.RunAsync(CancellationToken.None));
        builder.Services.AddHostedService<OutboxWatcher>();
    }
}

/// <summary>Sends a reply as soon as this process queued it, and retries due rows between the minutely runs.</summary>
public sealed class OutboxWatcher(EventLogSignal signal, OutboxDispatcher dispatcher, OutboxOptions options, ILogger<OutboxWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var wake = signal.Subscribe();
        // Issue 12: whatever fails (the database, a sender) is retried after a back-off; it never stops the host.
        await new ResilientLoop("Outbox dispatch", logger, options.PollInterval, TimeSpan.FromMinutes(1)).RunAsync(async ct =>
        {
            await wake.WaitAsync(options.PollInterval, ct);
            await dispatcher.RunAsync(ct);
        }, stoppingToken);
    }
}
