using System.Net;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;

namespace OmniIntake.Server.Tests.Policy;

public sealed class CalendarChangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task NewHoliday_MovesTheOpenDeadlinesItAffects_AndIsAudited(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var admin = await host.ClientAsync(Roles.Admin);
        // A Tuesday evening far ahead, so the clock never overtakes the test: due Wednesday 10:00.
        var evening = await RegisterAtAsync(agent, "2099-03-03T20:00:00+08:00");
        var untouched = await RegisterAtAsync(agent, "2099-03-10T10:00:00+08:00");
        Assert.Equal(At("2099-03-04T10:00:00"), await ForwardDueAsync(agent, evening));

        var changed = await admin.PutAsJsonAsync("/api/calendar/days/2099-03-04", new { working = false, name = "公司周年庆" }, Ct);

        Assert.Equal(HttpStatusCode.Accepted, changed.StatusCode);
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(15),
            async () => await ForwardDueAsync(agent, evening) == At("2099-03-05T10:00:00") ? "moved" : null, "the recomputation");
        var detail = await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{evening}", Ct);
        var audit = Assert.Single(detail!.Audit, a => a.Action == "deadline.recomputed");
        Assert.Equal("admin", audit.Actor);
        Assert.Contains("公司周年庆", audit.Detail, StringComparison.Ordinal);
        Assert.Equal(At("2099-03-10T10:30:00"), await ForwardDueAsync(agent, untouched));
        var calendar = await admin.GetStringAsync("/api/calendar", Ct);
        Assert.Contains("\"updatedBy\":\"admin\"", calendar, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task UndoingADay_PutsTheDeadlinesBack_ListsTheOfficialDays_AndRefusesADayNeverSet(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var admin = await host.ClientAsync(Roles.Admin);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var evening = await RegisterAtAsync(agent, "2099-03-03T20:00:00+08:00");
        await admin.PutAsJsonAsync("/api/calendar/days/2099-03-04", new { working = false, name = "公司周年庆" }, Ct);
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(15),
            async () => await ForwardDueAsync(agent, evening) == At("2099-03-05T10:00:00") ? "moved" : null, "the recomputation");

        var bySupervisor = await supervisor.DeleteAsync("/api/calendar/days/2099-03-04", Ct);
        var undone = await admin.DeleteAsync("/api/calendar/days/2099-03-04", Ct);
        var again = await admin.DeleteAsync("/api/calendar/days/2099-03-04", Ct);
        var badDay = await admin.DeleteAsync("/api/calendar/days/2099-02-30", Ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Accepted, HttpStatusCode.NotFound, HttpStatusCode.BadRequest),
            (bySupervisor.StatusCode, undone.StatusCode, again.StatusCode, badDay.StatusCode));
        Assert.Contains("\"code\":\"calendar.day-not-set\"", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(15),
            async () => await ForwardDueAsync(agent, evening) == At("2099-03-04T10:00:00") ? "back" : null, "the recomputation after the undo");
        using var calendar = System.Text.Json.JsonDocument.Parse(await admin.GetStringAsync("/api/calendar", Ct));
        var root = calendar.RootElement;
        Assert.Equal(0, root.GetProperty("adminDays").GetArrayLength());
        // The change log keeps both the setting and its undo (the undo has an empty name).
        Assert.Equal(["公司周年庆", ""], root.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToArray());
        // 2026-10-01 is National Day (a holiday); 2026-09-20, a Sunday, is a make-up working day (State Council notice).
        var official = root.GetProperty("officialDays").EnumerateArray().ToDictionary(d => d.GetProperty("day").GetString()!, d => d.GetProperty("working").GetBoolean());
        Assert.False(official["2026-10-01"]);
        Assert.True(official["2026-09-20"]);
        // Each official day names its holiday as a code the workspace translates; a make-up day the holiday it makes up for.
        var holiday = root.GetProperty("officialDays").EnumerateArray().ToDictionary(d => d.GetProperty("day").GetString()!, d => d.GetProperty("holiday").GetString());
        Assert.Equal(("national-day", "spring-festival", "labour-day"), (holiday["2026-10-01"], holiday["2026-02-17"], holiday["2026-05-01"]));
        Assert.Equal([1, 2, 3, 4, 5], root.GetProperty("workingWeekdays").EnumerateArray().Select(d => d.GetInt32()).ToArray());
    }

    [Fact]
    public async Task OnlyAdmins_ChangeTheCalendar_AndBadDaysAreRefused()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        using var admin = await host.ClientAsync(Roles.Admin);

        var bySupervisor = await supervisor.PutAsJsonAsync("/api/calendar/days/2099-03-04", new { working = false, name = "x" }, Ct);
        var badDay = await admin.PutAsJsonAsync("/api/calendar/days/2099-02-30", new { working = false, name = "x" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, bySupervisor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);
    }

    private static DateTimeOffset At(string local) => DateTimeOffset.Parse(local + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> RegisterAtAsync(HttpClient agent, string receivedAt) =>
        (await agent.RegisterAsync(new
        {
            channel = "letter", text = "来信投诉", receivedAt = DateTimeOffset.Parse(receivedAt, System.Globalization.CultureInfo.InvariantCulture),
        })).Number;

    private static async Task<DateTimeOffset> ForwardDueAsync(HttpClient agent, string number) =>
        (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}"))!.Deadlines.Single(d => d.Kind == "forward").DueAt;
}
