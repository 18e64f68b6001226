using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Infrastructure;

namespace OmniIntake.Server.Queue;

/// <summary>
/// The agent's queue in pages (issue 14 item 6): every open case, however many, sorted by the deadline it owes next; the
/// workspace reads the first page and fetches the next as the agent scrolls. GET /api/cases?open=true stays as it was
/// (newest first, at most 500) for its other callers.
/// </summary>
public static class QueueApi
{
    public const int DefaultLimit = 200;

    public static void AddQueuePages(this WebApplicationBuilder builder) => builder.Services.AddSingleton<QueuePages>();

    public static void MapQueueApi(this WebApplication app) =>
        app.MapGet("/api/cases/queue", ReadAsync)
            .WithTags("Cases").WithName("GetQueuePage")
            .WithSummary("One page of the agent's queue: open cases by the deadline they owe next, with the total and the next page's cursor.")
            .RequireAuthorization(Policies.Agents);

    /// <param name="after">The <c>next</c> cursor of the previous page; none for the first.</param>
    /// <param name="assignee">all (default), mine (held by the caller) or unassigned.</param>
    private static async Task<Results<Ok<QueuePage>, ProblemHttpResult>> ReadAsync(QueuePages pages, ClaimsPrincipal user,
        string? after, int? limit, string? assignee, CancellationToken ct)
    {
        QueueCursor? cursor = null;
        if (after is not null)
        {
            if (!QueueCursor.TryParse(after, out var parsed))
                return ApiResults.Problem(400, "queue.cursor-invalid", "Invalid cursor", "after must be the next cursor of a previous page.");
            cursor = parsed;
        }
        if (limit is < 1 or > QueuePages.MaxLimit)
            return ApiResults.Problem(400, "query.limit-invalid", "Invalid limit", $"limit is 1-{QueuePages.MaxLimit} (got {limit}).");
        if (assignee is not (null or "all" or "mine" or "unassigned"))
            return ApiResults.Problem(400, "queue.assignee-invalid", "Invalid assignee", $"assignee is all, mine or unassigned (got '{assignee}').");
        var filter = new QueueFilter
        {
            After = cursor, Limit = limit ?? DefaultLimit,
            ClaimedBy = assignee == "mine" ? user.Identity!.Name : null, Unclaimed = assignee == "unassigned",
        };
        return TypedResults.Ok(await pages.ReadAsync(filter, ct));
    }
}
