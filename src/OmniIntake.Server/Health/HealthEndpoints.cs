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
