using OmniIntake.Core.Intake;

namespace OmniIntake.Dialogs.Running;

/// <summary>No unit: the work runs once and each store write in it commits on its own (a runner built without the hub's units).</summary>
internal sealed class EachWriteAlone : IInboundUnits
{
    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) => work(cancellationToken);
}
