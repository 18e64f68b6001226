using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using OmniIntake.Channels.WebChat.Hub;
using OmniIntake.Core.Events;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Accounts;

namespace OmniIntake.Server.Live;

/// <summary>
/// Agents' live feed. The server pushes "event" with each <see cref="CaseEvent"/>; positions are dense, so a client
/// that sees a gap, or reconnects, calls <see cref="CatchUp"/> with the last position it saw (SignalR itself promises
/// no delivery across a reconnect).
/// </summary>
[Authorize(Policy = Policies.Agents)]
public sealed class AgentHub(ICaseEventReader reader, CaseQueries queries, IHubContext<ChatHub, IChatClient> chat, Supervision.Presence presence,
    Assignment.CaseViewers viewers) : Hub<IAgentClient>
{
    public const string Path = "/hubs/agents";
    public const string Group = "agents";
    public const string EventMethod = "event";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Group);
        await presence.ConnectedAsync(Context.ConnectionId, Context.User?.Identity?.Name ?? "?");
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await presence.DisconnectedAsync(Context.ConnectionId);
        await viewers.DisconnectedAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Events after <paramref name="after"/>, at most 500; call again while HasMore.</summary>
    public async Task<CatchUpPage> CatchUp(long after)
    {
        const int Page = 500;
        var events = await reader.ReadAfterAsync(Math.Max(0, after), Page + 1, Context.ConnectionAborted);
        var page = events.Take(Page).ToList();
        return new CatchUpPage(page, events.Count > Page);
    }

    /// <summary>
    /// Admins: sends a payload to every connected console, as a raw measure of push latency (the console benchmark's
    /// baseline, and a check that the backplane carries messages between server processes).
    /// </summary>
    [Authorize(Policy = Policies.Admins)]
    public Task Ping(string payload) =>
        payload.Length > 4096 ? throw new HubException("A ping payload is at most 4096 characters.") : Clients.Group(Group).Ping(payload, Context.ConnectionAborted);

    public const string PingMethod = "ping";

    /// <summary>An agent is typing a reply on a case: the customer's chat widget shows it.</summary>
    public async Task Typing(long caseId)
    {
        var found = await queries.GetAsync(caseId.ToString(System.Globalization.CultureInfo.InvariantCulture), Context.ConnectionAborted);
        foreach (var conversation in found?.ContactHandles.Where(h => h.StartsWith("chat:", StringComparison.Ordinal)).Select(h => h[5..]) ?? [])
            await chat.Clients.Group(ChatHub.Group(conversation)).Typing(ChatTypists.Agent, Context.ConnectionAborted);
        await viewers.TypingAsync(Context, caseId);
    }

    /// <summary>Issue 15 item 6: this console has the case open (again every 20 s); answers who has it open.</summary>
    public Task<IReadOnlyList<Data.Assignment.CaseViewer>> ViewCase(long caseId) => viewers.ViewAsync(Context, Groups, caseId);

    /// <summary>This console closed the case.</summary>
    public Task LeaveCase(long caseId) => viewers.LeaveAsync(Context, Groups, caseId);
}

public sealed record CatchUpPage(IReadOnlyList<CaseEvent> Events, bool HasMore);
