using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Data.Reports;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Supervision;

/// <summary>GET /api/board/cases: what a tile or a cell of the board opens (issue 14 item 5: the board's buckets open their cases).</summary>
public static class BoardCasesApi
{
    private static readonly Dictionary<string, BoardBucket> Buckets = new(StringComparer.Ordinal)
    {
        ["open"] = BoardBucket.Open, ["inWindow"] = BoardBucket.InWindow, ["atRisk"] = BoardBucket.AtRisk,
        ["breached"] = BoardBucket.Breached, ["awaitingAnswer"] = BoardBucket.AwaitingAnswer,
    };

    public static async Task<Results<Ok<IReadOnlyList<BoardCase>>, ProblemHttpResult>> ListAsync(string? bucket, string? channel, string? department,
        string? agent, int? limit, BoardCases cases, CancellationToken ct)
    {
        if (!Buckets.TryGetValue(bucket ?? "open", out var chosen))
            return TypedResults.Problem($"bucket is one of {string.Join(", ", Buckets.Keys)} (got '{bucket}').", statusCode: 400, title: "Invalid bucket",
                extensions: ApiProblem.Code("board.case-bucket-invalid"));
        var n = limit ?? 200;
        if (n is < 1 or > 500)
            return TypedResults.Problem($"limit is 1-500 (got {n}).", statusCode: 400, title: "Invalid limit", extensions: ApiProblem.Code("query.limit-invalid"));
        var filter = new BoardFilter(Blank(channel), Blank(department), Blank(agent));
        return TypedResults.Ok(await cases.ListAsync(chosen, filter, n, ct));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
