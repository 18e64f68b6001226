using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Macros;

/// <summary>Why a macro definition is refused: a stable code, the step it concerns (1-based; null for the macro itself) and an English detail.</summary>
public sealed record MacroProblem(string Code, int? Step, string Detail);

/// <summary>
/// The shape of a macro a supervisor defines (issue 15 item 7): a name in zh-CN and in en, one to ten actions, each
/// kind at most once, pausing or resolving last (a case waiting or resolved takes no further step). Whether the
/// canned reply, category and department exist is checked against the database by the caller.
/// </summary>
public static class MacroRules
{
    public const int MaxNameLength = 80;
    public const int MaxActions = 10;
    public const int MaxNoteLength = 1000;

    public static MacroProblem? Check(string? nameZh, string? nameEn, IReadOnlyList<MacroAction>? actions)
    {
        if (string.IsNullOrWhiteSpace(nameZh) || nameZh.Trim().Length > MaxNameLength)
            return new MacroProblem("macro.name", null, $"nameZh is 1-{MaxNameLength} characters.");
        if (string.IsNullOrWhiteSpace(nameEn) || nameEn.Trim().Length > MaxNameLength)
            return new MacroProblem("macro.name", null, $"nameEn is 1-{MaxNameLength} characters.");
        if (actions is not { Count: > 0 } || actions.Count > MaxActions)
            return new MacroProblem("macro.actions", null, $"A macro has 1-{MaxActions} actions (got {actions?.Count ?? 0}).");
        for (var i = 0; i < actions.Count; i++)
        {
            var step = i + 1;
            var action = actions[i];
            if (!MacroActionKinds.All.Contains(action.Kind))
                return new MacroProblem("macro.action-kind", step, $"Step {step}: kind is one of {string.Join(", ", MacroActionKinds.All)} (got '{action.Kind}').");
            if (actions.Take(i).Any(a => a.Kind == action.Kind))
                return new MacroProblem("macro.action-twice", step, $"Step {step}: '{action.Kind}' is already an earlier step.");
            if (MacroActionKinds.EndsTheMacro(action.Kind) && i != actions.Count - 1)
                return new MacroProblem("macro.action-order", step, $"Step {step}: '{action.Kind}' must be the last step.");
            if (action.Note is { Length: > MaxNoteLength })
                return new MacroProblem("macro.action-invalid", step, $"Step {step}: the note is at most {MaxNoteLength} characters.");
            var missing = action.Kind switch
            {
                MacroActionKinds.Reply when action.CannedReplyId is null => "cannedReplyId",
                MacroActionKinds.Category when string.IsNullOrWhiteSpace(action.Category) => "category",
                MacroActionKinds.Class when !CaseClassNames.TryParse(action.Class, out _) => "class",
                MacroActionKinds.Forward when action.DepartmentId is null => "departmentId",
                MacroActionKinds.Pause when action.WaitingFor is not ("customer" or "expertise") => "waitingFor",
                // Pausing says what the case waits for (Case.PauseClocks), as the single action does.
                MacroActionKinds.Pause when string.IsNullOrWhiteSpace(action.Note) => "note",
                // Resolving always asks what was done (issue 14 item 4): a macro cannot resolve without it.
                MacroActionKinds.Resolve when string.IsNullOrWhiteSpace(action.Note) => "note",
                _ => null,
            };
            if (missing is not null)
                return new MacroProblem("macro.action-invalid", step, $"Step {step} ('{action.Kind}') needs a valid {missing}.");
        }
        return null;
    }

    /// <summary>The actions as stored: only the fields each kind uses, trimmed.</summary>
    public static IReadOnlyList<MacroAction> Normalise(IReadOnlyList<MacroAction> actions) =>
        actions.Select(a => new MacroAction
        {
            Kind = a.Kind,
            CannedReplyId = a.Kind == MacroActionKinds.Reply ? a.CannedReplyId : null,
            Category = a.Kind == MacroActionKinds.Category ? a.Category?.Trim() : null,
            Class = a.Kind == MacroActionKinds.Class ? a.Class?.Trim().ToLowerInvariant() : null,
            DepartmentId = a.Kind == MacroActionKinds.Forward ? a.DepartmentId : null,
            WaitingFor = a.Kind == MacroActionKinds.Pause ? a.WaitingFor : null,
            Note = a.Kind is MacroActionKinds.Forward or MacroActionKinds.Pause or MacroActionKinds.Resolve && !string.IsNullOrWhiteSpace(a.Note) ? a.Note.Trim() : null,
        }).ToList();
}
