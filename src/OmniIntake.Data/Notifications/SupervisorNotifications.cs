using System.Data.Common;
using OmniIntake.Core.Cases;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Outbox;

namespace OmniIntake.Data.Notifications;

/// <summary>Where supervisors are told of breaches and of hot and major cases: e-mail addresses and phone numbers.</summary>
public sealed record NotificationRecipient(Channel Channel, string Address);

/// <summary>Configuration "Notifications": the recipients, and the zone times are written in.</summary>
public sealed class SupervisorNotificationOptions
{
    public static SupervisorNotificationOptions None { get; } = new();

    public IReadOnlyList<NotificationRecipient> Recipients { get; init; } = [];

    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Tell them of every breached deadline (the console shows breaches live either way).</summary>
    public bool OnBreach { get; init; } = true;

    public string Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Queues a notice to every supervisor recipient in the caller's transaction: kept on the case as a "notification"
/// message (not a reply to the customer), sent through the outbox like any message, so it is retried and never lost.
/// </summary>
internal static class SupervisorNotifications
{
    public static async Task QueueAsync(DbConnection c, DbTransaction tx, Database database, SupervisorNotificationOptions options, long caseId,
        string kind, string text, DateTimeOffset now, CancellationToken ct)
    {
        if (options.Recipients.Count == 0) return;
        foreach (var recipient in options.Recipients)
        {
            await HubMessages.QueueAsync(c, tx, database, caseId, "notification", recipient.Channel.ToName(), recipient.Address, kind, text, now, ct);
        }
        await CaseJournal.WriteAsync(c, tx, caseId,
            new NotificationQueued(now, kind, [.. options.Recipients.Select(r => $"{r.Channel.ToName()}:{r.Address}")]), ct);
    }
}
