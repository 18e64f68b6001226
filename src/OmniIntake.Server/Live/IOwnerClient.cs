using Microsoft.AspNetCore.SignalR;

namespace OmniIntake.Server.Live;

/// <summary>
/// What the owners' hub (<see cref="OwnerHub"/>) pushes to an owner's page (issue 13 item 7): a signal, never case
/// content. Checked against the page through ClientApp/src/live/hub-contract.json (HubContractTests).
/// </summary>
public interface IOwnerClient
{
    [HubMethodName(OwnerHub.ChangedMethod)]
    Task Changed(OwnerSignal signal, CancellationToken cancellationToken);
}
