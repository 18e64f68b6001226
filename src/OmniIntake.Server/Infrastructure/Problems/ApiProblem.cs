using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OmniIntake.Server.Infrastructure.Problems;

/// <summary>
/// Every refusal the APIs answer with: RFC 9457 problem details carrying a stable <c>code</c> (and its <c>args</c>) that the
/// workspace renders from its catalogs in the user's language (issue 14.2: the server speaks codes). The title and detail
/// stay English for logs and API users; no page shows them.
/// </summary>
public static class ApiProblem
{
    public static ProblemHttpResult Of(int status, string code, string title, string detail, IReadOnlyDictionary<string, object?>? args = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: Code(code, args));

    /// <summary>The extensions of a problem made with TypedResults.Problem directly: its stable code (and arguments).</summary>
    public static Dictionary<string, object?> Code(string code, IReadOnlyDictionary<string, object?>? args = null)
    {
        Debug.Assert(ProblemCodes.IsKnown(code), $"Problem code '{code}' is not in ProblemCodes.All (and the catalogs).");
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (args is { Count: > 0 }) extensions["args"] = args;
        return extensions;
    }

    /// <summary>A code with further top-level members a page reads (the form field it concerns, the limit that refused it).</summary>
    public static Dictionary<string, object?> Code(string code, (string Key, object? Value) extra, params (string Key, object? Value)[] more)
    {
        var extensions = Code(code);
        foreach (var (key, value) in more.Prepend(extra)) extensions[key] = value;
        return extensions;
    }

    /// <summary>The code a problem written without one (the framework's own 404/405, an auth challenge) answers with.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => "http.bad-request",
        401 => "http.unauthorized",
        403 => "http.forbidden",
        404 => "http.not-found",
        405 => "http.method-not-allowed",
        409 => "http.conflict",
        413 => "http.too-large",
        415 => "http.unsupported-media-type",
        429 => "http.too-many-requests",
        503 => "http.unavailable",
        _ => status >= 500 ? "http.server-error" : "http.bad-request",
    };

    /// <summary>Gives a problem the services write (exception handlers, status pages) the code for its status when it has none.</summary>
    public static void AddCode(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!problem.Extensions.ContainsKey("code"))
            problem.Extensions["code"] = ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
    }
}
