using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using OmniIntake.Data.Assignment;
using OmniIntake.Server.Live;

namespace OmniIntake.Server.Assignment;

/// <summary>
/// Who is looking (issue 15 item 6): each case has a SignalR group of the consoles that have it open; joining, leaving
/// and typing are told to that group (over the Redis backplane when there are several server processes), and the
/// list itself is kept in the database with an expiry, so a process that dies takes its viewers with it.
/// </summary>
public sealed class CaseViewers(CaseViewerStore store, IHubContext<AgentHub, IAgentClient> hub)
{
    public const string ViewersMethod = "viewers";
    public const string TypingMethod = "viewerTyping";

    public static string Group(long caseId) => "case:" + caseId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The console has the case open (called again every <see cref="CaseViewerStore.Heartbeat"/>); answers who else has.</summary>
    public async Task<IReadOnlyList<CaseViewer>> ViewAsync(HubCallerContext context, IGroupManager groups, long caseId)
    {
        var username = context.User?.Identity?.Name ?? "?";
        var displayName = context.User?.FindFirst(Accounts.AccountClaims.DisplayName)?.Value ?? username;
        var before = await store.ListAsync(caseId, context.ConnectionAborted);
        await store.ViewAsync(context.ConnectionId, caseId, username, displayName, context.ConnectionAborted);
        await groups.AddToGroupAsync(context.ConnectionId, Group(caseId), context.ConnectionAborted);
        var now = await store.ListAsync(caseId, context.ConnectionAborted);
        if (!before.Select(v => v.Username).SequenceEqual(now.Select(v => v.Username))) await TellAsync(caseId, now, context.ConnectionAborted);
        return now;
    }

    public async Task LeaveAsync(HubCallerContext context, IGroupManager groups, long caseId)
    {
        await store.LeaveAsync(context.ConnectionId, caseId, context.ConnectionAborted);
        await groups.RemoveFromGroupAsync(context.ConnectionId, Group(caseId), context.ConnectionAborted);
        await TellAsync(caseId, await store.ListAsync(caseId, context.ConnectionAborted), context.ConnectionAborted);
    }

    public async Task DisconnectedAsync(string connectionId)
    {
        foreach (var caseId in await store.DisconnectAsync(connectionId))
            await TellAsync(caseId, await store.ListAsync(caseId), CancellationToken.None);
    }

    /// <summary>Someone is typing a reply on the case: the others who have it open see the marker (the console throttles these notices).</summary>
    public Task TypingAsync(HubCallerContext context, long caseId)
    {
        var username = context.User?.Identity?.Name ?? "?";
        var displayName = context.User?.FindFirst(Accounts.AccountClaims.DisplayName)?.Value ?? username;
        return hub.Clients.GroupExcept(Group(caseId), [context.ConnectionId]).ViewerTyping(caseId, new CaseViewer { Username = username, DisplayName = displayName }, context.ConnectionAborted);
    }

    private Task TellAsync(long caseId, IReadOnlyList<CaseViewer> viewers, CancellationToken ct) =>
        hub.Clients.Group(Group(caseId)).Viewers(caseId, viewers, ct);
}
