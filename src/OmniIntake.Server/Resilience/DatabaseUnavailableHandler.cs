using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using OmniIntake.Core.Resilience;

namespace OmniIntake.Server.Resilience;

/// <summary>
/// A request that failed because the database is away is answered 503 with Retry-After, as ProblemDetails, not 500
/// (issue 12, item 5): Twilio, mail servers and API clients retry on that. One line in the log, no stack trace.
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseUnavailable.Is(exception)) return false;
        logger.LogWarning("{Method} {Path} answered 503: the database is unavailable ({Error}).", httpContext.Request.Method, httpContext.Request.Path,
            TransientFailure.Describe(exception));
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                Title = "Temporarily unavailable",
                // Never the driver's message: it may name hosts and files.
                Detail = $"The database cannot be reached right now; try again in {DatabaseUnavailable.RetryAfterSeconds} seconds.",
                Extensions = { ["code"] = "database.unavailable" },
            },
        });
    }
}

/// <summary>The same for the chat widget's hub calls: a message the customer can act on instead of SignalR's generic error.</summary>
public sealed class DatabaseUnavailableHubFilter(ILogger<DatabaseUnavailableHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception ex) when (DatabaseUnavailable.Is(ex))
        {
            logger.LogWarning("Hub call {Method} refused: the database is unavailable ({Error}).", invocationContext.HubMethodName,
                TransientFailure.Describe(ex));
            throw new HubException(
                $"The service is temporarily unavailable; try again in {DatabaseUnavailable.RetryAfterSeconds} seconds.");
        }
    }
}

public static class DatabaseUnavailableExtensions
{
    /// <summary>503 + Retry-After for HTTP, a retry message for hub calls, whenever the database is away.</summary>
    public static void AddDatabaseUnavailableAnswers(this IServiceCollection services)
    {
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddSingleton<DatabaseUnavailableHubFilter>();
        services.Configure<HubOptions>(o => o.AddFilter<DatabaseUnavailableHubFilter>());
    }
}
