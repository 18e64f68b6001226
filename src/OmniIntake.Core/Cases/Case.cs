using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Cases;

/// <summary>
/// A case as a decision about it needs it (issue 13; after eShop's Ordering <c>Order</c>): its status, channel,
/// department and receipt. One method per transition; each checks <see cref="CaseLifecycle"/> (the only gate) and the
/// actor's scope, and returns a <see cref="CaseDecision"/>: done, with the change it records and the clocks it starts,
/// meets and cancels, or refused with a reason. The case changes only when the decision is done; Data loads it and
/// persists the decision in one transaction, and decides nothing itself.
/// </summary>
public sealed partial class Case
{
    public Case(long id, string number, CaseStatus status, Channel channel, long? departmentId, DateTimeOffset receivedAt)
    {
        Id = id;
        Number = number;
        Status = status;
        Channel = channel;
        DepartmentId = departmentId;
        ReceivedAt = receivedAt;
    }

    public long Id { get; }
    public string Number { get; }
    public CaseStatus Status { get; private set; }
    public Channel Channel { get; }
    public long? DepartmentId { get; private set; }
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The complainant who opened the case (a collective complaint's others are its parties).</summary>
    public long ContactId { get; init; }

    private string? _category;
    private bool _classByHand;

    /// <summary>The category code, or null while it is not known.</summary>
    public string? Category
    {
        get => _category;
        init => _category = value;
    }

    /// <summary>A person set the class: automatic raising leaves it alone from then on (policy 5.5).</summary>
    public bool ClassByHand
    {
        get => _classByHand;
        init => _classByHand = value;
    }

    /// <summary>
    /// Forwards to a department's complaint owner (<paramref name="departmentName"/> null: no such department): meets
    /// the forwarding clock (5.2.2) and starts the owner's answer (5.2.5) or the forum's public reply (5.3.1). To
    /// another department than the current one, it is a re-dispatch. A case that waits for the customer or for outside
    /// expertise keeps waiting: an answer clock that may pause (<paramref name="pausable"/>) starts paused with its whole
    /// window, which runs once the case is resumed (issue 13: the owner cannot answer without what the case waits for).
    /// </summary>
    public CaseDecision Forward(long departmentId, string? departmentName, string actor, string? note, DateTimeOffset now, IDeadlinePolicy policy,
        PausableClocks? pausable = null)
    {
        if (!CaseLifecycle.CanMove(Status, CaseStatus.Forwarded))
            return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is {Status.ToName()} and cannot be forwarded."));
        if (departmentName is null) return CaseDecision.Refused(CommandResult.Invalid($"Department {departmentId} does not exist."));
        var redispatch = DepartmentId is not null && DepartmentId != departmentId;
        var change = new CaseForwarded(actor, now, Status, departmentId, departmentName, DepartmentId, redispatch, note);
        var answer = DeadlineClock.Forwarding(Channel, now);
        var due = answer.Due(policy, Channel);
        var started = Pause is not null && (pausable ?? PausableClocks.Default).Contains(answer.Kind)
            ? new StartedClock(answer, due, policy.Remaining(answer.Kind, now, due.DueAt))
            : new StartedClock(answer, due);
        Status = CaseStatus.Forwarded;
        DepartmentId = departmentId;
        return CaseDecision.Done(change, new ClockChanges([started], [DeadlineKind.Forward], []));
    }

    /// <summary>
    /// The owner sends a wrongly routed case back to the centre: back in the queue with a forwarding owed from now; the
    /// owner's phase has ended, so its answer is not owed any more (issue 13). The next forwarding elsewhere is a re-dispatch.
    /// </summary>
    public CaseDecision SendBack(string reason, OwnerScope owner, string actor, DateTimeOffset now, IDeadlinePolicy policy)
    {
        if (string.IsNullOrWhiteSpace(reason)) return CaseDecision.Refused(CommandResult.Invalid("Say why the case is not your department's."));
        if (!owner.Covers(DepartmentId, Status)) return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is not forwarded to your department."));
        if (Status is not (CaseStatus.Forwarded or CaseStatus.Answered) || !CaseLifecycle.CanMove(Status, CaseStatus.Received))
            return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is {Status.ToName()}; only a forwarded case is sent back."));
        return BackToQueue(DeadlineClock.SendBack(now), policy, due => new CaseSentBack(actor, now, Status, reason, DepartmentId, due.DueAt));
    }

    /// <summary>Opens a resolved or closed case again: back in the queue with a forwarding owed from now (issue 13: not from receipt).</summary>
    public CaseDecision Reopen(string reason, string actor, DateTimeOffset now, IDeadlinePolicy policy)
    {
        if (string.IsNullOrWhiteSpace(reason)) return CaseDecision.Refused(CommandResult.Invalid("Reopening needs a reason."));
        if (!CaseLifecycle.CanMove(Status, CaseStatus.Received))
            return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is {Status.ToName()} and cannot be reopened."));
        return BackToQueue(DeadlineClock.Reopening(now), policy, due => new CaseReopened(actor, now, Status, reason, due.DueAt));
    }

    public CaseDecision Resolve(string actor, string? note, DateTimeOffset now)
    {
        if (!CaseLifecycle.CanMove(Status, CaseStatus.Resolved))
            return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is {Status.ToName()} and cannot be resolved."));
        var change = new CaseResolved(actor, now, Status, note);
        Status = CaseStatus.Resolved;
        return CaseDecision.Done(change, ClockChanges.None);
    }

    /// <summary>Closes a resolved case: handled and followed up (the closure rate counts it). A pause it was in ends with it.</summary>
    public CaseDecision Close(string actor, string? note, DateTimeOffset now)
    {
        if (!CaseLifecycle.CanMove(Status, CaseStatus.Closed))
            return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is {Status.ToName()}: only a resolved case can be closed."));
        var change = new CaseClosed(actor, now, Status, note);
        Status = CaseStatus.Closed;
        return EndingThePause(CaseDecision.Done(change, ClockChanges.None), actor, now);
    }

    /// <summary>
    /// The department owner's written answer to the centre (policy 5.2.5): kept on the case as an internal message, it
    /// meets the owner's clock. <paramref name="owner"/> limits an owner to cases forwarded to them now.
    /// </summary>
    public CaseDecision Answer(string text, OwnerScope owner, string actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text)) return CaseDecision.Refused(CommandResult.Invalid("A written answer needs text."));
        if (text.Length > 20_000) return CaseDecision.Refused(CommandResult.Invalid($"A written answer is at most 20000 characters (got {text.Length})."));
        if (!owner.Covers(DepartmentId, Status)) return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is not forwarded to your department."));
        if (!CaseLifecycle.CanMove(Status, CaseStatus.Answered))
            return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is {Status.ToName()}; only a forwarded case can be answered by its owner."));
        var change = new CaseAnswered(actor, now, Status);
        Status = CaseStatus.Answered;
        return CaseDecision.Done(change, new ClockChanges([], [DeadlineKind.OwnerAnswer], []),
            new CaseMessageDraft(CaseMessageDirections.Internal, "owner", actor, null, text));
    }

    private CaseDecision BackToQueue(DeadlineClock forwarding, IDeadlinePolicy policy, Func<DueTime, CaseChange> change)
    {
        var due = forwarding.Due(policy, Channel);
        var recorded = change(due);
        Status = CaseStatus.Received;
        return CaseDecision.Done(recorded,
            new ClockChanges([new StartedClock(forwarding, due)], [], DeadlineClock.EndedBy(forwarding.StartedBy)));
    }
}
