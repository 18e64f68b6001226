namespace OmniIntake.Core.Intake;

/// <summary>The one intake pipeline. Returns after the message, its case and its events are committed.</summary>
public interface IIntake
{
    /// <exception cref="InvalidInboundMessageException">The message breaks <see cref="InboundMessageRules"/>.</exception>
    Task<IntakeResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken = default);
}

public sealed record IntakeResult(long CaseId, string CaseNumber, long MessageId, IntakeOutcome Outcome)
{
    /// <summary>
    /// What the message did when it was first taken: <see cref="IntakeOutcome.NewCase"/> or <see cref="IntakeOutcome.Threaded"/>,
    /// also for a <see cref="IntakeOutcome.Duplicate"/>, so a channel completes on the retry what a crash cut short after the
    /// intake (issue 12 item 3: the receipt and the dialog's first question of a case the message opened).
    /// </summary>
    public IntakeOutcome Taken { get; init; } = Outcome;
}

public enum IntakeOutcome
{
    /// <summary>A new case was opened for the message.</summary>
    NewCase,

    /// <summary>The message was threaded into an open case.</summary>
    Threaded,

    /// <summary>The same (channel, external id) was taken before; nothing was written.</summary>
    Duplicate,
}
