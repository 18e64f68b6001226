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

    /// <summary>
    /// Keeps the message as <see cref="KeepAsync"/> does and, in the same round trip (issue 17: an e-mail's statements),
    /// finds a message with exactly these bytes kept under another identity and already settled (taken or set aside),
    /// e.g. the same mail seen again after an IMAP UIDVALIDITY reset.
    /// </summary>
    Task<KeptRawMessage> KeepFindingSettledCopyAsync(RawMessage message, CancellationToken cancellationToken = default);

    Task SettleAsync(long id, RawDisposition disposition, long? caseId, string? error, CancellationToken cancellationToken = default);

    /// <summary>The newest kept messages, optionally of one disposition (the supervisors' list of failed mail).</summary>
    Task<IReadOnlyList<StoredRawMessage>> ListAsync(RawDisposition? disposition, int limit, CancellationToken cancellationToken = default);

    Task<StoredRawMessage?> FindAsync(long id, CancellationToken cancellationToken = default);

    Task<byte[]?> ContentAsync(long id, CancellationToken cancellationToken = default);

    Task<StoredRawMessage?> FindByExternalIdAsync(Channel channel, string externalId, CancellationToken cancellationToken = default);

    Task<byte[]?> ContentByExternalIdAsync(Channel channel, string externalId, CancellationToken cancellationToken = default);
}

public sealed record StoredRawMessage(long Id, Channel Channel, string ExternalId, string ContentType, int Size, DateTimeOffset ReceivedAt,
    RawDisposition Disposition, long? CaseId, string? Error);

/// <summary>
/// Runs a kept raw message through its channel's reading again (after a fix, or to retry a failure): implemented by
/// each channel adapter that keeps raw messages.
/// </summary>
public interface IRawMessageReprocessor
{
    Channel Channel { get; }

    /// <returns>What the message became: its disposition, and the case it went to when taken.</returns>
    Task<(RawDisposition Disposition, long? CaseId, string? Error)> ReprocessAsync(StoredRawMessage message, byte[] content,
        CancellationToken cancellationToken = default);
}

public sealed record RawMessage(Channel Channel, string ExternalId, byte[] Content, string ContentType, DateTimeOffset ReceivedAt);

/// <summary>A raw message kept (its id) and the settled copy of the same bytes under another identity, if any.</summary>
public sealed record KeptRawMessage(long Id, SettledCopy? SettledCopy);

public sealed record SettledCopy(long RawId, string ExternalId, RawDisposition Disposition, long? CaseId);

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
