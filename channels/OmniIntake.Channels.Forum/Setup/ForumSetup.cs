using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmniIntake.Channels.Forum.Polling;
using OmniIntake.Core.Resilience;

namespace OmniIntake.Channels.Forum.Setup;

/// <summary>Wires the forum sources: one Hangfire recurring job per source, at its interval (whole minutes, at least one).</summary>
public static class ForumSetup
{
    public static void AddForumChannel(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ForumOptions.Section).Get<ForumOptions>() ?? new ForumOptions();
        var errors = options.Validate();
        if (errors.Count > 0) throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", errors));
        builder.Services.AddSingleton(options);
        builder.Services.AddHttpClient("forum", c =>
        {
            c.Timeout = TimeSpan.FromSeconds(30);
            c.DefaultRequestHeaders.UserAgent.ParseAdd("OmniIntake-ForumPoller/1.0");
        });
        // Issue 17 item 1: one unit per post (IInboundUnits: raw copy, intake, dialog, outbox and settlement commit together).
        builder.Services.AddSingleton<FeedPoller>();
        builder.Services.AddSingleton<OmniIntake.Core.Outbound.IChannelSender, Replies.DiscourseReplySender>();
        builder.Services.AddSingleton<ForumPollJob>();
        if (options.Sources.Count > 0) builder.Services.AddHostedService<ForumSchedule>();
    }

    /// <summary>In the background until it succeeds (a stale Hangfire lock of a killed process must not stop a restart).</summary>
    private sealed class ForumSchedule(IRecurringJobManager recurring, ForumOptions options, ILogger<ForumSchedule> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            foreach (var source in options.Sources)
            {
                var id = "forum-poll-" + source.Name;
                if (!source.Scheduled)
                {
                    await RetryUntilDone.RunAsync($"Recurring job {id} removal", () => recurring.RemoveIfExists(id), logger, stoppingToken);
                    continue;
                }
                var minutes = Math.Max(1, (int)Math.Round(source.PollInterval.TotalMinutes));
                var cron = minutes == 1 ? "* * * * *" : $"*/{Math.Min(59, minutes)} * * * *";
                var name = source.Name;
                await RetryUntilDone.RunAsync($"Recurring job {id} registration", () =>
                    recurring.AddOrUpdate<ForumPollJob>(id, j => j.RunAsync(name, CancellationToken.None), cron), logger, stoppingToken);
            }
        }
    }
}

/// <summary>The Hangfire entry point: polls the named source.</summary>
public sealed class ForumPollJob(ForumOptions options, FeedPoller poller)
{
    public async Task<FeedPollResult> RunAsync(string source, CancellationToken cancellationToken)
    {
        var found = options.Sources.FirstOrDefault(s => s.Name == source) ?? throw new InvalidOperationException($"No forum source named '{source}'.");
        return await poller.PollAsync(found, cancellationToken);
    }

    /// <summary>A supervisor's "poll now": any source, scheduled or polled only by hand, without waiting out a back-off.</summary>
    /// <returns>Null when there is no source of that name.</returns>
    public async Task<FeedPollResult?> PollNowAsync(string source, CancellationToken cancellationToken) =>
        options.Sources.FirstOrDefault(s => s.Name == source) is { } found ? await poller.PollAsync(found, cancellationToken, now: true) : null;
}
