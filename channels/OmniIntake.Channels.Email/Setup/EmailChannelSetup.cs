using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmniIntake.Channels.Email.Imap;
using OmniIntake.Channels.Email.Ingest;
using OmniIntake.Channels.Email.Parsing;
using OmniIntake.Channels.Email.Pipe;
using OmniIntake.Channels.Email.Smtp;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Messages;
using OmniIntake.Core.Outbound;
using OmniIntake.Core.Resilience;

namespace OmniIntake.Channels.Email.Setup;

/// <summary>Wires the e-mail channel: the pipe always; the IMAP mailbox and SMTP sending when they are configured.</summary>
public static class EmailChannelSetup
{
    public static void AddEmailChannel(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(EmailChannelOptions.Section).Get<EmailChannelOptions>() ?? new EmailChannelOptions();
        var errors = options.Validate();
        if (errors.Count > 0) throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", errors));
        // Without SMTP there is nothing to send an acknowledgement through; queuing one per case would only fail.
        if (options.Smtp is null) options.Acknowledge = false;
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(new EmailReader(options.Attachments));
        services.AddSingleton<IAttachmentSource, EmailAttachmentSource>();
        // Issue 17 item 1: one unit per mail (IInboundUnits: raw copy, intake, dialog, outbox and settlement commit together).
        services.AddSingleton<EmailIngestor>();
        services.AddSingleton<IRawMessageReprocessor, EmailReprocessor>();
        if (options.Imap is { } imap)
        {
            services.AddSingleton(imap);
            services.AddSingleton<MailboxSweep>();
            services.AddHostedService<MailboxWatcher>();
            services.AddHostedService<MailboxSchedule>();
            services.AddHealthChecks().AddCheck<MailboxHealthCheck>("email-imap");
        }
        if (options.Smtp is { } smtp)
        {
            services.AddSingleton(smtp);
            services.AddSingleton<IChannelSender, SmtpSender>();
        }
    }


    public static void MapEmailChannel(this IEndpointRouteBuilder app) => app.MapEmailPipe();

    /// <summary>Registers the minutely Hangfire sweep: the fallback when IDLE is silent, and the stall alert. In the
    /// background until it succeeds (a stale Hangfire lock of a killed process must not stop a restart).</summary>
    private sealed class MailboxSchedule(IRecurringJobManager recurring, ILogger<MailboxSchedule> logger) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
            RetryUntilDone.RunAsync($"Recurring job {MailboxSweep.RecurringId} registration", () =>
                recurring.AddOrUpdate<MailboxSweep>(MailboxSweep.RecurringId, s => s.RunScheduledAsync(CancellationToken.None), "* * * * *"), logger, stoppingToken);
    }
}
