using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Cases;

namespace OmniIntake.Server.Infrastructure;

/// <summary>How a command's outcome reads over HTTP: 204, or a problem with the reason.</summary>
public static class ApiResults
{
    public static Results<NoContent, ProblemHttpResult> From(CommandResult result) =>
        result.IsDone ? TypedResults.NoContent() : ProblemFor(result);

    /// <summary>The problem a command that was not done answers with.</summary>
    public static ProblemHttpResult ProblemFor(CommandResult result) => result.Outcome switch
    {
        CommandOutcome.NotFound => Problem(404, "Not found", result.Error!),
        CommandOutcome.Conflict => Problem(409, "Conflict", result.Error!),
        _ => Problem(400, "Invalid request", result.Error!),
    };

    public static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}
