using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Cases;

/// <summary>
/// What a transition of <see cref="Case"/> decided: refused with a reason (<see cref="Result"/> not done, nothing
/// else), or done with the record to write, the clock changes it implies and the message it adds to the case. The
/// record is a <see cref="CaseChange"/> when the status may move (forward, close ...), any other
/// <see cref="CaseRecord"/> for work that leaves the status alone (claim, note, fields ...); Data persists both the
/// same way (issue 13 item 1).
/// </summary>
/// <param name="Deliveries">Where the message is sent (a reply: the case's channel and every co-complainant's), one outbox row each.</param>
public sealed record CaseDecision(CommandResult Result, CaseRecord? Change, ClockChanges Clocks, CaseMessageDraft? Message = null,
    IReadOnlyList<ReplyDelivery>? Deliveries = null)
{
    public bool IsDone => Result.IsDone;

    /// <summary>Records the change set off, written after it in the same transaction (a case that ends ends its pause).</summary>
    public IReadOnlyList<CaseRecord> Then { get; init; } = [];

    /// <summary>Done with nothing to record: the case already is as asked.</summary>
    public static CaseDecision Unchanged { get; } = new(CommandResult.Done, null, ClockChanges.None);

    public static CaseDecision Refused(CommandResult why) =>
        why.IsDone ? throw new ArgumentException("A refusal needs a reason.", nameof(why)) : new(why, null, ClockChanges.None);

    public static CaseDecision Done(CaseRecord change, ClockChanges clocks, CaseMessageDraft? message = null,
        IReadOnlyList<ReplyDelivery>? deliveries = null) =>
        new(CommandResult.Done, change, clocks, message, deliveries);
}

/// <summary>One recipient of a message a transition sends: its channel and address (queued in the outbox).</summary>
public sealed record ReplyDelivery(string Channel, string Recipient);

/// <summary>A clock a transition starts, with the due time the policy gives it.</summary>
/// <param name="PausedWith">Set when the clock starts stopped, because the case waits (issue 13): the whole window it will run once resumed.</param>
public sealed record StartedClock(DeadlineClock Clock, DueTime Due, TimeSpan? PausedWith = null);

/// <summary>The clocks a transition starts, meets (the duty was done) and cancels (no longer owed).</summary>
public sealed record ClockChanges(IReadOnlyList<StartedClock> Started, IReadOnlyList<DeadlineKind> Met, IReadOnlyList<DeadlineKind> Cancelled)
{
    public static ClockChanges None { get; } = new([], [], []);
}

/// <summary>A message a transition adds to the case (written by Data's one message writer).</summary>
/// <param name="Attachments">Files kept in the attachment store that the message carries (an agent's reply, issue 16 item 4).</param>
public sealed record CaseMessageDraft(string Direction, string Sender, string Author, string? Subject, string Text,
    IReadOnlyList<Messages.Attachment>? Attachments = null);

/// <summary>The directions of a message on a case, as stored.</summary>
public static class CaseMessageDirections
{
    public const string Inbound = "inbound";
    public const string Outbound = "outbound";

    /// <summary>The owner's written answer to the centre: internal, never sent to the customer.</summary>
    public const string Internal = "internal";

    /// <summary>A colleague's note or an owner's request for help: never sent to the customer.</summary>
    public const string Note = "note";

    /// <summary>A notice to a supervisor.</summary>
    public const string Notification = "notification";
}
