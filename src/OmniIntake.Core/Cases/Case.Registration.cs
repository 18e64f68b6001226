using OmniIntake.Core.Audit;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Cases;

/// <summary>
/// The intake's two transitions (issue 13 item 1): an inbound message registers a new case or is threaded onto an open
/// one. Data's threading rules only load and name candidate cases; what the message does to the case — its class, the
/// clock it starts and what the journal says — is decided here.
/// </summary>
public sealed partial class Case
{
    /// <summary>
    /// Whether a case of <paramref name="status"/> takes a new message (the threading rules' only gate). A message about
    /// a resolved, closed, withdrawn or merged case opens a new case linked to it instead, so the handled record stays
    /// as it was (<see cref="CaseLifecycle.IsOpen"/>).
    /// </summary>
    public static bool TakesMessages(CaseStatus status) => CaseLifecycle.IsOpen(status);

    /// <summary>
    /// A new case for <paramref name="arrival"/>: general, or important when the sender named their own earlier case that
    /// was handled (policy 5.5, <see cref="RepeatComplaintAfterHandling"/>); its forwarding is owed from receipt (5.2.2;
    /// issue 13: the clock keeps its start, so a calendar change recomputes from it). A category the customer gave that
    /// is not configured (<paramref name="unknownCategory"/>) leaves the case uncategorised and is noted in the audit trail.
    /// </summary>
    public static CaseRegistration Register(InboundArrival arrival, CaseLink link, string? unknownCategory, DateTimeOffset now, IDeadlinePolicy policy)
    {
        var raise = RepeatComplaintAfterHandling.For(link.RepeatOf);
        var forwarding = DeadlineClock.Receipt(arrival.ReceivedAt);
        var journal = new List<CaseRecord>();
        if (unknownCategory is not null) journal.Add(new UnknownCategoryGiven(now, unknownCategory));
        if (raise is not null) journal.Add(new RaisedOnRegistration(now, raise.To, raise.Reason, link.RelatedCaseId));
        var opened = new CaseOpened(arrival.Actor, now, arrival.Channel, arrival.ExternalId, link.RelatedCaseId, link.Reason, arrival.Sender,
            arrival.Preview);
        return new CaseRegistration(raise?.To ?? CaseClass.General, new StartedClock(forwarding, forwarding.Due(policy, arrival.Channel)), journal, opened);
    }

    /// <summary>
    /// <paramref name="arrival"/> joins a case of <paramref name="status"/> the threading rules named for
    /// <paramref name="reason"/>: the case's clocks stay as they are (a case waiting for the customer resumes, issue 13).
    /// Only a case that <see cref="TakesMessages"/> is threaded onto; the rules register a linked case otherwise.
    /// </summary>
    public static MessageThreading Thread(CaseStatus status, InboundArrival arrival, string reason, DateTimeOffset now) =>
        TakesMessages(status)
            ? new MessageThreading(new MessageReceived(arrival.Actor, now, arrival.Channel, reason, arrival.Sender, arrival.Preview))
            : throw new InvalidOperationException($"A {status.ToName()} case takes no messages: register a new case linked to it.");
}

/// <summary>An inbound message as the intake's decisions need it.</summary>
/// <param name="Actor">Who registered it: the agent who typed it in, else the customer.</param>
/// <param name="Sender">The sender's handle as stored (kind:value).</param>
/// <param name="Preview">What the consoles show of it (<see cref="PreviewOf"/>).</param>
public sealed record InboundArrival(Channel Channel, string ExternalId, string Sender, string Actor, DateTimeOffset ReceivedAt, string Preview)
{
    /// <summary>The agent who registered a message by hand, else the customer.</summary>
    public static string ActorOf(string? registeredBy) => registeredBy ?? AuditActors.Customer;

    /// <summary>The subject and the text, at most 140 characters (the live feed's line).</summary>
    public static string PreviewOf(string? subject, string text)
    {
        var preview = subject is { Length: > 0 } s ? s + " — " + text : text;
        return preview.Length <= 140 ? preview : preview[..140] + "…";
    }
}

/// <summary>Why a message opens a new case, and the case it is linked to, as the threading rules found them.</summary>
/// <param name="RepeatOf">The status of the sender's own earlier case the message named (policy 5.5: complained again), if any.</param>
public sealed record CaseLink(long? RelatedCaseId, string Reason, CaseStatus? RepeatOf = null);

/// <summary>What the intake decided: the journal record of the message's arrival, written once the message's id is known.</summary>
public abstract record IntakeDecision(CaseRecord Received);

/// <summary>A new case: its class, its forwarding clock, and the journal before its first message (<paramref name="Journal"/>).</summary>
public sealed record CaseRegistration(CaseClass Class, StartedClock Forwarding, IReadOnlyList<CaseRecord> Journal, CaseOpened Opened)
    : IntakeDecision(Opened);

/// <summary>A message threaded onto an open case.</summary>
public sealed record MessageThreading(MessageReceived Message) : IntakeDecision(Message);
