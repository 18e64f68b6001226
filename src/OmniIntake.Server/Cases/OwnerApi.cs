using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Cases;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Infrastructure;

namespace OmniIntake.Server.Cases;

/// <summary>Why an owner sends a case back, or what they ask the centre.</summary>
public sealed record OwnerRequest(string Text);

/// <summary>
/// The department owner's side (issue 7): the cases forwarded to my department, each in full; the written answer
/// (policy 5.2.5); asking the centre for help; sending a wrongly routed case back (the centre's next forwarding to
/// another department counts as a re-dispatch). Owners act for their own department, supervisors for any.
/// </summary>
public static class OwnerApi
{
    /// <summary>Who this user acts for as an owner: supervisors and admins for every department, an owner for theirs (none: no case).</summary>
    public static OwnerScope OwnerScope(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin)
            ? Core.Cases.OwnerScope.EveryDepartment
            : Core.Cases.OwnerScope.Department(user.DepartmentId());

    public static void MapOwnerApi(this WebApplication app)
    {
        var owner = app.MapGroup("/api/owner/cases").WithTags("Owner").RequireAuthorization(Policies.Owners);
        owner.MapGet("/", OwnerListAsync).WithName("ListOwnerCases").WithSummary("For a department owner: the cases forwarded to their department.");
        owner.MapGet("/{key}", OwnerGetAsync).WithName("GetOwnerCase").WithSummary("For a department owner: one of their department's cases, by id or number.");
        owner.MapGet("/{id:long}/dialog", OwnerDialogAsync).WithName("GetOwnerCaseDialog")
            .WithSummary("The guided dialog that registered a case forwarded to my department: the bot's questions and the customer's answers.");
        // The owner's page moved into the workspace (issue 14); the old address still lands there.
        app.MapGet("/owner.html", () => TypedResults.Redirect("/app/owner")).AllowAnonymous().ExcludeFromDescription();
        var cases = app.MapGroup("/api/cases").WithTags("Owner").RequireAuthorization(Policies.Owners);
        cases.MapPost("/{id:long}/answer", AnswerAsync).WithName("AnswerCase").WithSummary("For a department owner: the department's written answer to a forwarded case.");
        cases.MapPost("/{id:long}/send-back", async (long id, OwnerRequest request, CaseCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
            ApiResults.From(await commands.SendBackAsync(id, request.Text ?? "", user.Identity!.Name!, user.OwnerScope(), ct))).WithName("SendCaseBack").WithSummary("For a department owner: sends a case back to the agents as not theirs, with the reason.");
        cases.MapPost("/{id:long}/help", async (long id, OwnerRequest request, CaseCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
            ApiResults.From(await commands.AskHelpAsync(id, request.Text ?? "", user.Identity!.Name!, user.OwnerScope(), ct))).WithName("AskForHelp").WithSummary("For a department owner: asks the agents for help on a case.");
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseSummary>>, ProblemHttpResult>> OwnerListAsync(CaseQueries queries,
        ClaimsPrincipal user, long? before, int? limit, CancellationToken ct)
    {
        if (user.DepartmentId() is not { } department)
            return ApiResults.Problem(403, "owner.no-department", "No department", "Your account is not the complaint owner of any department; ask an admin to set one.");
        if (limit is < 1 or > 500) return ApiResults.Problem(400, "query.limit-invalid", "Invalid limit", $"limit is 1-500 (got {limit}).");
        // Only the cases forwarded to the department now, as OwnerScope.Covers says: no "open=false" listing cases sent back
        // (issue 12 item 13).
        return TypedResults.Ok(await queries.ListAsync(new CaseFilter
        {
            DepartmentId = department, WithDepartment = true, BeforeId = before, Limit = limit ?? 50,
        }, ct));
    }

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> OwnerGetAsync(string key, CaseQueries queries, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var detail = await queries.GetAsync(key, ct);
        // Not forwarded to the owner's department now reads as not found: case records are confidential (credit union, 6th article).
        if (detail is null || !user.OwnerScope().Covers(detail.Case.DepartmentId, detail.Case.Status))
            return ApiResults.Problem(404, "owner.case-not-found", "No such case", $"Case '{key}' does not exist or is not forwarded to your department.");
        return TypedResults.Ok(detail);
    }

    private static async Task<Results<Ok<IReadOnlyList<Data.Conversations.DialogLine>>, ProblemHttpResult>> OwnerDialogAsync(long id,
        CaseQueries queries, Data.Conversations.DialogTranscripts transcripts, ClaimsPrincipal user, CancellationToken ct)
    {
        var detail = await queries.GetAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        if (detail is null || !user.OwnerScope().Covers(detail.Case.DepartmentId, detail.Case.Status))
            return ApiResults.Problem(404, "owner.case-not-found", "No such case", $"Case '{id}' does not exist or is not forwarded to your department.");
        return TypedResults.Ok(await transcripts.ForCaseAsync(id, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AnswerAsync(long id, AnswerRequest request, CaseCommands commands,
        ClaimsPrincipal user, CancellationToken ct) =>
        ApiResults.From(await commands.AnswerAsync(id, request.Text ?? "", user.Identity!.Name!, user.OwnerScope(), ct));
}
