using OmniIntake.Core.Cases;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Deadlines;

/// <summary>
/// A clock a case owes: the kind of deadline, what started it and the instant its window is measured from. Its due
/// time is always the policy applied to that start, so a calendar change recomputes it from there and never from the
/// case's receipt (issue 13: a reopened or sent-back case must not breach at once after a calendar change).
/// </summary>
/// <param name="Window">For a resumed clock only: the window it had left when it was paused (issue 13).</param>
public sealed record DeadlineClock(DeadlineKind Kind, ClockStart StartedBy, DateTimeOffset StartsAt, TimeSpan? Window = null)
{
    /// <summary>A new complaint owes its forwarding from receipt (policy 5.2.2).</summary>
    public static DeadlineClock Receipt(DateTimeOffset receivedAt) => new(DeadlineKind.Forward, ClockStart.Receipt, receivedAt);

    /// <summary>A reopened case is back in the centre's queue: forwarded again within the window that applies now.</summary>
    public static DeadlineClock Reopening(DateTimeOffset reopenedAt) => new(DeadlineKind.Forward, ClockStart.Reopening, reopenedAt);

    /// <summary>A case an owner sent back is back in the centre's queue: forwarded again within the window that applies now.</summary>
    public static DeadlineClock SendBack(DateTimeOffset sentBackAt) => new(DeadlineKind.Forward, ClockStart.SendBack, sentBackAt);

    /// <summary>The owner's written answer (5.2.5), or a forum's public reply (5.3.1), from the forwarding on.</summary>
    public static DeadlineClock Forwarding(Channel channel, DateTimeOffset forwardedAt) =>
        new(channel == Channel.Forum ? DeadlineKind.PublicReply : DeadlineKind.OwnerAnswer, ClockStart.Forwarding, forwardedAt);

    /// <summary>A major case's first answer (4.1.2); this product counts it from the case's receipt.</summary>
    public static DeadlineClock Classification(DateTimeOffset receivedAt) => new(DeadlineKind.MajorFirstAnswer, ClockStart.Classification, receivedAt);

    /// <summary>A paused clock resumed at <paramref name="resumedAt"/>: it owes what it had left (<paramref name="remaining"/>) from then on.</summary>
    public static DeadlineClock Resumption(DeadlineKind kind, DateTimeOffset resumedAt, TimeSpan remaining) =>
        new(kind, ClockStart.Resumption, resumedAt, remaining);

    /// <summary>The due time the policy gives this clock for a case of <paramref name="channel"/>.</summary>
    public DueTime Due(IDeadlinePolicy policy, Channel channel) => StartedBy == ClockStart.Resumption
        ? policy.Resumed(Kind, StartsAt, Window ?? TimeSpan.Zero)
        : Kind switch
    {
        DeadlineKind.Forward => policy.Forwarding(channel, StartsAt),
        DeadlineKind.OwnerAnswer or DeadlineKind.PublicReply => policy.Answer(channel, StartsAt),
        DeadlineKind.MajorFirstAnswer => policy.MajorFirstAnswer(StartsAt),
        _ => throw new InvalidOperationException($"Deadline kind {Kind} has no policy."),
    };

    /// <summary>
    /// The clocks a transition ends unmet: a case back in the centre's queue (reopened, sent back) is no longer the
    /// owner's, so the owner's answer and the public reply of the previous forwarding are not owed any more; the next
    /// forwarding starts them again.
    /// </summary>
    public static IReadOnlyList<DeadlineKind> EndedBy(ClockStart transition) => transition switch
    {
        ClockStart.Reopening or ClockStart.SendBack => OwnerPhase,
        _ => [],
    };

    private static readonly DeadlineKind[] OwnerPhase = [DeadlineKind.OwnerAnswer, DeadlineKind.PublicReply];
}
