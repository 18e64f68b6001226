using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace OmniIntake.Server.Infrastructure;

/// <summary>
/// Issue 12 item 13: what any anonymous client can send (a body that cannot be read, a charset nobody knows) is a
/// refusal, not a fault: answered with ProblemDetails and logged as one line at Debug, never an error with a stack
/// trace, so a burst of bad requests cannot fill the log. Faults of our own still log in full.
/// </summary>
public static class ExpectedRefusals
{
    /// <summary>
    /// A body in a charset .NET does not know makes the JSON reader throw an InvalidOperationException (a 500 with a
    /// stack trace, once per request); refused here with 415 before any endpoint reads it.
    /// </summary>
    public static async Task RefuseUnknownCharsetAsync(HttpContext context, RequestDelegate next)
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) && type.Charset.HasValue && !IsKnown(type.Charset.Value!))
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExpectedRefusals))
                .LogDebug("Refused a {Method} {Path} in the unknown charset {Charset}.", context.Request.Method, context.Request.Path, type.Charset.Value);
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = 415, Title = "Unsupported charset",
                    Detail = $"The body's charset '{type.Charset.Value}' is not supported; send UTF-8.",
                    Extensions = { ["code"] = "request.charset" },
                },
            });
            return;
        }
        await next(context);
    }

    private static bool IsKnown(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A request the server could not read (BadHttpRequestException: a truncated or oversized body...): its own status, one Debug line.</summary>
    internal sealed class BadRequestHandler(IProblemDetailsService problems, ILogger<BadRequestHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad) return false;
            logger.LogDebug("Refused a {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, bad.Message);
            context.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message, Extensions = { ["code"] = "request.unreadable" } },
            });
        }
    }
}
