using Microsoft.AspNetCore.SignalR;
using OmniIntake.Core.Events;
using OmniIntake.Data.Assignment;
using OmniIntake.Server.Assignment;

namespace OmniIntake.Server.Live;

/// <summary>
/// What the agents' hub (<see cref="AgentHub"/>) pushes to a console (issue 13 item 7: SignalR messages typed). The
/// wire name of each method is its [HubMethodName]; the console's handlers (ClientApp/src/live/messages.ts) are checked
/// against this interface through ClientApp/src/live/hub-contract.json (HubContractTests).
/// </summary>
public interface IAgentClient
{
    /// <summary>Each newly positioned event of the log; a console that sees a gap calls <see cref="AgentHub.CatchUp"/>.</summary>
    [HubMethodName(AgentHub.EventMethod)]
    Task Event(CaseEvent e, CancellationToken cancellationToken);

    /// <summary>An admin's ping, echoed to every console (<see cref="AgentHub.Ping"/>).</summary>
    [HubMethodName(AgentHub.PingMethod)]
    Task Ping(string payload, CancellationToken cancellationToken);

    /// <summary>An agent marked themselves away or back (the team page reloads).</summary>
    [HubMethodName(AssignmentApi.AvailabilityMethod)]
    Task Availability(string username, bool away, CancellationToken cancellationToken);

    /// <summary>Who has the case open now, to the consoles that have it open (issue 15 item 6).</summary>
    [HubMethodName(CaseViewers.ViewersMethod)]
    Task Viewers(long caseId, IReadOnlyList<CaseViewer> viewers, CancellationToken cancellationToken);

    /// <summary>Someone is typing a reply on the case, to the other consoles that have it open.</summary>
    [HubMethodName(CaseViewers.TypingMethod)]
    Task ViewerTyping(long caseId, CaseViewer viewer, CancellationToken cancellationToken);
}
