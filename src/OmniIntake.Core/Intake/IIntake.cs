namespace OmniIntake.Core.Intake;

/// <summary>The one intake pipeline. Returns after the message, its case and its events are committed.</summary>
public interface IIntake
{
    /// <exception cref="InvalidInboundMessageException">The message breaks <see cref="InboundMessageRules"/>.</exception>
    Task<IntakeResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken = default);
}

public sealed record IntakeResult(long CaseId, string CaseNumber, long MessageId, IntakeOutcome Outcome);

public enum IntakeOutcome
{
    /// <summary>A new case was opened for the message.</summary>
    NewCase,

    /// <summary>The message was threaded into an open case.</summary>
    Threaded,

    /// <summary>The same (channel, external id) was taken before; nothing was written.</summary>
    Duplicate,
}
