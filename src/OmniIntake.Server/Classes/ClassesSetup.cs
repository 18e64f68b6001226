using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Intake;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Classes;
using OmniIntake.Data.Notifications;
using OmniIntake.Server.Infrastructure;

namespace OmniIntake.Server.Classes;

/// <summary>Bound from "Notifications": who supervisors are, as "email:boss@example.test" or "sms:+8613800000000".</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public List<string> Recipients { get; set; } = [];

    public bool OnBreach { get; set; } = true;

    public SupervisorNotificationOptions Build(TimeZoneInfo zone)
    {
        var recipients = new List<NotificationRecipient>();
        var errors = new List<string>();
        foreach (var entry in Recipients)
        {
            var (channel, kind) = entry.StartsWith("email:", StringComparison.OrdinalIgnoreCase) ? (Channel.Email, ContactHandleKind.Email)
                : entry.StartsWith("sms:", StringComparison.OrdinalIgnoreCase) ? (Channel.Sms, ContactHandleKind.Phone)
                : (Channel.Api, ContactHandleKind.Email);
            if (channel == Channel.Api)
            {
                errors.Add($"Notifications:Recipients entries are \"email:<address>\" or \"sms:<phone>\" (got '{entry}').");
                continue;
            }
            if (ContactHandle.TryCreate(kind, entry[(entry.IndexOf(':', StringComparison.Ordinal) + 1)..], out var handle, out var error))
                recipients.Add(new NotificationRecipient(channel, handle.Value));
            else errors.Add($"Notifications:Recipients '{entry}': {error}");
        }
        if (errors.Count > 0) throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", errors));
        return new SupervisorNotificationOptions { Recipients = recipients, Zone = zone, OnBreach = OnBreach };
    }
}

public static class ClassesSetup
{
    public const string Section = "Classes";

    public static void AddClasses(this WebApplicationBuilder builder)
    {
        var zone = (builder.Configuration.GetSection(IntakeOptions.Section).Get<IntakeOptions>() ?? new IntakeOptions()).Zone;
        var notifications = (builder.Configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>() ?? new NotificationOptions()).Build(zone);
        var rules = builder.Configuration.GetSection(Section).Get<ClassRules>() ?? new ClassRules();
        if (rules.Validate() is { Count: > 0 } errors) throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", errors));
        builder.Services.AddSingleton(notifications);
        builder.Services.AddSingleton(rules);
        builder.Services.AddSingleton<ClassSweep>();
        builder.Services.AddSingleton<SimilarGroups>();
        builder.Services.AddSingleton<CaseParties>();
        builder.Services.AddSingleton<ComplaintSimilarity>();
        builder.Services.AddSingleton<SimilarityWindow>();
        builder.Services.AddSingleton<ClassJob>();
        builder.Services.AddRecurringJob<ClassJob>(ClassJob.RecurringId, "* * * * *", j => j.RunAsync(CancellationToken.None), enabled: rules.Enabled);
    }
}
