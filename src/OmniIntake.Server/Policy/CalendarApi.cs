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

/// <summary>An official holiday (Working false) or make-up working day (true) shipped with the hub.</summary>
/// <param name="Holiday">Which holiday it belongs to, as a stable code the workspace names in the user's language
/// (new-year, spring-festival, qingming, labour-day, dragon-boat, mid-autumn, national-day, mid-autumn-national-day,
/// victory-day, other); a make-up working day belongs to the holiday it makes up for.</param>
public sealed record OfficialDay(string Day, bool Working, string Holiday = "other");

/// <param name="OfficialDays">The shipped holidays and make-up working days in force (none when Calendar:ChinaHolidays is off),
/// so a month grid can show them beside the organisation's own.</param>
/// <param name="WorkingWeekdays">The ordinary working days of the week, 0 = Sunday … 6 = Saturday (Calendar:WorkingDays).</param>
public sealed record CalendarView(string TimeZone, IReadOnlyList<CalendarDayView> AdminDays, IReadOnlyList<CalendarDayView> Changes,
    IReadOnlyList<int> ShippedYears, IReadOnlyList<OfficialDay> OfficialDays, IReadOnlyList<int> WorkingWeekdays);

/// <summary>An admin's day undone: the date follows the official calendar again; open deadlines are recounted by the job.</summary>
public sealed record CalendarDayRemoved(string Day, string RecomputeJobId);

public static class CalendarApi
{
    public static void MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/calendar").WithTags("Policy");
        calendar.MapGet("/", GetAsync).RequireAuthorization(Policies.Supervisors).WithName("GetCalendar").WithSummary("For a supervisor: the working calendar (working days, holidays and hours) the deadlines are counted on.");
        calendar.MapDelete("/days/{day}", RemoveDayAsync).RequireAuthorization(Policies.Admins).WithName("RemoveCalendarDay")
            .WithSummary("For an admin: undoes the organisation's setting of one date (it follows the official calendar again); open deadlines are recounted.");
        calendar.MapPut("/days/{day}", SetDayAsync).RequireAuthorization(Policies.Admins).WithName("SetCalendarDay").WithSummary("For an admin: makes one date a working day or a day off; open deadlines are recounted.");
    }

    private static async Task<Ok<CalendarView>> GetAsync(CalendarStore store, CalendarHolder holder, CalendarOptions options, CancellationToken ct) =>
        TypedResults.Ok(new CalendarView(holder.Current.Zone.Id, await store.ListAsync(ct), await store.ChangesAsync(ct),
            Core.Calendar.ChinaHolidays.Years,
            options.ChinaHolidays
                ? Core.Calendar.ChinaHolidays.Days.OrderBy(d => d.Key)
                    .Select(d => new OfficialDay(d.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Value,
                        Core.Calendar.ChinaHolidays.Holidays.GetValueOrDefault(d.Key, "other"))).ToList()
                : [],
            (options.WorkingDays.Count > 0 ? options.WorkingDays : [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday])
                .Select(d => (int)d).Distinct().Order().ToList()));

    private static async Task<Results<Accepted<CalendarDayRemoved>, ProblemHttpResult>> RemoveDayAsync(string day, CalendarStore store,
        CalendarHolder holder, IBackgroundJobClient jobs, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return TypedResults.Problem($"day must be a date as yyyy-MM-dd (got '{day}').", statusCode: 400, title: "Invalid day", extensions: ApiProblem.Code("calendar.day-invalid"));
        if (!await store.RemoveAsync(date, user.Identity!.Name!, ct))
            return TypedResults.Problem($"The organisation has not set {day}.", statusCode: 404, title: "Day not set", extensions: ApiProblem.Code("calendar.day-not-set"));
        await holder.ReloadAsync(ct);
        // Each open clock is recounted from its own start on the calendar as it now is (policy: deadlines follow the calendar).
        var reason = $"calendar: {day} follows the official calendar again (undone by {user.Identity!.Name})";
        var jobId = jobs.Enqueue<CalendarRecomputeJob>(job => job.RunAsync(user.Identity!.Name!, reason, CancellationToken.None));
        return TypedResults.Accepted("/api/calendar", new CalendarDayRemoved(day, jobId));
    }

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
