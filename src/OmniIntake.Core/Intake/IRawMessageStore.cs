using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Intake;

/// <summary>
/// Keeps what a channel received exactly as it arrived, BEFORE it is parsed, so a message that cannot be read is set
/// aside (visible, re-processable after a fix) instead of lost, and any message can be processed again (issue 3).
/// </summary>
public interface IRawMessageStore
{
    /// <returns>The raw message's id; the same (channel, external id) kept twice returns the first id.</returns>
    Task<long> KeepAsync(RawMessage message, CancellationToken cancellationToken = default);

    Task SettleAsync(long id, RawDisposition disposition, long? caseId, string? error, CancellationToken cancellationToken = default);
}

public sealed record RawMessage(Channel Channel, string ExternalId, byte[] Content, string ContentType, DateTimeOffset ReceivedAt);

public enum RawDisposition
{
    /// <summary>Kept, not yet processed.</summary>
    Received,

    /// <summary>Taken into a case.</summary>
    Taken,

    /// <summary>Not a complaint (a bounce, a read receipt): kept for the record.</summary>
    SetAside,

    /// <summary>Could not be processed: kept with the error for a supervisor to look at and re-process.</summary>
    Failed,
}
