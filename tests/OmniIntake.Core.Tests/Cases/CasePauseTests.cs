using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Tests.Cases;

/// <summary>Pausing and resuming the clocks on the aggregate, without a database (issue 13 item 4).</summary>
public sealed class CasePauseTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DefaultDeadlinePolicy Policy = new(Weekdays9To18());

    // Friday 27 November 2026, 16:00 in Shanghai: two working hours left that day.
    private static readonly DateTimeOffset Friday1600 = new(2026, 11, 27, 16, 0, 0, China);
    private static readonly DateTimeOffset Monday1000 = new(2026, 11, 30, 10, 0, 0, China);

    private static BusinessCalendar Weekdays9To18(params DateOnly[] holidays) =>
        new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"),
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            [new WorkingPeriod(new TimeOnly(9, 0), new TimeOnly(18, 0))], holidays.ToDictionary(d => d, _ => false));

    /// <summary>A case forwarded on Friday at 16:00: the owner's answer (4 working hours) is due Monday 11:00.</summary>
    private static Case ForwardedFriday(CaseClass caseClass = CaseClass.General, CasePause? pause = null, IReadOnlyList<PausedClock>? paused = null,
        CaseStatus status = CaseStatus.Forwarded) =>
        new(7, "TS-20261127-00007", status, Channel.Sms, 3, Friday1600.AddHours(-1))
        {
            Class = caseClass, Pause = pause,
            OpenClocks = paused is null
                ? [new OpenClock(DeadlineKind.OwnerAnswer, Policy.Answer(Channel.Sms, Friday1600).DueAt), new OpenClock(DeadlineKind.MajorFirstAnswer, Friday1600.AddHours(20))]
                : [],
            PausedClocks = paused ?? [],
        };

    [Fact]
    public void PausedOnFriday1600_With4WorkingHoursLeft_ResumedMonday_IsDueMondayPlus4WorkingHours()
    {
        var kase = ForwardedFriday();
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 11, 0, 0, China), kase.OpenClocks[0].DueAt);

        var paused = kase.PauseClocks(WaitingFor.Customer, "等待客户提供合同照片", OwnerScope.EveryDepartment, "agent1", Friday1600, Policy,
            PausableClocks.Default);

        var change = Assert.IsType<CasePaused>(paused.Change);
        Assert.Equal([new PausedClock(DeadlineKind.OwnerAnswer, TimeSpan.FromHours(4))], change.Clocks); // the major first answer is not pausable by default
        Assert.Equal(new CasePause(WaitingFor.Customer, "等待客户提供合同照片", "agent1", Friday1600), kase.Pause);

        var reloaded = ForwardedFriday(pause: kase.Pause, paused: change.Clocks);
        var resumed = reloaded.ResumeClocks(ResumeCause.ByHand, null, OwnerScope.EveryDepartment, "agent1", Monday1000, Policy);

        var started = Assert.Single(resumed.Clocks.Started);
        Assert.Equal(DeadlineClock.Resumption(DeadlineKind.OwnerAnswer, Monday1000, TimeSpan.FromHours(4)), started.Clock);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 14, 0, 0, China), started.Due.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 13, 12, 0, China), started.Due.WarnAt); // 80% of the 4 hours left
        Assert.Null(reloaded.Pause);
        var code = started.Due.Code;
        Assert.Equal(("clock.resumed", 240, 1, "5.2.5"), (code.Code, code.Parameters["minutes"], code.Parameters["working"], code.Parameters["clock"]));
        Assert.Equal(Monday1000 - Friday1600, Assert.IsType<CaseResumed>(resumed.Change).Paused);
    }

    [Fact]
    public void ACalendarChangeWhilePaused_CountsOnTheCalendarInForceAtResumption()
    {
        // Paused on Friday with 4 working hours left; meanwhile Monday became a holiday: resumed on Monday, the
        // 4 hours are Tuesday's first four.
        var holidayMonday = new DefaultDeadlinePolicy(Weekdays9To18(new DateOnly(2026, 11, 30)));
        var kase = ForwardedFriday(pause: new CasePause(WaitingFor.Customer, "等待客户", "agent1", Friday1600),
            paused: [new PausedClock(DeadlineKind.OwnerAnswer, TimeSpan.FromHours(4))]);

        var resumed = kase.ResumeClocks(ResumeCause.CustomerWrote, null, OwnerScope.EveryDepartment, "customer", Monday1000, holidayMonday);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 13, 0, 0, China), Assert.Single(resumed.Clocks.Started).Due.DueAt);
    }

    [Fact]
    public void TheRemainingTime_IsWorkingTime_ForTheAnswer_AndWallClock_ForTheMajorFirstAnswer()
    {
        // Saturday noon: the owner's answer due Monday 11:00 has 2 working hours left; 24 hours on the wall clock are 24 hours.
        var saturday = new DateTimeOffset(2026, 11, 28, 12, 0, 0, China);

        Assert.Equal(TimeSpan.FromHours(2), Policy.Remaining(DeadlineKind.OwnerAnswer, saturday, new DateTimeOffset(2026, 11, 30, 11, 0, 0, China)));
        Assert.Equal(TimeSpan.FromHours(24), Policy.Remaining(DeadlineKind.MajorFirstAnswer, saturday, saturday.AddHours(24)));
        Assert.Equal(TimeSpan.Zero, Policy.Remaining(DeadlineKind.OwnerAnswer, saturday, saturday.AddHours(-1))); // already past due
    }

    [Fact]
    public void ConfiguredPausableClocks_StopToo()
    {
        var kase = ForwardedFriday();

        var paused = kase.PauseClocks(WaitingFor.Customer, "等待客户", OwnerScope.EveryDepartment, "agent1", Friday1600, Policy,
            PausableClocks.Parse(["ownerAnswer", "majorFirstAnswer"]));

        Assert.Equal([DeadlineKind.OwnerAnswer, DeadlineKind.MajorFirstAnswer], Assert.IsType<CasePaused>(paused.Change).Clocks.Select(c => c.Kind));
        Assert.Equal(TimeSpan.FromHours(20), Assert.IsType<CasePaused>(paused.Change).Clocks[1].Remaining);
        Assert.Throws<ArgumentException>(() => PausableClocks.Parse(["ownerReply"]));
    }

    [Theory]
    [InlineData(CaseClass.General, CaseClass.Important)]
    [InlineData(CaseClass.Important, CaseClass.Important)]
    [InlineData(CaseClass.Hot, CaseClass.Hot)]
    public void WaitingForOutsideExpertise_MakesTheCaseImportant_NeverLower(CaseClass before, CaseClass after)
    {
        var kase = ForwardedFriday(before);

        var decision = kase.PauseClocks(WaitingFor.Expertise, "需请外部鉴定机构", OwnerScope.EveryDepartment, "agent1", Friday1600, Policy, PausableClocks.Default);

        var change = Assert.IsType<CasePaused>(decision.Change);
        Assert.Equal(after, kase.Class);
        Assert.Equal(before < CaseClass.Important, change.Raise is not null);
    }

    [Fact]
    public void WaitingForTheCustomer_DoesNotRaiseTheClass() =>
        Assert.Null(Assert.IsType<CasePaused>(ForwardedFriday().PauseClocks(WaitingFor.Customer, "等待客户", OwnerScope.EveryDepartment, "agent1",
            Friday1600, Policy, PausableClocks.Default).Change).Raise);

    [Fact]
    public void Pause_IsRefused_WithoutAReason_Twice_OnAClosedCase_AndForAnotherDepartmentsOwner()
    {
        Assert.Equal(CommandOutcome.Invalid, Pause(ForwardedFriday(), " ").Result.Outcome);
        var waiting = ForwardedFriday(pause: new CasePause(WaitingFor.Customer, "等待客户", "agent1", Friday1600));
        Assert.Contains("has waited for the customer", Pause(waiting, "again").Result.Error, StringComparison.Ordinal);
        Assert.Equal(CommandOutcome.Conflict, Pause(ForwardedFriday(status: CaseStatus.Closed), "等待").Result.Outcome);
        var otherOwner = ForwardedFriday().PauseClocks(WaitingFor.Customer, "等待", OwnerScope.Department(4), "owner4", Friday1600, Policy, PausableClocks.Default);
        Assert.Contains("not forwarded to your department", otherOwner.Result.Error, StringComparison.Ordinal);
        var ownOwner = ForwardedFriday().PauseClocks(WaitingFor.Customer, "等待", OwnerScope.Department(3), "owner3", Friday1600, Policy, PausableClocks.Default);
        Assert.True(ownOwner.IsDone);
    }

    [Fact]
    public void TheCustomersMessage_DoesNotResumeACaseWaitingForOutsideExpertise_AndResumingNeedsAPause()
    {
        var kase = ForwardedFriday(pause: new CasePause(WaitingFor.Expertise, "鉴定", "agent1", Friday1600),
            paused: [new PausedClock(DeadlineKind.OwnerAnswer, TimeSpan.FromHours(4))]);

        var byCustomer = kase.ResumeClocks(ResumeCause.CustomerWrote, null, OwnerScope.EveryDepartment, "customer", Monday1000, Policy);
        Assert.Equal(CommandOutcome.Conflict, byCustomer.Result.Outcome);
        Assert.NotNull(kase.Pause);

        Assert.True(kase.ResumeClocks(ResumeCause.ByHand, "鉴定报告已到", OwnerScope.EveryDepartment, "agent1", Monday1000, Policy).IsDone);
        Assert.Contains("is not waiting", kase.ResumeClocks(ResumeCause.ByHand, null, OwnerScope.EveryDepartment, "agent1", Monday1000, Policy).Result.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ResumingACaseResolvedWhileItWaited_CancelsTheStoppedClocks()
    {
        var kase = ForwardedFriday(pause: new CasePause(WaitingFor.Customer, "等待客户", "agent1", Friday1600),
            paused: [new PausedClock(DeadlineKind.OwnerAnswer, TimeSpan.FromHours(4))], status: CaseStatus.Resolved);

        var resumed = kase.ResumeClocks(ResumeCause.ByHand, null, OwnerScope.EveryDepartment, "agent1", Monday1000, Policy);

        Assert.Empty(resumed.Clocks.Started);
        Assert.Equal([DeadlineKind.OwnerAnswer], resumed.Clocks.Cancelled);
    }

    private static CaseDecision Pause(Case kase, string reason) =>
        kase.PauseClocks(WaitingFor.Customer, reason, OwnerScope.EveryDepartment, "agent1", Friday1600, Policy, PausableClocks.Default);

    [Fact]
    public void ForwardingAWaitingCase_StartsTheAnswerClockPaused_WithItsWholeWindow_UnlessThatClockDoesNotPause()
    {
        var pause = new CasePause(WaitingFor.Customer, "等待客户提供合同照片", "agent1", Friday1600.AddMinutes(-30));
        Case Received(CasePause? waiting) => new(7, "TS-20261127-00007", CaseStatus.Received, Channel.Sms, null, Friday1600.AddHours(-1)) { Pause = waiting };

        var waiting = Assert.Single(Received(pause).Forward(3, "物业部", "agent1", null, Friday1600, Policy, PausableClocks.Default).Clocks.Started);
        Assert.Equal((DeadlineKind.OwnerAnswer, TimeSpan.FromHours(4)), (waiting.Clock.Kind, waiting.PausedWith));

        var running = Assert.Single(Received(null).Forward(3, "物业部", "agent1", null, Friday1600, Policy, PausableClocks.Default).Clocks.Started);
        Assert.Null(running.PausedWith);

        var notPausable = new PausableClocks([DeadlineKind.Forward]);
        Assert.Null(Assert.Single(Received(pause).Forward(3, "物业部", "agent1", null, Friday1600, Policy, notPausable).Clocks.Started).PausedWith);
    }
}
