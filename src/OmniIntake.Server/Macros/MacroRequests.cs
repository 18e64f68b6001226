using OmniIntake.Core.Macros;

namespace OmniIntake.Server.Macros;

/// <summary>A macro as a supervisor defines it: names in zh-CN and en, actions in the order they are applied.</summary>
public sealed record MacroRequest(string? NameZh, string? NameEn, IReadOnlyList<MacroAction>? Actions);

/// <summary>One step as the agent sees it before applying: what it will do to this case, with the reply already filled in.</summary>
public sealed record MacroStepPreview(int Step, string Kind)
{
    /// <summary>The reply as it will be sent (variables filled for the case) and the variables that had no value.</summary>
    public string? Text { get; init; }
    public IReadOnlyList<string>? Missing { get; init; }
    public string? Category { get; init; }
    public string? Class { get; init; }
    public long? DepartmentId { get; init; }
    public string? DepartmentName { get; init; }
    public string? WaitingFor { get; init; }
    public string? Note { get; init; }

    /// <summary>Forwarding and resolving are confirmed by the agent before the macro runs (issue 15 item 7).</summary>
    public bool NeedsConfirmation => Kind is MacroActionKinds.Forward or MacroActionKinds.Resolve;
}

public sealed record MacroPreview(long MacroId, string NameZh, string NameEn, IReadOnlyList<MacroStepPreview> Steps);

/// <summary>One applied step.</summary>
public sealed record MacroStepDone(int Step, string Kind);

/// <summary>The macro ran to its end: every step applied, in order.</summary>
public sealed record MacroRun(long MacroId, long CaseId, IReadOnlyList<MacroStepDone> Applied);
