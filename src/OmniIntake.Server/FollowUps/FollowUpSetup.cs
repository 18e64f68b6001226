using Microsoft.AspNetCore.Hosting.Server;
using OmniIntake.Core.Text;
using OmniIntake.Data.FollowUps;
using OmniIntake.Server.Infrastructure;

namespace OmniIntake.Server.FollowUps;

/// <summary>Bound from "FollowUp".</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    public bool Enabled { get; set; } = true;

    /// <summary>How long after resolution the customer is asked.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>How long the link in the message stays valid.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The hub's address as customers reach it (behind a proxy); by default the first address it listens on.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>Builds the customer's link; the token rides in the fragment, which browsers never send, so it stays out of
/// proxies' and our own access logs.</summary>
public sealed class FollowUpLinks(FollowUpOptions options, IServer server)
{
    public string LinkFor(string token) => $"{BaseUrl()}/followup.html#{token}";

    private string BaseUrl() =>
        options.PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : ServerAddresses.First(server);
}

/// <summary>The Hangfire recurring job "follow-up-ask": asks the customers of the cases resolved since.</summary>
public sealed class FollowUpJob(FollowUpStore store, FollowUpLinks links, FollowUpOptions options, ILogger<FollowUpJob> logger)
{
    public const string RecurringId = "follow-up-ask";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var asked = await store.AskDueAsync(options.Delay, links.LinkFor, Compose, cancellationToken: cancellationToken);
        if (asked > 0) logger.LogInformation("Follow-up: asked {Count} customers.", asked);
    }

    /// <summary>One line with the link: two SMS parts in Chinese.</summary>
    public static string Compose(FollowUpInvitation invitation) => invitation.Language == Languages.Chinese
        ? $"【{invitation.CaseNumber}】您的投诉已处理完毕。请为处理结果打分(1-5)，并告诉我们问题是否真正解决：{invitation.Link}"
        : $"[{invitation.CaseNumber}] Your complaint has been handled. Please rate it (1-5) and tell us whether it is really solved: {invitation.Link}";
}

public static class FollowUpSetup
{
    public static void AddFollowUps(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(FollowUpOptions.Section).Get<FollowUpOptions>() ?? new FollowUpOptions();
        var errors = new List<string>();
        if (options.Delay < TimeSpan.Zero) errors.Add($"FollowUp:Delay cannot be negative (got '{options.Delay}').");
        if (options.LinkLifetime <= TimeSpan.Zero) errors.Add($"FollowUp:LinkLifetime must be positive (got '{options.LinkLifetime}').");
        if (options.PublicUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
            errors.Add($"FollowUp:PublicUrl must be an absolute URL (got '{url}').");
        if (errors.Count > 0) throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", errors));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<FollowUpStore>();
        builder.Services.AddSingleton<FollowUpLinks>();
        builder.Services.AddSingleton<FollowUpJob>();
        builder.Services.AddRecurringJob<FollowUpJob>(FollowUpJob.RecurringId, "* * * * *", j => j.RunAsync(CancellationToken.None), enabled: options.Enabled);
    }
}
