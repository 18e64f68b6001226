using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OmniIntake.Core.CannedReplies;
using OmniIntake.Core.Macros;
using OmniIntake.Data.CannedReplies;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Departments;
using OmniIntake.Data.Macros;
using OmniIntake.Data.Settings;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Macros;

/// <summary>
/// Macros (issue 15 item 7; Zammad and Zendesk macros): GET/POST /api/macros, PUT/DELETE /api/macros/{id} and
/// GET /api/macros/changes (supervisors and admins define the shared macros; agents list them);
/// GET /api/cases/{caseId}/macros/{id}/preview and POST /api/cases/{caseId}/macros/{id}/apply (agents, on a case).
/// </summary>
public static class MacrosApi
{
    public static void AddMacros(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MacroStore>();
        builder.Services.AddSingleton<MacroRunner>();
        builder.Services.TryAddSingleton<SettingChanges>();
    }

    public static void MapMacrosApi(this WebApplication app)
    {
        var macros = app.MapGroup("/api/macros").WithTags("Macros").RequireAuthorization(Policies.Agents);
        macros.MapGet("/", async (MacroStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct)))
            .WithName("ListMacros").WithSummary("The shared macros, by their Chinese name");
        macros.MapPost("/", CreateAsync).RequireAuthorization(Policies.Supervisors).WithName("CreateMacro").WithSummary("Define a macro (supervisors)");
        macros.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(Policies.Supervisors).WithName("UpdateMacro").WithSummary("Change a macro (supervisors)");
        macros.MapDelete("/{id:long}", DeleteAsync).RequireAuthorization(Policies.Supervisors).WithName("DeleteMacro").WithSummary("Delete a macro (supervisors)");
        macros.MapGet("/changes", ChangesAsync).RequireAuthorization(Policies.Supervisors)
            .WithName("MacroChanges").WithSummary("The audit trail of macro changes, newest first");
        var onCase = app.MapGroup("/api/cases/{caseId:long}/macros").WithTags("Macros").RequireAuthorization(Policies.Agents);
        onCase.MapGet("/{id:long}/preview", PreviewAsync).WithName("PreviewMacro").WithSummary("What a macro will do to this case, the reply filled in");
        onCase.MapPost("/{id:long}/apply", ApplyAsync).WithName("ApplyMacro")
            .WithSummary("Apply a macro's actions to the case in order, each as its single action; stops at the first refusal");
    }

    private static async Task<Results<Created<MacroView>, ProblemHttpResult>> CreateAsync(MacroRequest request, MacroStore store, CannedReplyStore replies,
        CategoryStore categories, DepartmentStore departments, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await CheckAsync(request, replies, categories, departments, ct) is { } refused) return refused;
        var created = await store.CreateAsync(Draft(request), user.Identity!.Name!, ct);
        return TypedResults.Created($"/api/macros/{created.Id}", created);
    }

    private static async Task<Results<Ok<MacroView>, ProblemHttpResult>> UpdateAsync(long id, MacroRequest request, MacroStore store, CannedReplyStore replies,
        CategoryStore categories, DepartmentStore departments, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await CheckAsync(request, replies, categories, departments, ct) is { } refused) return refused;
        return await store.UpdateAsync(id, Draft(request), user.Identity!.Name!, ct) is { } updated ? TypedResults.Ok(updated) : NotFound(id);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, MacroStore store, ClaimsPrincipal user, CancellationToken ct) =>
        await store.DeleteAsync(id, user.Identity!.Name!, ct) ? TypedResults.NoContent() : NotFound(id);

    private static async Task<Results<Ok<IReadOnlyList<SettingChangeView>>, ProblemHttpResult>> ChangesAsync(SettingChanges changes, long? id, int? limit,
        CancellationToken ct)
    {
        if (limit is < 1 or > 500) return Problem(400, "query.limit-invalid", "Invalid limit", $"limit is 1-500 (got {limit}).");
        return TypedResults.Ok(await changes.ListAsync(SettingChanges.Macro, id, limit ?? 100, ct));
    }

    private static async Task<Results<Ok<MacroPreview>, ProblemHttpResult>> PreviewAsync(long caseId, long id, MacroStore store, MacroRunner runner,
        CaseQueries cases, DepartmentStore departments, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } macro) return NotFound(id);
        if (await cases.GetAsync(caseId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct) is null)
            return Problem(404, "case.not-found", "No such case", $"Case {caseId} does not exist.");
        var names = (await departments.ListAsync(ct)).ToDictionary(d => d.Id, d => d.Name);
        var steps = new List<MacroStepPreview>();
        for (var i = 0; i < macro.Actions.Count; i++)
        {
            var action = macro.Actions[i];
            var step = new MacroStepPreview(i + 1, action.Kind)
            {
                Category = action.Category, Class = action.Class, DepartmentId = action.DepartmentId, WaitingFor = action.WaitingFor, Note = action.Note,
                DepartmentName = action.DepartmentId is { } d && names.TryGetValue(d, out var name) ? name : null,
            };
            if (action.Kind == MacroActionKinds.Reply)
            {
                // The preview shows the reply exactly as it will be sent; a reply that cannot be rendered is said now.
                if (await runner.RenderAsync(action.CannedReplyId!.Value, caseId, user, ct) is not Ok<RenderedReply> { Value: { } rendered })
                    return Problem(409, "macro.reply-unknown", "Reply gone", $"Step {i + 1}: canned reply {action.CannedReplyId} no longer exists.", i + 1);
                step = step with { Text = rendered.Text, Missing = rendered.Missing };
            }
            steps.Add(step);
        }
        return TypedResults.Ok(new MacroPreview(macro.Id, macro.NameZh, macro.NameEn, steps));
    }

    private static async Task<Results<Ok<MacroRun>, ProblemHttpResult>> ApplyAsync(long caseId, long id, MacroStore store, MacroRunner runner,
        ClaimsPrincipal user, ILoggerFactory logs, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } macro) return NotFound(id);
        var outcome = await runner.ApplyAsync(macro, caseId, user, ct);
        var refusedCode = outcome.Problem?.ProblemDetails.Extensions.TryGetValue("code", out var c) == true ? c as string : null;
        // A case that does not exist is refused by the first step with nothing written: no audit record to attach.
        if (outcome.Applied.Count > 0 || refusedCode is not ("command.not-found" or "case.not-found"))
            await store.RecordRunAsync(caseId, user.Identity!.Name!, new
            {
                macroId = macro.Id, macro.NameZh, macro.NameEn, applied = outcome.Applied.Select(s => s.Kind),
                refused = outcome.Refused is { } r ? new { r.Step, r.Kind, code = refusedCode } : null,
            }, ct);
        if (outcome.Refused is not { } refused)
            return TypedResults.Ok(new MacroRun(macro.Id, caseId, outcome.Applied));
        logs.CreateLogger(typeof(MacrosApi)).LogInformation("Macro {MacroId} on case {CaseId} stopped at step {Step} ({Kind}): {Code}",
            macro.Id, caseId, refused.Step, refused.Kind, refusedCode);
        // Say which step was refused and why (the single action's own problem), and that the steps before it stay applied.
        var problem = outcome.Problem!.ProblemDetails;
        var status = problem.Status ?? 409;
        return TypedResults.Problem(
            $"Step {refused.Step} ({refused.Kind}) was refused: {problem.Detail} Steps applied before it stay applied: {(outcome.Applied.Count == 0 ? "none" : string.Join(", ", outcome.Applied.Select(s => s.Kind)))}.",
            statusCode: status, title: "Macro stopped",
            extensions: ApiProblem.Code("macro.step-refused", ("args", new Dictionary<string, object?> { ["step"] = refused.Step }),
                ("step", (object?)refused.Step), ("kind", refused.Kind), ("stepCode", refusedCode),
                ("stepArgs", problem.Extensions.TryGetValue("args", out var stepArgs) ? stepArgs : null),
                ("applied", outcome.Applied.Select(s => s.Kind).ToList())));
    }

    /// <summary>The definition's shape (MacroRules), then what it names: a shared canned reply, a configured category, a department.</summary>
    private static async Task<ProblemHttpResult?> CheckAsync(MacroRequest request, CannedReplyStore replies, CategoryStore categories,
        DepartmentStore departments, CancellationToken ct)
    {
        if (MacroRules.Check(request.NameZh, request.NameEn, request.Actions) is { } shape)
            return Problem(400, shape.Code, "Invalid macro", shape.Detail, shape.Step);
        var actions = request.Actions!;
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var step = i + 1;
            switch (action.Kind)
            {
                // A macro is shared: its reply is a shared one (an agent's personal reply is theirs alone).
                case MacroActionKinds.Reply when await replies.GetAsync(action.CannedReplyId!.Value, ct) is not { Shared: true }:
                    return Problem(400, "macro.reply-unknown", "Unknown reply", $"Step {step}: shared canned reply {action.CannedReplyId} does not exist.", step);
                case MacroActionKinds.Category when (await categories.ListAsync(ct)).All(c => c.Code != action.Category!.Trim()):
                    return Problem(400, "macro.category-unknown", "Unknown category", $"Step {step}: category '{action.Category}' is not configured.", step);
                case MacroActionKinds.Forward when (await departments.ListAsync(ct)).All(d => d.Id != action.DepartmentId):
                    return Problem(400, "macro.department-unknown", "Unknown department", $"Step {step}: department {action.DepartmentId} does not exist.", step);
            }
        }
        return null;
    }

    private static MacroDraft Draft(MacroRequest request) => new(request.NameZh!.Trim(), request.NameEn!.Trim(), MacroRules.Normalise(request.Actions!));

    private static ProblemHttpResult NotFound(long id) => Problem(404, "macro.not-found", "No such macro", $"Macro {id} does not exist.");

    private static ProblemHttpResult Problem(int status, string code, string title, string detail, int? step = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title,
            extensions: step is { } s ? ApiProblem.Code(code, ("args", new Dictionary<string, object?> { ["step"] = s }), ("step", (object?)s)) : ApiProblem.Code(code));
}
