namespace OmniIntake.Core.Intake;

/// <summary>
/// No unit: the work runs once and each store write in it commits on its own — for a channel or dialog runner built
/// without the hub's <see cref="IInboundUnits"/> (tests, tools). The one spelling of "no unit".
/// </summary>
public sealed class NoInboundUnits : IInboundUnits
{
    public static readonly NoInboundUnits Instance = new();

    private NoInboundUnits()
    {
    }

    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) => work(cancellationToken);
}
