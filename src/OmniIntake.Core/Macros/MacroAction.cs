namespace OmniIntake.Core.Macros;

/// <summary>The actions a macro can take, each the same as one of the case's single actions (issue 15 item 7).</summary>
public static class MacroActionKinds
{
    /// <summary>Reply to the customer with a shared canned reply, its variables filled for the case.</summary>
    public const string Reply = "reply";

    public const string Category = "category";

    /// <summary>Set the class (a supervisor's decision, PRODUCT.md 5.5: refused for agents as the single action is).</summary>
    public const string Class = "class";

    /// <summary>Forward to a department's complaint owner, with a note (policy 5.2.2).</summary>
    public const string Forward = "forward";

    /// <summary>Wait for the customer or for outside expertise: the pausable clocks stop (issue 13 item 4).</summary>
    public const string Pause = "pause";

    /// <summary>Resolve, with the resolution note that resolving always asks for (issue 14 item 4).</summary>
    public const string Resolve = "resolve";

    public static readonly IReadOnlyList<string> All = [Reply, Category, Class, Forward, Pause, Resolve];

    /// <summary>Actions after which nothing else of a macro makes sense: they end it.</summary>
    public static bool EndsTheMacro(string kind) => kind is Pause or Resolve;
}

/// <summary>
/// One step of a macro: <see cref="Kind"/> and the fields that kind needs (a flat record, so the list is plain JSON in
/// the database and in the workspace). <see cref="Note"/> is the forwarding note, the pause reason or the resolution note.
/// </summary>
public sealed record MacroAction
{
    public string Kind { get; init; } = "";
    public long? CannedReplyId { get; init; }
    public string? Category { get; init; }
    public string? Class { get; init; }
    public long? DepartmentId { get; init; }
    public string? WaitingFor { get; init; }
    public string? Note { get; init; }
}
