using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Calendar;
using OmniIntake.Core.Intake;
using OmniIntake.Data.Reports;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Supervision;

/// <summary>The board's live picture with who is online (usernames; OnlinePeople adds the names people see).</summary>
public sealed record BoardView(Board Board, IReadOnlyList<string> Online, IReadOnlyList<OmniIntake.Data.Accounts.OnlinePerson> OnlinePeople);

/// <summary>One bucket of the trend charts: the indicators of the cases received in [From, To].</summary>
public sealed record TrendPoint(DateOnly From, DateOnly To, long Cases, ReportIndicators Indicators)
{
    /// <summary>Received, forwarded and answered in time / late, of the channel and department asked for (the board's charts).</summary>
    public TrendFlow Flow { get; init; } = TrendFlow.None;
}

/// <summary>GET /supervisor (a redirect to the workspace's board, /app/board), /api/board (now) and /api/board/trends (over time); supervisors and admins.</summary>
public static class SupervisionApi
{
    public static void AddSupervision(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OmniIntake.Data.Accounts.PresenceStore>();
        builder.Services.AddSingleton<Presence>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Presence>());
        builder.Services.AddSingleton<BoardQueries>();
        builder.Services.AddSingleton<TrendQueries>();
        builder.Services.AddSingleton<TrendFlowQueries>();
        builder.Services.AddSingleton<BoardCases>();
    }

    public static void MapSupervision(this WebApplication app)
    {
        // These pages are for their roles only (not static files): anyone else is sent to the sign-in page.
        // Issue 14: the old board page is retired; its trends live on the workspace's board now.
        app.MapGet("/supervisor", () => TypedResults.Redirect("/app/board")).AllowAnonymous().ExcludeFromDescription();
        MapPage(app, "/channels.html", "channels.html", Policies.Supervisors);
        // Issue 14: users and the calendar moved into the workspace; the old admin page's address leads there.
        app.MapGet("/admin", () => TypedResults.Redirect("/app/admin")).RequireAuthorization(Policies.Admins).ExcludeFromDescription();
        var board = app.MapGroup("/api/board").WithTags("Supervision").RequireAuthorization(Policies.Supervisors);
        board.MapGet("/", async (BoardQueries queries, Presence presence, CancellationToken ct) =>
        {
            // One read of who is online: the usernames (kept for older clients) come from the same rows as the names.
            var people = await presence.OnlinePeopleAsync(ct);
            return TypedResults.Ok(new BoardView(await queries.NowAsync(ct), [.. people.Select(p => p.Username).Order(StringComparer.Ordinal)], people));
        }).WithName("GetBoard").WithSummary("For a supervisor: the live board: open cases by status, class and deadline, and who is online.");
        board.MapGet("/trends", TrendsAsync).WithName("GetTrends").WithSummary("For a supervisor: complaints received per day, week or month up to a chosen day, with the forwarding and answer deadlines met and missed (flow), optionally of one channel and one department.");
        board.MapGet("/cases", BoardCasesApi.ListAsync).WithName("ListBoardCases")
            .WithSummary("The open cases a bucket of the board counts (bucket: open, inWindow, atRisk, breached, awaitingAnswer), optionally of one row (channel, department code or \"(not forwarded)\", agent or \"(unclaimed)\"), the most urgent first.");
    }

    private static void MapPage(WebApplication app, string path, string file, string policy)
    {
        var page = Path.Combine(AppContext.BaseDirectory, "Pages", file);
        app.MapGet(path, () => TypedResults.PhysicalFile(page, "text/html; charset=utf-8")).RequireAuthorization(policy).ExcludeFromDescription();
    }

    /// <summary>
    /// day: the last N days; week: the last N weeks (Monday first); month: the last N months; N is 1-62. The last bucket
    /// holds <paramref name="to"/> (default today). Cases and Indicators count every channel and department; Flow counts
    /// the <paramref name="channel"/> and <paramref name="department"/> (code) asked for.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<TrendPoint>>, ProblemHttpResult>> TrendsAsync(string? by, int? count, DateOnly? to, string? channel,
        string? department, TrendQueries trends, TrendFlowQueries flows, IntakeOptions intake, TimeProvider clock, CancellationToken ct)
    {
        var n = count ?? (by == "month" ? 6 : by == "week" ? 8 : 14);
        if (n is < 1 or > 62) return TypedResults.Problem($"count is 1-62 (got {n}).", statusCode: 400, title: "Invalid count", extensions: ApiProblem.Code("board.count-invalid"));
        TrendGrain? grain = (by ?? "day") switch { "day" => TrendGrain.Day, "week" => TrendGrain.Week, "month" => TrendGrain.Month, _ => null };
        if (grain is null) return TypedResults.Problem($"by is day, week or month (got '{by}').", statusCode: 400, title: "Invalid bucket", extensions: ApiProblem.Code("board.bucket-invalid"));
        var today = LocalDays.Of(clock.GetUtcNow(), intake.Zone);
        var last = to is { } chosen && chosen < today ? chosen : today;
        var buckets = await trends.TrendAsync(grain.Value, n, last, intake.Zone, ct);
        var flow = await flows.FlowAsync([.. buckets.Select(b => (b.From, b.ToExclusive))], intake.Zone,
            new TrendFilter(string.IsNullOrWhiteSpace(channel) ? null : channel, string.IsNullOrWhiteSpace(department) ? null : department), ct);
        var points = buckets.Select((b, i) => new TrendPoint(b.From, b.ToExclusive.AddDays(-1), b.Cases, b.Indicators) { Flow = flow[i] }).ToList();
        return TypedResults.Ok<IReadOnlyList<TrendPoint>>(points);
    }
}
