using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Assignment;
using OmniIntake.Core.Cases;
using OmniIntake.Data.Assignment;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Live;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Assignment;

/// <param name="UserId">The agent to give the case to; null gives it back to the queue.</param>
public sealed record AssignRequest(long? UserId, string? Note);

/// <summary>The agents' loads as the team page and the assignee control show them.</summary>
public sealed record TeamLoad(int Capacity, bool Automatic, IReadOnlyList<AgentLoadView> Agents);

public sealed record AgentLoadView(long Id, string Username, string DisplayName, int OpenCases, bool Online, bool Away, DateTimeOffset? OldestDueAt);

public sealed record Availability(bool Away);

/// <summary>
/// Issue 15 items 5-6: POST /api/cases/{id}/assign, GET /api/agents/load, GET/PUT /api/agents/me/availability; the
/// automatic assigner and the case viewers (who is looking).
/// </summary>
public static class AssignmentApi
{
    /// <summary>Pushed on the agents' hub when an agent says they are away or available: (username, away).</summary>
    public const string AvailabilityMethod = "availability";

    public static void AddAssignment(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AssignmentOptions.Section).Get<AssignmentOptions>() ?? new AssignmentOptions();
        if (options.Validate().ToList() is { Count: > 0 } errors) throw new InvalidOperationException(string.Join(" ", errors));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<AssignmentStore>();
        builder.Services.AddSingleton<AgentLoadQueries>();
        builder.Services.AddSingleton<CaseViewerStore>();
        builder.Services.AddSingleton<CaseViewers>();
        builder.Services.AddSingleton<AutoAssigner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AutoAssigner>());
    }

    public static void MapAssignmentApi(this WebApplication app)
    {
        app.MapPost("/api/cases/{id:long}/assign", AssignAsync).WithTags("Cases").RequireAuthorization(Policies.Agents).WithName("AssignCase").WithSummary("For an agent or supervisor: gives a case to an agent (or nobody), with a note.");
        var agents = app.MapGroup("/api/agents").WithTags("Assignment").RequireAuthorization(Policies.Agents);
        agents.MapGet("/load", LoadAsync).WithName("GetTeamLoad").WithSummary("For an agent: each agent's open cases and whether they are away, to choose whom to assign.");
        agents.MapGet("/me/availability", async (AgentLoadQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(new Availability(await queries.IsAwayAsync(user.Identity!.Name!, ct)))).WithName("GetMyAvailability").WithSummary("For an agent: whether they are marked away (no new assignments).");
        agents.MapPut("/me/availability", async (Availability request, AgentLoadQueries queries, IHubContext<AgentHub, IAgentClient> hub, ClaimsPrincipal user,
            CancellationToken ct) =>
        {
            await queries.SetAwayAsync(user.Identity!.Name!, request.Away, ct);
            // The team page hears it at once (the backplane carries it to every server process).
            await hub.Clients.Group(AgentHub.Group).Availability(user.Identity!.Name!, request.Away, ct);
            return TypedResults.Ok(request);
        }).WithName("SetMyAvailability").WithSummary("For an agent: marks them away or back.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AssignAsync(long id, AssignRequest request, AssignmentStore store, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var supervisor = user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);
        var outcome = await store.AssignAsync(id, request.UserId, user.Identity!.Name!, request.Note, supervisor, ct);
        if (outcome.IsDone) return TypedResults.NoContent();
        var status = outcome.Result.Outcome switch { CommandOutcome.NotFound => 404, CommandOutcome.Conflict => 409, _ => 400 };
        return TypedResults.Problem(outcome.Result.Error, statusCode: status, title: outcome.Code,
            extensions: ApiProblem.Code(outcome.Code ?? AssignmentCodes.NotFound));
    }

    private static async Task<Ok<TeamLoad>> LoadAsync(AgentLoadQueries queries, AssignmentOptions options, CancellationToken ct) =>
        TypedResults.Ok(new TeamLoad(options.Capacity, options.Automatic,
            (await queries.ListAsync(ct)).Select(a => new AgentLoadView(a.Id, a.Username, a.DisplayName, a.OpenCases, a.Online, a.Away, a.OldestDueAt))
            .ToList()));
}
