using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Contacts;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Classes;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Infrastructure;

namespace OmniIntake.Server.Classes;

/// <summary>Another complainant of a collective complaint: a phone, an e-mail or both, to be answered.</summary>
public sealed record AddComplainantRequest(string? Name, string? Phone, string? Email);

public sealed record ComplainantAdded(int Complainants);

public sealed record RemoveFromGroupRequest(string? Reason);

public static class ClassesApi
{
    public static void MapClassesApi(this WebApplication app)
    {
        var groups = app.MapGroup("/api/classes/groups").WithTags("Classes").RequireAuthorization(Policies.Supervisors);
        groups.MapGet("/", async (bool? all, SimilarGroups store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(all != true, 200, ct))).WithName("ListSimilarGroups").WithSummary("For a supervisor: groups of similar complaints the hub found, to confirm as one issue.");
        groups.MapPost("/{id:long}/confirm", async (long id, SimilarGroups store, ClaimsPrincipal user, CancellationToken ct) =>
            ApiResults.From(await store.ConfirmAsync(id, user.Identity!.Name!, ct))).WithName("ConfirmSimilarGroup").WithSummary("For a supervisor: confirms a group of similar complaints as one issue (its class rises).");
        groups.MapPost("/members/{caseId:long}/remove", async (long caseId, RemoveFromGroupRequest? request, SimilarGroups store, ClaimsPrincipal user,
            CancellationToken ct) => ApiResults.From(await store.RemoveAsync(caseId, user.Identity!.Name!, request?.Reason, ct))).WithName("RemoveFromSimilarGroup").WithSummary("For a supervisor: takes a case out of its group of similar complaints.");

        var cases = app.MapGroup("/api/cases").WithTags("Cases");
        cases.MapGet("/{id:long}/complainants", async (long id, CaseParties parties, CancellationToken ct) => TypedResults.Ok(await parties.ListAsync(id, ct)))
            .RequireAuthorization(Policies.Agents).WithName("ListComplainants").WithSummary("For staff: everyone who complained about a case's issue.");
        cases.MapPost("/{id:long}/complainants", AddComplainantAsync).RequireAuthorization(Policies.Agents).WithName("AddComplainant").WithSummary("For an agent: adds a further complainant to a case.");
        cases.MapGet("/{id:long}/special-report", SpecialReportAsync).Produces<string>(200, "text/plain").RequireAuthorization(Policies.Supervisors).WithName("GetSpecialReport").WithSummary("For a supervisor: the special report of a major case, as text to send on.");
    }

    private static async Task<Results<Ok<ComplainantAdded>, ProblemHttpResult>> AddComplainantAsync(long id, AddComplainantRequest request,
        CaseParties parties, ClaimsPrincipal user, CancellationToken ct)
    {
        var handles = new List<ContactHandle>();
        var errors = new List<string>();
        foreach (var (kind, value) in new[] { (ContactHandleKind.Phone, request.Phone), (ContactHandleKind.Email, request.Email) })
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (ContactHandle.TryCreate(kind, value, out var handle, out var error)) handles.Add(handle);
            else errors.Add(error);
        }
        if (errors.Count > 0) return ApiResults.Problem(400, "case.complainant-invalid", "Invalid complainant", string.Join(" ", errors));
        var (result, complainants) = await parties.AddAsync(id, handles, string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim(),
            user.Identity!.Name!, ct);
        return result.IsDone ? TypedResults.Ok(new ComplainantAdded(complainants)) : ApiResults.ProblemFor(result);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> SpecialReportAsync(long id, CaseQueries queries, CaseParties parties,
        Core.Intake.IntakeOptions intake, CancellationToken ct)
    {
        if (await queries.GetAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct) is not { } detail)
            return ApiResults.Problem(404, "case.not-found", "Not found", $"Case {id} does not exist.");
        var draft = SpecialReportDraft.Write(detail, await parties.ListAsync(id, ct), intake.Zone);
        return TypedResults.Text(draft, "text/markdown; charset=utf-8");
    }
}
