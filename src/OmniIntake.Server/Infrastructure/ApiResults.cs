using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Cases;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Infrastructure;

/// <summary>How a command's outcome reads over HTTP: 204, or a problem with the reason.</summary>
public static class ApiResults
{
    public static Results<NoContent, ProblemHttpResult> From(CommandResult result) =>
        result.IsDone ? TypedResults.NoContent() : ProblemFor(result);

    /// <summary>The problem a command that was not done answers with.</summary>
    public static ProblemHttpResult ProblemFor(CommandResult result) => result.Outcome switch
    {
        CommandOutcome.NotFound => ApiProblem.Of(404, "command.not-found", "Not found", result.Error!),
        CommandOutcome.Conflict => ApiProblem.Of(409, "command.conflict", "Conflict", result.Error!),
        _ => ApiProblem.Of(400, "command.invalid", "Invalid request", result.Error!),
    };

    public static ProblemHttpResult Problem(int status, string code, string title, string detail) => ApiProblem.Of(status, code, title, detail);
}
