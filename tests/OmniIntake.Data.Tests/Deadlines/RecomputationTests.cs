using OmniIntake.Core.Calendar;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;
using OmniIntake.Data.Deadlines;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Deadlines;

/// <summary>A calendar change moves the open deadlines it affects, answers included, and leaves the rest (issue 6).</summary>
public sealed class RecomputationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task NewHoliday_MovesTheOwnersAnswer_ButNotAMetDeadline(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero)); // Friday 16:00 in Shanghai
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138000", "物业不作为"), Ct);
        var property = await h.Departments.CreateAsync("property", "物业部", Ct);
        await h.Commands.ForwardAsync(opened.CaseId, property!.Id, "agent1", null, Ct);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.FromHours(8)), await DueAsync(h, opened.CaseId, DeadlineKind.OwnerAnswer));

        // Monday 30 November becomes a day off: the 2 working hours left move to Tuesday.
        var changed = new Dictionary<DateOnly, bool>(ChinaHolidays.Days) { [new DateOnly(2026, 11, 30)] = false };
        var calendar = BusinessCalendar.ChinaDefault();
        var policy = new DefaultDeadlinePolicy(new BusinessCalendar(calendar.Zone,
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], calendar.Periods, changed));
        var (checkedCount, moved) = await new DeadlineRecomputation(h.Database, h.Clock).RecomputeAsync(policy, "admin", "公司周年庆", Ct);

        Assert.Equal(1, checkedCount); // the forwarding deadline is met: not looked at
        Assert.Equal(1, moved);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.FromHours(8)), await DueAsync(h, opened.CaseId, DeadlineKind.OwnerAnswer));
        var audit = (await h.Queries.GetAsync(opened.CaseNumber, Ct))!.Audit.Single(a => a.Action == "deadline.recomputed");
        Assert.Contains("ownerAnswer", audit.Detail, StringComparison.Ordinal);
        Assert.Equal("admin", audit.Actor);

        var again = await new DeadlineRecomputation(h.Database, h.Clock).RecomputeAsync(policy, "admin", "again", Ct);
        Assert.Equal((1, 0), again);
    }

    private static async Task<DateTimeOffset> DueAsync(DataHarness h, long caseId, DeadlineKind kind) =>
        (await h.Deadlines.ForCaseAsync(caseId, Ct)).Single(d => d.Kind == kind).DueAt;
}
