using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Data;
using OmniIntake.Data.Health;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Health;

public static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        // Live: the process answers.
        app.MapGet("/healthz", () => TypedResults.Text("ok")).AllowAnonymous().WithTags("Health");
        // Ready: the database answers and takes a write.
        app.MapGet("/readyz", ReadyAsync).AllowAnonymous().WithTags("Health");
        // The channels: a mailbox that cannot be read says so here (JSON per check; 503 when any is unhealthy).
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJsonAsync }).AllowAnonymous();
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        });
    }

    /// <summary>Ready: a complaint can be taken in now, so the database answers AND takes a write (issue 12, item 6).</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReadyAsync(Database database, TimeProvider clock,
        ILoggerFactory logs, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await ReadinessProbe.WriteAsync(database, clock.GetUtcNow(), timeout.Token);
            return TypedResults.Text("ready");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or OperationCanceledException or TimeoutException
                                       or System.Net.Sockets.SocketException or IOException)
        {
            logs.CreateLogger("OmniIntake.Server.Health.Readiness").LogWarning("Not ready: the database cannot take a write ({Error}).",
                OmniIntake.Core.Resilience.TransientFailure.Describe(ex));
            return TypedResults.Problem($"The database cannot take a complaint now: {ex.Message}", statusCode: 503, title: "Not ready", extensions: ApiProblem.Code("health.not-ready"));
        }
    }
}
