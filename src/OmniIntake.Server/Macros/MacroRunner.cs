using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Attachments;
using OmniIntake.Core.CannedReplies;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Macros;
using OmniIntake.Data.Accounts;
using OmniIntake.Data.CannedReplies;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Macros;
using OmniIntake.Server.CannedReplies;
using OmniIntake.Server.Cases;

namespace OmniIntake.Server.Macros;

/// <summary>How a run ended: the steps applied, and the step refused (with the problem its single action answered) if any.</summary>
public sealed record MacroOutcome(IReadOnlyList<MacroStepDone> Applied, MacroStepDone? Refused, ProblemHttpResult? Problem);

/// <summary>
/// Applies a macro to a case (issue 15 item 7): its steps in order, each through the endpoint handler of its single
/// action (CaseApi, PauseApi, CannedRepliesApi), so each has the same permission checks, the same refusals with their
/// codes and the same audit entries and events as when an agent clicks it. Each step commits on its own; the first
/// refusal stops the run and the steps before it stay applied. Not all-or-nothing: each single action is its own
/// transaction (a reply's outbox row, a forward's clocks), and one shared transaction would need a second copy of
/// every path, which is what "audited as the individual actions" rules out.
/// </summary>
public sealed class MacroRunner(CaseCommands commands, CasePauses pauses, IAttachmentStore files, CannedReplyStore replies, CaseQueries cases,
    UserStore users, IntakeOptions intake)
{
    public async Task<MacroOutcome> ApplyAsync(MacroView macro, long caseId, ClaimsPrincipal user, CancellationToken ct)
    {
        var applied = new List<MacroStepDone>();
        for (var i = 0; i < macro.Actions.Count; i++)
        {
            var step = new MacroStepDone(i + 1, macro.Actions[i].Kind);
            if (await ApplyStepAsync(macro, macro.Actions[i], caseId, user, ct) is { } refused) return new MacroOutcome(applied, step, refused);
            applied.Add(step);
        }
        return new MacroOutcome(applied, null, null);
    }

    private async Task<ProblemHttpResult?> ApplyStepAsync(MacroView macro, MacroAction action, long caseId, ClaimsPrincipal user, CancellationToken ct)
    {
        var reason = $"macro: {macro.NameZh}";
        IResult result = action.Kind switch
        {
            MacroActionKinds.Reply => await ReplyAsync(action.CannedReplyId!.Value, caseId, user, ct),
            MacroActionKinds.Category => (await CaseApi.ClassifyAsync(caseId, new ClassifyRequest(null, action.Category, reason), commands, user, ct)).Result,
            MacroActionKinds.Class => (await CaseApi.ClassifyAsync(caseId, new ClassifyRequest(action.Class, null, reason), commands, user, ct)).Result,
            MacroActionKinds.Forward => (await CaseApi.ForwardAsync(caseId, new ForwardRequest(action.DepartmentId!.Value, action.Note), commands, user, ct)).Result,
            MacroActionKinds.Pause => (await PauseApi.PauseAsync(caseId, new PauseRequest(action.Note, action.WaitingFor), pauses, user, ct)).Result,
            MacroActionKinds.Resolve => (await CaseApi.ResolveAsync(caseId, new ResolveRequest(action.Note), commands, user, ct)).Result,
            _ => throw new InvalidOperationException($"Macro {macro.Id} has an unknown action '{action.Kind}' (MacroRules let it through)."),
        };
        return result as ProblemHttpResult;
    }

    /// <summary>The reply step: the canned reply filled for the case exactly as the reply box's insertion does, then sent as a reply.</summary>
    private async Task<IResult> ReplyAsync(long cannedReplyId, long caseId, ClaimsPrincipal user, CancellationToken ct)
    {
        var rendered = await RenderAsync(cannedReplyId, caseId, user, ct);
        if (rendered is not Ok<RenderedReply> ok) return rendered;
        return (await CaseApi.ReplyAsync(caseId, new ReplyRequest(ok.Value!.Text), commands, user, files, ct)).Result;
    }

    /// <summary>The canned reply rendered for the case by its own endpoint's handler (Ok with the text, or its refusal).</summary>
    public async Task<IResult> RenderAsync(long cannedReplyId, long caseId, ClaimsPrincipal user, CancellationToken ct) =>
        (await CannedRepliesApi.RenderAsync(cannedReplyId, caseId, replies, cases, users, intake, user, ct)).Result;
}
