using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Data;

namespace OmniIntake.Server.Health;

public static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        // Live: the process answers.
        app.MapGet("/healthz", () => TypedResults.Text("ok")).AllowAnonymous().WithTags("Health");
        // Ready: the database answers.
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

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReadyAsync(Database database, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var connection = await database.OpenAsync(timeout.Token);
            await connection.ExecuteScalarAsync(new CommandDefinition("SELECT 1", cancellationToken: timeout.Token));
            return TypedResults.Text("ready");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or OperationCanceledException or TimeoutException
                                       or System.Net.Sockets.SocketException)
        {
            return TypedResults.Problem($"The database is not reachable: {ex.Message}", statusCode: 503, title: "Not ready");
        }
    }
}
