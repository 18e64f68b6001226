using System.Text.Json;
using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Events;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Policy;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Deadlines;

namespace OmniIntake.Data.Tests.Cases;

/// <summary>
/// Paused clocks on both databases (issue 13 item 4): the owner's answer stops while the case waits, resumes with the
/// WORKING time it had left (Friday 16:00 with 4 hours left, resumed Monday 10:00: due Monday 14:00), when an agent
/// resumes or the customer writes; the breach sweep never fires on it; a calendar change while it waits counts on the
/// calendar in force when it resumes.
/// </summary>
public sealed class CasePauseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Shanghai);

    private static readonly DateTimeOffset Friday1600 = At(11, 27, 16);
    private static readonly DateTimeOffset Monday1000 = At(11, 30, 10);

    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Postgres, DatabaseProvider.Sqlite);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PausedOnFriday1600_With4WorkingHoursLeft_ResumedMonday_IsDueMondayPlus4WorkingHours(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var (caseId, pauses) = await ForwardedOnFridayAsync(h, "+8613800138100");
        Assert.Equal(At(11, 30, 11), (await OwnerAnswerAsync(h, caseId)).DueAt);

        Done(await pauses.PauseAsync(caseId, WaitingFor.Customer, "等待客户提供合同照片", "agent1", OwnerScope.EveryDepartment, Ct));

        var paused = await OwnerAnswerAsync(h, caseId);
        Assert.Equal(DeadlineState.Paused, paused.State);
        var detail = (await h.Queries.GetAsync(caseId.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct))!;
        Assert.Equal(("customer", "等待客户提供合同照片", "agent1", Friday1600), (detail.Pause!.WaitingFor, detail.Pause.Reason, detail.Pause.PausedBy, detail.Pause.PausedAt));
        var shown = Assert.Single(detail.Deadlines, d => d.Kind == "ownerAnswer");
        Assert.Equal(("paused", 4 * 3600L, Friday1600), (shown.State, shown.RemainingSeconds, shown.PausedAt));
        Assert.Equal("met", Assert.Single(detail.Deadlines, d => d.Kind == "forward").State); // met by the forwarding, not paused

        h.Clock.SetUtcNow(Monday1000);
        Done(await pauses.ResumeAsync(caseId, "客户已电话补充", "agent1", OwnerScope.EveryDepartment, Ct));

        var resumed = await OwnerAnswerAsync(h, caseId);
        Assert.Equal((DeadlineState.Pending, At(11, 30, 14)), (resumed.State, resumed.DueAt));
        Assert.Null((await h.Queries.GetAsync(caseId.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct))!.Pause);
        var audit = await h.ListAsync<(string Action, string Actor, string Detail)>(
            $"SELECT action, actor, detail FROM audit WHERE case_id = {caseId} AND action IN ('case.paused', 'case.resumed') ORDER BY id");
        Assert.Equal(["case.paused", "case.resumed"], audit.Select(a => a.Action));
        using var pausedDetail = JsonDocument.Parse(audit[0].Detail);
        Assert.Equal("等待客户提供合同照片", pausedDetail.RootElement.GetProperty("reason").GetString());
        using var resumedDetail = JsonDocument.Parse(audit[1].Detail);
        Assert.Equal(("byHand", "客户已电话补充", (long)(Monday1000 - Friday1600).TotalSeconds),
            (resumedDetail.RootElement.GetProperty("cause").GetString(), resumedDetail.RootElement.GetProperty("reason").GetString(),
                resumedDetail.RootElement.GetProperty("pausedSeconds").GetInt64()));
        Assert.Equal(2, await h.CountAsync($"events WHERE case_id = {caseId} AND kind IN ('{CaseEventKinds.Paused}', '{CaseEventKinds.Resumed}')"));

        // The month's report counts the time paused: Friday 16:00 to Monday 10:00, 66 hours waiting for the customer.
        var report = await new Reports.ReportQueries(h.Database).PeriodAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1),
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), Ct);
        Assert.Equal(new Reports.ReportPausedTime(1, 1, 0, 66, 66), report.Paused);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheCustomerWritingAgain_ResumesACaseWaitingForThem_NotOneWaitingForOutsideExpertise(DatabaseProvider provider)
    {
        // The customer answers on Monday: threaded by phone within a window that spans the weekend (Intake:ThreadingWindow).
        await using var h = await DataHarness.CreateAsync(provider, new IntakeOptions { ThreadingWindow = TimeSpan.FromDays(7) });
        var (waitingForCustomer, pauses) = await ForwardedOnFridayAsync(h, "+8613800138101");
        var (waitingForExpert, _) = await ForwardedOnFridayAsync(h, "+8613800138102");
        Done(await pauses.PauseAsync(waitingForCustomer, WaitingFor.Customer, "等待客户补充", "agent1", OwnerScope.EveryDepartment, Ct));
        Done(await pauses.PauseAsync(waitingForExpert, WaitingFor.Expertise, "等待第三方鉴定", "agent1", OwnerScope.EveryDepartment, Ct));
        Assert.Equal("important", (await h.ListAsync<string>($"SELECT class FROM cases WHERE id = {waitingForExpert}")).Single());

        h.Clock.SetUtcNow(Monday1000);
        var reply = await h.Intake.AcceptAsync(h.Sms("+8613800138101", "合同照片已补充"), Ct);
        var other = await h.Intake.AcceptAsync(h.Sms("+8613800138102", "请问进度如何"), Ct);

        Assert.Equal((IntakeOutcome.Threaded, waitingForCustomer), (reply.Outcome, reply.CaseId));
        Assert.Equal((IntakeOutcome.Threaded, waitingForExpert), (other.Outcome, other.CaseId));
        var resumed = await OwnerAnswerAsync(h, waitingForCustomer);
        Assert.Equal((DeadlineState.Pending, At(11, 30, 14)), (resumed.State, resumed.DueAt));
        Assert.Equal(["customerWrote"], await h.ListAsync<string>($"SELECT resumed_because FROM case_pauses WHERE case_id = {waitingForCustomer}"));
        Assert.Equal(DeadlineState.Paused, (await OwnerAnswerAsync(h, waitingForExpert)).State);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migration0059_EndsThePausesLeftInForceOnCasesHandledBefore_AndLeavesOpenCasesWaiting(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var (handled, pauses) = await ForwardedOnFridayAsync(h, "+8613800138105");
        var (open, _) = await ForwardedOnFridayAsync(h, "+8613800138106");
        Done(await pauses.PauseAsync(handled, WaitingFor.Customer, "等待客户", "agent1", OwnerScope.EveryDepartment, Ct));
        Done(await pauses.PauseAsync(open, WaitingFor.Customer, "等待客户", "agent1", OwnerScope.EveryDepartment, Ct));
        // A case withdrawn before a pause ended with its case: the row stayed in force.
        await h.ExecAsync($"UPDATE cases SET status = 'withdrawn' WHERE id = {handled}");

        await h.ExecAsync("DELETE FROM schema_migrations WHERE version = 59");
        Assert.Equal([59], await new OmniIntake.Data.Schema.SchemaMigrator(h.Database).MigrateAsync(Ct));

        Assert.Equal(1, await h.CountAsync($"case_pauses WHERE case_id = {handled} AND resumed_at IS NOT NULL AND resumed_because = 'caseEnded'"));
        Assert.Equal(1, await h.CountAsync($"case_pauses WHERE case_id = {open} AND resumed_at IS NULL"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheBreachSweep_NeverFiresOnAPausedClock(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var (caseId, pauses) = await ForwardedOnFridayAsync(h, "+8613800138103");
        Done(await pauses.PauseAsync(caseId, WaitingFor.Customer, "等待客户", "agent1", OwnerScope.EveryDepartment, Ct));
        var paused = await OwnerAnswerAsync(h, caseId);

        h.Clock.SetUtcNow(At(12, 9, 10)); // long past the due time it had

        Assert.DoesNotContain(await h.Deadlines.PendingDueByAsync(h.Clock.GetUtcNow(), 100, Ct), d => d.Id == paused.Id);
        Assert.False(await h.Deadlines.TryWarnAsync(paused.Id, Ct));
        Assert.False(await h.Deadlines.TryBreachAsync(paused.Id, Ct));
        Assert.Equal(DeadlineState.Paused, (await OwnerAnswerAsync(h, caseId)).State);
        Assert.Equal(0, await h.CountAsync($"events WHERE case_id = {caseId} AND kind = '{CaseEventKinds.DeadlineBreached}'"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ACalendarChangeWhilePaused_KeepsTheWorkingTimeLeft_AndCountsItOnTheNewCalendar(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var (caseId, _) = await ForwardedOnFridayAsync(h, "+8613800138104");
        var pauses = Pauses(h, h.Policy);
        Done(await pauses.PauseAsync(caseId, WaitingFor.Customer, "等待客户", "agent1", OwnerScope.EveryDepartment, Ct));
        var before = await OwnerAnswerAsync(h, caseId);

        // Meanwhile Monday 30 November becomes a day off.
        var mondayOff = PolicyWithDayOff(new DateOnly(2026, 11, 30));
        await new DeadlineRecomputation(h.Database, h.Clock).RecomputeAsync(mondayOff, "admin", "公司周年庆", Ct);
        Assert.Equal(before, await OwnerAnswerAsync(h, caseId)); // a paused clock keeps what it had left

        h.Clock.SetUtcNow(Monday1000);
        Done(await Pauses(h, mondayOff).ResumeAsync(caseId, null, "agent1", OwnerScope.EveryDepartment, Ct));
        Assert.Equal(At(12, 1, 13), (await OwnerAnswerAsync(h, caseId)).DueAt); // Tuesday's first four working hours

        // A later change computes the resumed clock again from its resumption, with the window it had left.
        await new DeadlineRecomputation(h.Database, h.Clock).RecomputeAsync(h.Policy, "admin", "周年庆取消", Ct);
        var recomputed = await OwnerAnswerAsync(h, caseId);
        Assert.Equal((DeadlineState.Pending, At(11, 30, 14)), (recomputed.State, recomputed.DueAt));
        Assert.Equal(["resumption"], await h.ListAsync<string>($"SELECT started_by FROM deadlines WHERE case_id = {caseId} AND kind = 'ownerAnswer'"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheOwnersAnswer_MeetsAPausedClock_AndAnOwnerPausesOnlyTheirDepartmentsCases(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var (caseId, pauses) = await ForwardedOnFridayAsync(h, "+8613800138105");
        var department = (await h.ListAsync<long>($"SELECT department_id FROM cases WHERE id = {caseId}")).Single();

        var stranger = await pauses.PauseAsync(caseId, WaitingFor.Customer, "等待", "owner9", OwnerScope.Department(department + 100), Ct);
        Assert.Equal(CommandOutcome.Conflict, stranger.Outcome);
        Done(await pauses.PauseAsync(caseId, WaitingFor.Expertise, "需要外部律师意见", "owner1", OwnerScope.Department(department), Ct));
        Done(await h.Commands.AnswerAsync(caseId, "已处理完毕", "owner1", OwnerScope.Department(department), Ct));

        Assert.Equal(DeadlineState.Met, (await OwnerAnswerAsync(h, caseId)).State);
    }

    private static CasePauses Pauses(DataHarness h, IDeadlinePolicy policy) =>
        new(h.Database, policy, h.Clock, NoEventLogSignal.Instance, PausableClocks.Default);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ForwardingAWaitingCase_StartsTheOwnersClockPaused_WithItsWholeWindow_ThatRunsOnceResumed(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        h.Clock.SetUtcNow(At(11, 27, 15));
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138177", "楼上漏水，物业一直不处理"), Ct);
        var department = await h.Departments.CreateAsync("property177", "物业部177", Ct);
        var pauses = Pauses(h, h.Policy);
        Done(await pauses.PauseAsync(opened.CaseId, WaitingFor.Customer, "等待客户提供合同照片", "agent1", OwnerScope.EveryDepartment, Ct));

        h.Clock.SetUtcNow(Friday1600);
        Done(await h.Commands.ForwardAsync(opened.CaseId, department!.Id, "agent1", null, Ct));

        // Still waiting: the owner's answer does not run (before the fix it started at once, due Monday 11:00).
        var paused = await OwnerAnswerAsync(h, opened.CaseId);
        Assert.Equal(DeadlineState.Paused, paused.State);
        var shown = Assert.Single((await h.Queries.GetAsync(opened.CaseId.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct))!.Deadlines,
            d => d.Kind == "ownerAnswer");
        Assert.Equal(("paused", 4 * 3600L), (shown.State, shown.RemainingSeconds));
        Assert.Equal("policy.5.2.5.owner-answer", shown.RuleCode.Code);
        h.Clock.SetUtcNow(At(12, 1, 10));
        Assert.False(await h.Deadlines.TryBreachAsync(paused.Id, Ct));

        Done(await pauses.ResumeAsync(opened.CaseId, "客户已补充", "agent1", OwnerScope.EveryDepartment, Ct));
        var resumed = await OwnerAnswerAsync(h, opened.CaseId);
        Assert.Equal((DeadlineState.Pending, At(12, 1, 14)), (resumed.State, resumed.DueAt)); // the whole 4 working hours, from Tuesday 10:00
    }

    // Issue 13 item 1: a case that ends while it waits ends its pause (before, the withdrawn case's pause row stayed open
    // and the reports counted it as still paused for ever).
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WithdrawingAWaitingCase_EndsItsPause_CancelsItsClocks_AndTheReportCountsThePauseAsEnded(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var (caseId, pauses) = await ForwardedOnFridayAsync(h, "+8613800138130");
        Done(await pauses.PauseAsync(caseId, WaitingFor.Expertise, "等待鉴定", "agent1", OwnerScope.EveryDepartment, Ct));

        h.Clock.SetUtcNow(Monday1000);
        Done(await h.Commands.WithdrawAsync(caseId, "客户自愿撤回", "agent2", Ct));

        var pause = (await h.ListAsync<(DateTimeOffset? ResumedAt, string? By, string? Because)>(
            $"SELECT resumed_at, resumed_by, resumed_because FROM case_pauses WHERE case_id = {caseId}")).Single();
        Assert.Equal((Monday1000, "agent2", "caseEnded"), (pause.ResumedAt, pause.By, pause.Because));
        Assert.Equal(DeadlineState.Cancelled, (await OwnerAnswerAsync(h, caseId)).State);
        var detail = (await h.Queries.GetAsync(caseId.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct))!;
        Assert.Null(detail.Pause);
        var audit = await h.ListAsync<(string Action, string Detail)>(
            $"SELECT action, detail FROM audit WHERE case_id = {caseId} AND action IN ('case.withdrawn', 'case.resumed') ORDER BY id");
        Assert.Equal(["case.withdrawn", "case.resumed"], audit.Select(a => a.Action));
        using var ended = JsonDocument.Parse(audit[1].Detail);
        Assert.Equal(("caseEnded", "withdrawn", "expertise", (long)(Monday1000 - Friday1600).TotalSeconds),
            (ended.RootElement.GetProperty("cause").GetString(), ended.RootElement.GetProperty("reason").GetString(),
                ended.RootElement.GetProperty("waitingFor").GetString(), ended.RootElement.GetProperty("pausedSeconds").GetInt64()));
        Assert.Equal(1, await h.CountAsync($"events WHERE case_id = {caseId} AND kind = '{CaseEventKinds.Resumed}'"));

        // The 66 hours it waited are time paused that ended, none of it still paused.
        var report = await new Reports.ReportQueries(h.Database).PeriodAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1),
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), Ct);
        Assert.Equal(new Reports.ReportPausedTime(1, 1, 0, 66, 0), report.Paused);
    }

    /// <summary>A complaint received on Friday 27 November 2026 at 15:00 and forwarded at 16:00: the owner owes an answer in 4 working hours.</summary>
    private static async Task<(long CaseId, CasePauses Pauses)> ForwardedOnFridayAsync(DataHarness h, string phone)
    {
        h.Clock.AdjustTime(At(11, 27, 15)); // a second case of the same test starts on the same Friday
        var opened = await h.Intake.AcceptAsync(h.Sms(phone, "楼上漏水，物业一直不处理"), Ct);
        var department = await h.Departments.CreateAsync("property" + phone[^3..], "物业部" + phone[^3..], Ct);
        h.Clock.SetUtcNow(Friday1600);
        Done(await h.Commands.ForwardAsync(opened.CaseId, department!.Id, "agent1", null, Ct));
        return (opened.CaseId, Pauses(h, h.Policy));
    }

    private static async Task<Deadline> OwnerAnswerAsync(DataHarness h, long caseId) =>
        Assert.Single(await h.Deadlines.ForCaseAsync(caseId, Ct), d => d.Kind == DeadlineKind.OwnerAnswer);

    private static void Done(CommandResult result) => Assert.True(result.IsDone, result.Error);

    private static DefaultDeadlinePolicy PolicyWithDayOff(DateOnly day)
    {
        var calendar = BusinessCalendar.ChinaDefault();
        var days = new Dictionary<DateOnly, bool>(ChinaHolidays.Days) { [day] = false };
        return new DefaultDeadlinePolicy(new BusinessCalendar(calendar.Zone,
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], calendar.Periods, days));
    }
}
