namespace OmniIntake.Core.Outbound;

/// <summary>
/// Queues a message the hub writes by itself (an acknowledgement with the case number, a dialog prompt): kept on the
/// case and sent through the outbox like any reply, marked automatic (e-mail: Auto-Submitted: auto-replied), never
/// counted as the answer a deadline waits for, and rate limited per recipient so two robots cannot loop (issue 3).
/// </summary>
public interface IAutomaticReplies
{
    Task<AutomaticReplyOutcome> QueueAsync(long caseId, string text, AutomaticReplyLimit limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The same, at most once per <paramref name="onceKey"/> (e.g. the inbound message it follows and the step): a message
    /// delivered again after a crash completes what followed it without sending it twice (issue 12 item 3).
    /// </summary>
    Task<AutomaticReplyOutcome> QueueOnceAsync(long caseId, string onceKey, string text, AutomaticReplyLimit limit,
        CancellationToken cancellationToken = default);

    /// <summary>The same, to another channel and address than the case's own (a chat transcript sent by e-mail).</summary>
    Task<AutomaticReplyOutcome> QueueToAsync(long caseId, Cases.Channel channel, string recipient, string text, AutomaticReplyLimit limit,
        CancellationToken cancellationToken = default);
}

/// <summary>At most <paramref name="Count"/> automatic messages to one recipient within <paramref name="Window"/>.</summary>
public sealed record AutomaticReplyLimit(int Count, TimeSpan Window);

public enum AutomaticReplyOutcome
{
    Queued,

    /// <summary>The recipient had its share within the window: recorded on the case, not sent.</summary>
    RateLimited,

    /// <summary>The case has no address to write to (an anonymous sender).</summary>
    NoRecipient,

    /// <summary>Queued before under the same once-key: nothing new.</summary>
    AlreadyQueued,
}
