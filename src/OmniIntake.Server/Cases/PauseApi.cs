using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Policy;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Infrastructure;

namespace OmniIntake.Server.Cases;

/// <summary><paramref name="WaitingFor"/>: "customer" or "expertise".</summary>
public sealed record PauseRequest(string? Reason, string? WaitingFor);

public sealed record ResumeRequest(string? Reason);

/// <summary>
/// Waiting for the customer or for outside expertise (issue 13 item 4): the pausable clocks stop and resume with the
/// window they had left. Agents, supervisors and admins act on every case; an owner on the cases forwarded to their
/// department now (the same scope as the written answer).
/// </summary>
public static class PauseApi
{
    /// <summary>Configuration "Deadlines:PausableClocks": the clocks that stop (default: ownerAnswer, publicReply).</summary>
    public const string PausableClocksKey = "Deadlines:PausableClocks";

    public static void AddPauseApi(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection(PausableClocksKey).Get<string[]>();
        builder.Services.AddSingleton(configured is null ? PausableClocks.Default : PausableClocks.Parse(configured));
        builder.Services.AddSingleton<CasePauses>();
    }

    public static void MapPauseApi(this WebApplication app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.Staff);
        cases.MapPost("/{id:long}/pause", PauseAsync).WithName("PauseCase").WithSummary("For staff: pauses a case's clock while it waits for the customer or outside expertise.");
        cases.MapPost("/{id:long}/resume", ResumeAsync).WithName("ResumeCase").WithSummary("For staff: restarts a paused case's clock with the time that was left.");
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> PauseAsync(long id, PauseRequest request, CasePauses pauses, ClaimsPrincipal user,
        CancellationToken ct)
    {
        if (!WaitingForNames.TryParse(request.WaitingFor, out var waitingFor))
            return ApiResults.Problem(400, "pause.waiting-for-invalid", "Invalid request", $"waitingFor must be 'customer' or 'expertise' (got '{request.WaitingFor}').");
        return ApiResults.From(await pauses.PauseAsync(id, waitingFor, request.Reason ?? "", user.Identity!.Name!, user.PauseScope(), ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResumeAsync(long id, ResumeRequest? request, CasePauses pauses, ClaimsPrincipal user,
        CancellationToken ct) =>
        ApiResults.From(await pauses.ResumeAsync(id, request?.Reason, user.Identity!.Name!, user.PauseScope(), ct));

    /// <summary>An agent works every case in the queue; an owner only theirs (OwnerApi.OwnerScope).</summary>
    private static OwnerScope PauseScope(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Agent) ? OwnerScope.EveryDepartment : user.OwnerScope();
}
