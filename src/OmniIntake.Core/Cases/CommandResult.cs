namespace OmniIntake.Core.Cases;

public enum CommandOutcome
{
    Done,
    NotFound,
    Conflict,
    Invalid,
}

/// <summary>The answer of a case command: expected refusals are results, not exceptions.</summary>
public sealed record CommandResult(CommandOutcome Outcome, string? Error = null)
{
    public static CommandResult Done { get; } = new(CommandOutcome.Done);

    public static CommandResult NotFound(string what) => new(CommandOutcome.NotFound, what);

    public static CommandResult Conflict(string why) => new(CommandOutcome.Conflict, why);

    public static CommandResult Invalid(string why) => new(CommandOutcome.Invalid, why);

    public bool IsDone => Outcome == CommandOutcome.Done;
}
