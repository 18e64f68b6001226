using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using OmniIntake.Core.Accounts;
using OmniIntake.Server.Accounts;

namespace OmniIntake.Server.Live;

/// <summary>
/// The department owners' live feed (issue 14: the owner's cases live, no polling). An owner's connection joins its
/// department's group only, a supervisor's or admin's every department's; the server pushes "changed" with an
/// <see cref="OwnerSignal"/> (no case content: case records are confidential, credit union 6th article), and the page
/// reads the one case through /api/owner/cases/{id}, which applies the owner's scope. A reconnect re-reads the list.
/// </summary>
[Authorize(Policy = Policies.Owners)]
public sealed class OwnerHub : Hub<IOwnerClient>
{
    public const string Path = "/hubs/owners";
    public const string ChangedMethod = "changed";
    public const string EveryDepartmentGroup = "owners:all";

    public static string DepartmentGroup(long departmentId) => "owners:department:" + departmentId.ToString(CultureInfo.InvariantCulture);

    public override async Task OnConnectedAsync()
    {
        var user = Context.User;
        if (user is not null && (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin)))
            await Groups.AddToGroupAsync(Context.ConnectionId, EveryDepartmentGroup);
        else if (user?.DepartmentId() is { } department)
            await Groups.AddToGroupAsync(Context.ConnectionId, DepartmentGroup(department));
        // An owner without a department hears nothing (the page says an admin must set one).
        await base.OnConnectedAsync();
    }
}

/// <summary>One case of the department changed (<paramref name="Kind"/>: the event's kind): the page re-reads that case.</summary>
public sealed record OwnerSignal(long Position, string Kind, long CaseId);
