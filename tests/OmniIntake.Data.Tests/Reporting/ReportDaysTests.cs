using OmniIntake.Core.Calendar;
using OmniIntake.Core.Intake;
using OmniIntake.Data.Reports;
using OmniIntake.Data.Reports.Days;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Reporting;

/// <summary>
/// Issue 17 item 6: reports and trends sum stored per-day figures for finished days and count only the rest live; every
/// figure equals the live computation from the cases, also after an old case changes (before and after the minutely job
/// has seen the change).
/// </summary>
public sealed class ReportDaysTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeZoneInfo Zone = new IntakeOptions().Zone;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task StoredDays_GiveTheLiveFigures_BeforeAndAfterAnOldCaseChanges(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var water = (await h.Departments.CreateAsync("water", "供水", Ct))!;
        var roads = (await h.Departments.CreateAsync("roads", "道路", Ct))!;
        var day1 = LocalDays.Of(h.Clock.GetUtcNow(), Zone);
        // Day 1: a customer's case forwarded and resolved, the same customer again, another customer by e-mail.
        var first = await h.Intake.AcceptAsync(h.Sms("+8613800138001", "停水三天"), Ct);
        await h.Commands.ForwardAsync(first.CaseId, water.Id, "agent1", null, Ct);
        await h.Commands.ResolveAsync(first.CaseId, "agent1", null, Ct);
        await h.Intake.AcceptAsync(h.Sms("+8613800138001", "又停水了"), Ct);
        var mailed = await h.Intake.AcceptAsync(h.Email("someone@example.test", "水压", "水压太低"), Ct);
        await h.ExecAsync($"INSERT INTO follow_ups (case_id, resolved_at, created_at, satisfaction, solved) SELECT id, received_at, received_at, 4, "
                          + (provider == DatabaseProvider.Postgres ? "true" : "1") + $" FROM cases WHERE id = {first.CaseId}");
        // Day 2: a case forwarded. Day 3: two cases, one left alone (its forwarding deadline runs out).
        h.Clock.Advance(TimeSpan.FromDays(1));
        var second = await h.Intake.AcceptAsync(h.Sms("+8613800138003", "水表坏了"), Ct);
        await h.Commands.ForwardAsync(second.CaseId, roads.Id, "agent1", null, Ct);
        h.Clock.Advance(TimeSpan.FromDays(1));
        var late = await h.Intake.AcceptAsync(h.Sms("+8613800138004", "路灯不亮"), Ct);
        var duplicate = await h.Intake.AcceptAsync(h.Sms("+8613800138005", "路灯还是不亮"), Ct);
        // Day 6 (today): one more case, of the first customer (a repeat within any period holding day 1 and today).
        h.Clock.Advance(TimeSpan.FromDays(3));
        var today = LocalDays.Of(h.Clock.GetUtcNow(), Zone);
        await h.Intake.AcceptAsync(h.Sms("+8613800138009", "新问题"), Ct);

        var live = new ReportQueries(h.Database);
        var days = new ReportDays(h.Database, h.Clock);
        var stored = new ReportQueries(h.Database, days);
        var liveFlow = new TrendFlowQueries(h.Database);
        var storedFlow = new TrendFlowQueries(h.Database, days);
        // One call counts periods that do not overlap (each case is tagged with one period): each day, today's last; all of
        // it, today included; two finished days.
        (DateOnly, DateOnly)[][] calls =
        [
            [.. Enumerable.Range(0, 6).Select(i => (day1.AddDays(i), day1.AddDays(i + 1)))],
            [(day1, today.AddDays(1))],
            [(day1.AddDays(1), day1.AddDays(3))],
        ];

        async Task AssertSameAsync(string when)
        {
            foreach (var periods in calls)
            {
                Assert.Equal(await live.IndicatorsAsync(periods, Zone, Ct), await stored.IndicatorsAsync(periods, Zone, Ct));
                foreach (var filter in new[] { TrendFilter.All, new TrendFilter("sms", null), new TrendFilter(null, "water"), new TrendFilter("sms", "roads") })
                    Assert.Equal(await liveFlow.FlowAsync(periods, Zone, filter, Ct), await storedFlow.FlowAsync(periods, Zone, filter, Ct));
            }
            var whole = await live.PeriodAsync(day1, today.AddDays(1), Zone, Ct);
            var summed = await stored.PeriodAsync(day1, today.AddDays(1), Zone, Ct);
            Assert.Equal(Json(whole) + when, Json(summed) + when);
            // Several periods at once (start-up generation: months and their halves overlap) give each period's own report.
            (DateOnly, DateOnly)[] many = [(day1, today.AddDays(1)), (day1, day1.AddDays(3)), (day1.AddDays(3), today.AddDays(1)), (day1.AddDays(1), day1.AddDays(2))];
            var each = new List<string>();
            foreach (var (from, to) in many) each.Add(Json(await live.PeriodAsync(from, to, Zone, Ct)) + when);
            Assert.Equal(each, (await live.PeriodsAsync(many, Zone, Ct)).Select(r => Json(r) + when));
            Assert.Equal(each, (await stored.PeriodsAsync(many, Zone, Ct)).Select(r => Json(r) + when));
        }

        await AssertSameAsync("days counted and stored");
        Assert.Equal(5, await h.CountAsync("report_days_stored")); // the five finished days, an empty one too; never today
        await h.Sequencer.StampAsync(Ct);
        await days.AdvanceAsync(Ct);
        await AssertSameAsync("days read from the store");
        Assert.Equal(5, await h.CountAsync("report_days_stored"));

        // Old cases change: a late forwarding (its deadline breached), a resolution, a merge, a reopening.
        await h.Commands.ForwardAsync(late.CaseId, water.Id, "agent1", null, Ct);
        await h.Commands.ResolveAsync(second.CaseId, "agent1", null, Ct);
        await h.Commands.MergeAsync(duplicate.CaseId, late.CaseId, "agent1", "the same lamp", Ct);
        await h.Commands.ReopenAsync(first.CaseId, "agent1", "not fixed", Ct);
        await h.Commands.ClassifyAsync(mailed.CaseId, Core.Cases.CaseClass.Important, "water", "agent1", null, Ct);
        await AssertSameAsync("changed, events not sequenced yet");
        await h.Sequencer.StampAsync(Ct);
        await AssertSameAsync("changed, events sequenced, the job not run yet");
        Assert.True(await days.AdvanceAsync(Ct) >= 3); // days 1, 2 and 3 forgotten
        await AssertSameAsync("changed, the job has forgotten the days");
        Assert.Equal(5, await h.CountAsync("report_days_stored")); // and the reads stored them again
        await AssertSameAsync("changed days read from the store again");
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheJob_StoresTheDaysThatEnded_AndNotToday(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        await h.Intake.AcceptAsync(h.Sms("+8613800138001", "停水三天"), Ct);
        var day1 = LocalDays.Of(h.Clock.GetUtcNow(), Zone);
        var days = new ReportDays(h.Database, h.Clock);

        Assert.Equal(0, await days.FillAsync(day1, day1.AddDays(1), Zone, Ct)); // today has not ended
        h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await days.FillAsync(day1, day1.AddDays(1), Zone, Ct));
        Assert.Equal(0, await days.FillAsync(day1, day1.AddDays(1), Zone, Ct)); // stored once
        Assert.Equal(1, await h.CountAsync("report_days"));
    }

    private static string Json(PeriodReport report) => System.Text.Json.JsonSerializer.Serialize(report);
}
