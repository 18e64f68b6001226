namespace OmniIntake.Core.Polling;

/// <summary>
/// Where a channel poller stands (an IMAP mailbox, a provider's message list): one lease per source so two processes
/// never work it at once, a cursor that moves only after the messages it covers are committed, and the last outcome,
/// which the health endpoint and the supervisors read (issue 3).
/// </summary>
public interface IPollerStateStore
{
    /// <summary>Takes the lease, or renews it when <paramref name="holder"/> holds it already.</summary>
    /// <returns>False while another holder's lease has not run out.</returns>
    Task<bool> TryLeaseAsync(string poller, string holder, TimeSpan ttl, CancellationToken cancellationToken = default);

    Task ReleaseAsync(string poller, string holder, CancellationToken cancellationToken = default);

    Task<PollerCursor?> CursorAsync(string poller, CancellationToken cancellationToken = default);

    /// <summary>Moves the cursor and counts what was taken, only while <paramref name="holder"/> holds the lease.</summary>
    /// <returns>False when the lease was lost: the caller must stop working the source.</returns>
    Task<bool> AdvanceAsync(string poller, string holder, PollerCursor cursor, int taken, CancellationToken cancellationToken = default);

    /// <summary>How many items the source's latest version held that were ignored on purpose (forum posts the filters did not choose).</summary>
    Task RecordIgnoredAsync(string poller, int ignored, CancellationToken cancellationToken = default);

    /// <summary>Records one run's outcome: <paramref name="error"/> null for success.</summary>
    Task RecordAsync(string poller, string? error, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PollerState>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One poller's state, or null before it ever ran.</summary>
    Task<PollerState?> FindAsync(string poller, CancellationToken cancellationToken = default);
}

/// <summary>A position within an epoch: for IMAP, the highest committed UID within one UIDVALIDITY.</summary>
public sealed record PollerCursor(string Epoch, long Position);

public sealed record PollerState(string Name, string? CursorEpoch, long CursorPosition, string? LeaseHolder, DateTimeOffset? LeaseUntil,
    DateTimeOffset? LastAttemptAt, DateTimeOffset? LastSuccessAt, string? LastError, int Failures, long Taken, long Ignored = 0)
{
    /// <summary>A poller is stalled when it has not succeeded for <paramref name="after"/> (or never, once it has tried).</summary>
    public bool IsStalled(DateTimeOffset now, TimeSpan after) =>
        LastAttemptAt is not null && (LastSuccessAt is null ? now - LastAttemptAt > after || Failures > 0 : now - LastSuccessAt > after);
}
