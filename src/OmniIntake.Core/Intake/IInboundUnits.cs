namespace OmniIntake.Core.Intake;

/// <summary>
/// Issue 17 items 1 and 2: everything one inbound message writes (its raw copy, the intake, the settlement, the
/// dialog's state and reply, the acknowledgement's outbox row) commits together as one unit, so a message costs one
/// commit and is taken exactly once by construction; concurrent units may share one commit (group commit), and a unit
/// that fails is retried alone, never failing the others.
/// </summary>
public interface IInboundUnits
{
    /// <summary>
    /// Runs <paramref name="work"/> as one unit and returns after it committed. The work may run more than once (a batch
    /// it shared failed, so it is run again alone): it writes only through the stores and does nothing else that
    /// outlives a run (no sending, no pushing, no in-memory state kept); what follows the commit comes after this returned.
    /// </summary>
    Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);
}
