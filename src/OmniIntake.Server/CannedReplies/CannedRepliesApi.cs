using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.CannedReplies;
using OmniIntake.Core.Intake;
using OmniIntake.Data.Accounts;
using OmniIntake.Data.CannedReplies;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Settings;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.CannedReplies;

/// <param name="Shared">A shared reply (supervisors manage these) or the caller's own.</param>
public sealed record CannedReplyRequest(string? Shortcut, string? Title, string? Language, string? Text, bool Shared);

/// <summary>
/// Canned replies (issue 15 item 4): GET/POST /api/canned-replies, PUT/DELETE /api/canned-replies/{id}, and
/// GET /api/canned-replies/{id}/render?caseId= (variables filled on the hub for one case). Shared replies are managed
/// by supervisors and admins; a personal reply by its agent only (another agent's is not found).
/// </summary>
public static class CannedRepliesApi
{
    public static void AddCannedReplies(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CannedReplyStore>();
        builder.Services.TryAddSingleton<SettingChanges>();
    }

    public static void MapCannedRepliesApi(this WebApplication app)
    {
        var replies = app.MapGroup("/api/canned-replies").WithTags("Canned replies").RequireAuthorization(Policies.Agents);
        replies.MapGet("/", async (CannedReplyStore store, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(await store.ListForAsync(user.Identity!.Name!, ct))).WithName("ListCannedReplies").WithSummary("For an agent: the canned replies they may use (shared and their own).");
        replies.MapPost("/", CreateAsync).WithName("CreateCannedReply").WithSummary("For an agent: saves a canned reply, their own or (supervisors) shared.");
        replies.MapPut("/{id:long}", UpdateAsync).WithName("UpdateCannedReply").WithSummary("For an agent: changes a canned reply they may edit.");
        replies.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteCannedReply").WithSummary("For an agent: deletes a canned reply they may edit.");
        replies.MapGet("/{id:long}/render", RenderAsync).WithName("RenderCannedReply").WithSummary("For an agent: a canned reply with a case's facts filled in, and the placeholders it could not fill.");
        // Issue 15: canned-reply changes audited; supervisors and admins read who changed what, when, before and after.
        replies.MapGet("/changes", ChangesAsync).RequireAuthorization(Policies.Supervisors)
            .WithName("CannedReplyChanges").WithSummary("The audit trail of canned-reply changes, newest first");
    }

    private static async Task<Results<Created<CannedReplyView>, ProblemHttpResult>> CreateAsync(CannedReplyRequest request, CannedReplyStore store,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (Check(request, user) is { } refused) return refused;
        var created = await store.CreateAsync(Draft(request, user), user.Identity!.Name!, ct);
        return created is null ? Taken(request) : TypedResults.Created($"/api/canned-replies/{created.Id}", created);
    }

    private static async Task<Results<Ok<CannedReplyView>, ProblemHttpResult>> UpdateAsync(long id, CannedReplyRequest request, CannedReplyStore store,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (await Editable(id, store, user, ct) is not { } existing) return NotFound(id);
        if (existing.Shared != request.Shared)
            return Problem(400, "canned.shared-fixed", "Cannot move", "A reply stays shared or personal; create a new one instead.");
        if (Check(request, user) is { } refused) return refused;
        if (!await store.UpdateAsync(id, Draft(request, user) with { Owner = existing.Owner }, user.Identity!.Name!, ct)) return Taken(request);
        return TypedResults.Ok((await store.GetAsync(id, ct))!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, CannedReplyStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await Editable(id, store, user, ct) is null) return NotFound(id);
        await store.DeleteAsync(id, user.Identity!.Name!, ct);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<RenderedReply>, ProblemHttpResult>> RenderAsync(long id, long caseId, CannedReplyStore store, CaseQueries cases,
        UserStore users, IntakeOptions intake, ClaimsPrincipal user, CancellationToken ct)
    {
        var reply = await store.GetAsync(id, ct);
        if (reply is null || (!reply.Shared && reply.Owner != user.Identity!.Name)) return NotFound(id);
        if (await cases.GetAsync(caseId.ToString(CultureInfo.InvariantCulture), ct) is not { } detail)
            return Problem(404, "canned.case-not-found", "No such case", $"Case {caseId} does not exist.");
        // The deadline the customer is waiting on: the case's next open clock, in the organisation's zone.
        var next = detail.Deadlines.Where(d => d.State == "pending").OrderBy(d => d.DueAt).FirstOrDefault();
        var deadline = next is null ? null : TimeZoneInfo.ConvertTime(next.DueAt, intake.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var agent = await users.FindAsync(user.Identity!.Name!, ct);
        var values = new CannedReplyValues(detail.Fields.ComplainantName ?? detail.Case.ComplainantName, detail.Case.Number, deadline, agent?.DisplayName);
        return TypedResults.Ok(CannedReplyTemplate.Render(reply.Text, reply.Language, values));
    }

    private static async Task<Results<Ok<IReadOnlyList<SettingChangeView>>, ProblemHttpResult>> ChangesAsync(
        SettingChanges changes, long? id, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > 500) return Problem(400, "query.limit-invalid", "Invalid limit", $"limit is 1-500 (got {limit}).");
        return TypedResults.Ok(await changes.ListAsync(SettingChanges.CannedReply, id, limit ?? 100, ct));
    }

    /// <summary>The reply if the caller may change it: shared ones for supervisors and admins, personal ones for their agent.</summary>
    private static async Task<CannedReplyView?> Editable(long id, CannedReplyStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var reply = await store.GetAsync(id, ct);
        if (reply is null) return null;
        if (reply.Shared) return user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin) ? reply : null;
        return reply.Owner == user.Identity!.Name ? reply : null;
    }

    private static ProblemHttpResult? Check(CannedReplyRequest request, ClaimsPrincipal user)
    {
        if (request.Shared && !user.IsInRole(Roles.Supervisor) && !user.IsInRole(Roles.Admin))
            return Problem(403, "canned.shared-supervisors", "Supervisors manage shared replies", "Only a supervisor or an admin creates or changes a shared reply.");
        var shortcut = request.Shortcut?.Trim() ?? "";
        if (shortcut.Length == 0 || !CannedReplyTemplate.IsShortcut(shortcut))
            return Problem(400, "canned.shortcut", "Invalid shortcut", $"shortcut is 1-{CannedReplyTemplate.MaxShortcutLength} letters, digits, '-' or '_' (got '{request.Shortcut}').");
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Trim().Length > CannedReplyTemplate.MaxTitleLength)
            return Problem(400, "canned.title", "Invalid title", $"title is 1-{CannedReplyTemplate.MaxTitleLength} characters.");
        if (request.Language is null || !CannedReplyTemplate.Languages.Contains(request.Language))
            return Problem(400, "canned.language", "Invalid language", $"language is zh-CN or en (got '{request.Language}').");
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > CannedReplyTemplate.MaxTextLength)
            return Problem(400, "canned.text", "Invalid text", $"text is 1-{CannedReplyTemplate.MaxTextLength} characters.");
        var unknown = CannedReplyTemplate.UnknownVariables(request.Text);
        if (unknown.Count > 0)
            return TypedResults.Problem($"Unknown variables: {string.Join(", ", unknown.Select(v => "{" + v + "}"))}; known: {string.Join(", ", CannedReplyTemplate.Variables.Select(v => "{" + v + "}"))}.",
                statusCode: 400, title: "Unknown variable",
                extensions: ApiProblem.Code("canned.unknown-variable", ("variables", unknown)));
        return null;
    }

    private static CannedReplyDraft Draft(CannedReplyRequest request, ClaimsPrincipal user) =>
        new(request.Shortcut!.Trim(), request.Title!.Trim(), request.Language!, request.Text!.Trim(), request.Shared ? null : user.Identity!.Name!);

    private static ProblemHttpResult Taken(CannedReplyRequest request) =>
        Problem(409, "canned.shortcut-taken", "Shortcut taken", $"There is already a {(request.Shared ? "shared" : "personal")} reply '{request.Shortcut}' in {request.Language}.");

    private static ProblemHttpResult NotFound(long id) => Problem(404, "canned.not-found", "No such reply", $"Canned reply {id} does not exist or is not yours to change.");

    private static ProblemHttpResult Problem(int status, string code, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: ApiProblem.Code(code));
}
