using System.Globalization;
using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Policy;
using OmniIntake.Data.Calendar;
using OmniIntake.Data.Deadlines;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Policy;

public sealed record SetCalendarDayRequest(bool Working, string Name);

public sealed record CalendarDayChanged(string Day, bool Working, string Name, string RecomputeJobId);

public sealed record CalendarView(string TimeZone, IReadOnlyList<CalendarDayView> AdminDays, IReadOnlyList<CalendarDayView> Changes,
    IReadOnlyList<int> ShippedYears);

public static class CalendarApi
{
    public static void MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/calendar").WithTags("Policy");
        calendar.MapGet("/", GetAsync).RequireAuthorization(Policies.Supervisors).WithName("GetCalendar").WithSummary("For a supervisor: the working calendar (working days, holidays and hours) the deadlines are counted on.");
        calendar.MapPut("/days/{day}", SetDayAsync).RequireAuthorization(Policies.Admins).WithName("SetCalendarDay").WithSummary("For an admin: makes one date a working day or a day off; open deadlines are recounted.");
    }

    private static async Task<Ok<CalendarView>> GetAsync(CalendarStore store, CalendarHolder holder, CancellationToken ct) =>
        TypedResults.Ok(new CalendarView(holder.Current.Zone.Id, await store.ListAsync(ct), await store.ChangesAsync(ct),
            Core.Calendar.ChinaHolidays.Years));

    /// <summary>
    /// Makes a day a holiday or a working day (a new State Council notice, a company day off); the open forwarding
    /// deadlines are then recomputed by a durable job, each move audited on its case.
    /// </summary>
    private static async Task<Results<Accepted<CalendarDayChanged>, ProblemHttpResult>> SetDayAsync(string day, SetCalendarDayRequest request,
        CalendarStore store, CalendarHolder holder, IBackgroundJobClient jobs, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return TypedResults.Problem($"day must be a date as yyyy-MM-dd (got '{day}').", statusCode: 400, title: "Invalid day", extensions: ApiProblem.Code("calendar.day-invalid"));
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
            return TypedResults.Problem("name (1-100 characters) says why, e.g. 国庆节 or 公司年会.", statusCode: 400, title: "Invalid name", extensions: ApiProblem.Code("calendar.name-invalid"));
        await store.SetAsync(date, request.Working, request.Name.Trim(), user.Identity!.Name!, ct);
        await holder.ReloadAsync(ct);
        var reason = $"calendar: {day} made {(request.Working ? "a working day" : "a day off")} ({request.Name.Trim()}) by {user.Identity!.Name}";
        var jobId = jobs.Enqueue<CalendarRecomputeJob>(job => job.RunAsync(user.Identity!.Name!, reason, CancellationToken.None));
        return TypedResults.Accepted($"/api/calendar", new CalendarDayChanged(day, request.Working, request.Name.Trim(), jobId));
    }
}

/// <summary>Recomputes the open deadlines on the calendar in force (a Hangfire job: durable, retried).</summary>
public sealed class CalendarRecomputeJob(CalendarHolder holder, IDeadlinePolicy policy, DeadlineRecomputation recomputation,
    ILogger<CalendarRecomputeJob> logger)
{
    public async Task RunAsync(string actor, string reason, CancellationToken cancellationToken)
    {
        await holder.ReloadAsync(cancellationToken);
        var (checkedCount, moved) = await recomputation.RecomputeAsync(policy, actor, reason, cancellationToken);
        logger.LogInformation("Calendar change: {Checked} open forwarding deadlines checked, {Moved} moved ({Reason}).", checkedCount, moved, reason);
    }
}
