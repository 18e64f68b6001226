using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Channels.Forum.Polling;
using OmniIntake.Channels.Forum.Setup;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Channels;

/// <summary>A configured forum source as the channels page lists it (its URL is left out: it may carry a token).</summary>
public sealed record ForumSourceView(string Name, string Kind, bool Scheduled, string Poller);

/// <summary>
/// "Poll now" for supervisors (issue 12: a source configured Scheduled: false could not be polled at all): GET
/// /api/channels/forum lists the configured sources, POST /api/channels/forum/{source}/poll reads one at once and
/// answers what the poll did (taken, ignored, set aside, error). Mapped inside the supervisors' channels group.
/// </summary>
public static class ForumPollApi
{
    public static void MapForumPollApi(this RouteGroupBuilder channels)
    {
        channels.MapGet("/forum", (ForumOptions options) => TypedResults.Ok(options.Sources
            .Select(s => new ForumSourceView(s.Name, s.Kind.ToString().ToLowerInvariant(), s.Scheduled, FeedPoller.PollerName(s))).ToList())).WithName("ListForumSources").WithSummary("For a supervisor: the forums the hub polls for complaints.");
        channels.MapPost("/forum/{source}/poll", PollNowAsync).WithName("PollForumNow").WithSummary("For a supervisor: polls one forum source now instead of waiting for its schedule.");
    }

    private static async Task<Results<Ok<FeedPollResult>, ProblemHttpResult>> PollNowAsync(string source, ForumPollJob job, ILoggerFactory logs,
        CancellationToken ct)
    {
        var result = await job.PollNowAsync(source, ct);
        if (result is null) return TypedResults.Problem($"There is no forum source named '{source}'.", statusCode: 404, title: "Not found", extensions: ApiProblem.Code("forum.source-not-found"));
        logs.CreateLogger(typeof(ForumPollApi)).LogInformation("Forum source {Source} polled now by a supervisor: {Taken} taken, {SetAside} set aside, error: {Error}",
            source, result.Taken, result.SetAside, result.Error ?? "none");
        // Another process holds the source's lease: nothing was read here, say so rather than an empty success.
        return result.Error == "polled elsewhere"
            ? TypedResults.Problem("The source is being polled by another process right now; try again in a moment.", statusCode: 409, title: "Busy", extensions: ApiProblem.Code("forum.source-busy"))
            : TypedResults.Ok(result);
    }
}
