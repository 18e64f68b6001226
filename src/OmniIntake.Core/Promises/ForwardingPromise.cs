using System.Globalization;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Policy;
using OmniIntake.Core.Text;

namespace OmniIntake.Core.Promises;

/// <summary>
/// What the hub tells a customer about when a person takes the complaint (issue 16 item 3): the forwarding deadline the
/// policy sets for it (5.2.2, from the business calendar), in the customer's language and the organisation's local time,
/// e.g. "我们将在12月2日10:00前转交处理。" — the same instant as the deadline on the case, so it is never a promise the
/// policy does not make.
/// </summary>
public sealed class ForwardingPromise(IDeadlinePolicy policy, TimeZoneInfo zone)
{
    /// <summary>The sentence for a complaint received on <paramref name="channel"/> at <paramref name="receivedAt"/>.</summary>
    public string Describe(Channel channel, DateTimeOffset receivedAt, string language) =>
        Sentence(policy.Forwarding(channel, receivedAt).DueAt, receivedAt, language);

    /// <summary>The forwarding deadline the policy sets (5.2.2).</summary>
    public DateTimeOffset DueAt(Channel channel, DateTimeOffset receivedAt) => policy.Forwarding(channel, receivedAt).DueAt;

    /// <summary>The sentence for a due time, said at <paramref name="now"/>.</summary>
    public string Sentence(DateTimeOffset dueAt, DateTimeOffset now, string language)
    {
        var due = TimeZoneInfo.ConvertTime(dueAt, zone);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var zh = language == Languages.Chinese;
        // Past the time (asked later): the customer is told the rule's time and no new promise is invented.
        if (dueAt <= now)
            return zh
                ? $"按规定，您的投诉应在{due.Month}月{due.Day}日{due:HH:mm}前转交处理，我们会尽快答复您。"
                : $"By our rules it was due to be passed on by {due.ToString("d MMM HH:mm", CultureInfo.InvariantCulture)}; we will answer you as soon as we can.";
        // A day off's deadline is the end of that day (policy 5.2.2: forwarded the same day): said as "today".
        if ((due.TimeOfDay == TimeSpan.Zero && due.Date == today.AddDays(1)) || (due.Date == today && due.TimeOfDay >= new TimeSpan(23, 59, 0)))
            return zh ? "我们将在今天内转交处理。" : "We will pass it to the team responsible today.";
        var time = due.ToString("HH:mm", CultureInfo.InvariantCulture);
        if (due.Date == today) return zh ? $"我们将在今天{time}前转交处理。" : $"We will pass it to the team responsible by {time} today.";
        return zh
            ? $"我们将在{due.Month}月{due.Day}日{time}前转交处理。"
            : $"We will pass it to the team responsible by {due.ToString("d MMM", CultureInfo.InvariantCulture)} {time}.";
    }
}
