using OmniIntake.Core.Calendar;
using OmniIntake.Core.Intake;
using OmniIntake.Data.Reports;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Reporting;

/// <summary>
/// Issue 17 item 6: a trend's periods are counted in ONE grouped pass over their cases, and each period's figures are
/// exactly what its own report says (the same cases, the same indicators).
/// </summary>
public sealed class ReportPassTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeZoneInfo Zone = new IntakeOptions().Zone;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task PeriodsCountedInOnePass_AreEachTheirOwnReport(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var reports = new ReportQueries(h.Database);
        var department = (await h.Departments.CreateAsync("water", "供水", Ct))!;
        var day1 = LocalDays.Of(h.Clock.GetUtcNow(), Zone);
        // Day 1: a customer's case, resolved; the same customer again (a new case linked to it: a repeat); another customer.
        var first = await h.Intake.AcceptAsync(h.Sms("+8613800138001", "停水三天"), Ct);
        await h.Commands.ForwardAsync(first.CaseId, department.Id, "agent1", null, Ct);
        await h.Commands.ResolveAsync(first.CaseId, "agent1", null, Ct);
        var again = await h.Intake.AcceptAsync(h.Sms("+8613800138001", "又停水了"), Ct);
        await h.Intake.AcceptAsync(h.Sms("+8613800138002", "水压太低"), Ct);
        await h.ExecAsync($"INSERT INTO follow_ups (case_id, resolved_at, created_at, satisfaction, solved) SELECT id, received_at, received_at, 4, "
                          + (provider == DatabaseProvider.Postgres ? "true" : "1") + $" FROM cases WHERE id = {first.CaseId}");
        // Day 2: one case, forwarded. Day 3: two cases.
        h.Clock.Advance(TimeSpan.FromDays(1));
        var second = await h.Intake.AcceptAsync(h.Sms("+8613800138003", "水表坏了"), Ct);
        await h.Commands.ForwardAsync(second.CaseId, department.Id, "agent1", null, Ct);
        h.Clock.Advance(TimeSpan.FromDays(1));
        await h.Intake.AcceptAsync(h.Sms("+8613800138004", "路灯不亮"), Ct);
        await h.Intake.AcceptAsync(h.Sms("+8613800138005", "垃圾没人收"), Ct);
        Assert.NotEqual(first.CaseId, again.CaseId);

        var days = Enumerable.Range(0, 3).Select(i => (From: day1.AddDays(i), ToExclusive: day1.AddDays(i + 1))).ToList();
        var pass = await reports.IndicatorsAsync(days, Zone, Ct);
        var apart = await reports.IndicatorsAsync([days[0], days[2]], Zone, Ct);

        Assert.Equal([3L, 1L, 2L], pass.Select(p => p.Cases));
        for (var i = 0; i < days.Count; i++)
        {
            var own = await reports.PeriodAsync(days[i].From, days[i].ToExclusive, Zone, Ct);
            Assert.Equal((own.Cases, own.Indicators), pass[i]);
        }
        Assert.Equal((0.6667, 0.3333, 4.0), (pass[0].Indicators.RepeatComplaintRate, pass[0].Indicators.ClosureRate, pass[0].Indicators.Satisfaction));
        // Periods that are not adjacent: the case between them is in neither.
        Assert.Equal([pass[0], pass[2]], apart);
    }
}
