using OmniIntake.Core.Deadlines;

namespace OmniIntake.Core.Cases;

/// <summary>Replying to the customer, and to every co-complainant of a collective complaint.</summary>
public sealed partial class Case
{
    public const int MaxReplyLength = 20_000;

    /// <summary>
    /// An agent's reply: an outbound message sent through the case's channel to <paramref name="recipient"/> (the
    /// opener's address there) and, for a collective complaint, to every other complainant on their own channel
    /// (<see cref="CoComplainantChannels"/>). It is the major case's first answer (4.1.2); a forum's public reply (5.3.1)
    /// is met only when the posting is recorded. A withdrawn case is not answered any more.
    /// </summary>
    public CaseDecision Reply(string text, IReadOnlyList<Messages.Attachment> attachments, string? recipient, IReadOnlyList<PartyHandle> parties,
        string actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text)) return CaseDecision.Refused(CommandResult.Invalid("A reply needs text."));
        if (text.Length > MaxReplyLength) return CaseDecision.Refused(CommandResult.Invalid($"A reply is at most 20000 characters (got {text.Length})."));
        if (Status is CaseStatus.Withdrawn) return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} was withdrawn."));
        var channel = Channel.ToName();
        List<ReplyDelivery> deliveries = [new(channel, recipient ?? ""), .. CoComplainantChannels.For(parties)];
        return CaseDecision.Done(new CaseReplied(actor, now, Status, channel), new ClockChanges([], [DeadlineKind.MajorFirstAnswer], []),
            new CaseMessageDraft(CaseMessageDirections.Outbound, "hub", actor, null, text, attachments), deliveries);
    }
}

/// <summary>A handle of a co-complainant (kind "email" or "phone", as stored).</summary>
public sealed record PartyHandle(long ContactId, string Kind, string Value);

/// <summary>
/// A collective complaint (policy 5.5): every other complainant is owed the same answer, each on their own channel —
/// e-mail when they gave an address, else a text message to their phone.
/// </summary>
public static class CoComplainantChannels
{
    public static IReadOnlyList<ReplyDelivery> For(IReadOnlyList<PartyHandle> handles) =>
    [
        .. handles.Where(h => h.Kind is "email" or "phone").GroupBy(h => h.ContactId)
            .Select(g => g.FirstOrDefault(h => h.Kind == "email") is { } mail ? new ReplyDelivery("email", mail.Value) : new ReplyDelivery("sms", g.First().Value)),
    ];
}
