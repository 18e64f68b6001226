using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Tests.Cases;

/// <summary>The case aggregate without a database (issue 13): each transition's gate, its change and its clocks.</summary>
public sealed class CaseTests
{
    private static readonly DefaultDeadlinePolicy Policy = new(BusinessCalendar.ChinaDefault());
    private static readonly DateTimeOffset Received = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Later = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

    private static Case New(CaseStatus status = CaseStatus.Received, Channel channel = Channel.Sms, long? department = null) =>
        new(7, "TS-20261124-00007", status, channel, department, Received);

    [Fact]
    public void Forward_MeetsTheForwarding_AndStartsTheOwnersAnswer_FromNow()
    {
        var kase = New();

        var decision = kase.Forward(3, "物业部", "agent1", "请处理", Later, Policy);

        Assert.True(decision.IsDone);
        var forwarded = Assert.IsType<CaseForwarded>(decision.Change);
        Assert.Equal((CaseStatus.Received, 3L, false), (forwarded.FromStatus, forwarded.DepartmentId, forwarded.Redispatch));
        Assert.Equal([DeadlineKind.Forward], decision.Clocks.Met);
        var started = Assert.Single(decision.Clocks.Started);
        Assert.Equal(new DeadlineClock(DeadlineKind.OwnerAnswer, ClockStart.Forwarding, Later), started.Clock);
        Assert.Equal(Policy.Answer(Channel.Sms, Later), started.Due);
        Assert.Equal((CaseStatus.Forwarded, 3L), (kase.Status, kase.DepartmentId));
    }

    [Fact]
    public void Forward_ToAnotherDepartment_IsARedispatch_AndAForumCaseOwesAPublicReply()
    {
        var kase = New(CaseStatus.Forwarded, Channel.Forum, department: 3);

        var decision = kase.Forward(4, "工程部", "agent1", null, Later, Policy);

        Assert.True(Assert.IsType<CaseForwarded>(decision.Change).Redispatch);
        Assert.Equal(DeadlineKind.PublicReply, Assert.Single(decision.Clocks.Started).Clock.Kind);
    }

    [Theory]
    [InlineData(CaseStatus.Resolved, CommandOutcome.Conflict)]
    [InlineData(CaseStatus.Closed, CommandOutcome.Conflict)]
    [InlineData(CaseStatus.Withdrawn, CommandOutcome.Conflict)]
    [InlineData(CaseStatus.Merged, CommandOutcome.Conflict)]
    public void Forward_IsRefused_WhereTheLifecycleForbidsIt(CaseStatus status, CommandOutcome outcome)
    {
        var kase = New(status);

        var decision = kase.Forward(3, "物业部", "agent1", null, Later, Policy);

        Assert.Equal(outcome, decision.Result.Outcome);
        Assert.Contains($"is {status.ToName()}", decision.Result.Error, StringComparison.Ordinal);
        Assert.Null(decision.Change);
        Assert.Equal(status, kase.Status); // a refusal changes nothing
    }

    [Fact]
    public void Forward_ToADepartmentThatDoesNotExist_IsInvalid() =>
        Assert.Equal(CommandOutcome.Invalid, New().Forward(99, null, "agent1", null, Later, Policy).Result.Outcome);

    [Theory]
    [InlineData(CaseStatus.Forwarded)]
    [InlineData(CaseStatus.Answered)]
    public void SendBack_EndsTheOwnersPhase_AndOwesAForwardingFromNow(CaseStatus status)
    {
        var kase = New(status, department: 3);

        var decision = kase.SendBack("不是我们部门的", OwnerScope.Department(3), "owner1", Later, Policy);

        Assert.True(decision.IsDone);
        Assert.Equal([DeadlineKind.OwnerAnswer, DeadlineKind.PublicReply], decision.Clocks.Cancelled);
        var started = Assert.Single(decision.Clocks.Started);
        Assert.Equal(new DeadlineClock(DeadlineKind.Forward, ClockStart.SendBack, Later), started.Clock);
        Assert.Equal(started.Due.DueAt, Assert.IsType<CaseSentBack>(decision.Change).ForwardDueAt);
        Assert.Equal(CaseStatus.Received, kase.Status);
    }

    [Theory]
    [InlineData("", 3L, CaseStatus.Forwarded, CommandOutcome.Invalid)]        // no reason
    [InlineData("不是我们的", 4L, CaseStatus.Forwarded, CommandOutcome.Conflict)] // another department's owner
    [InlineData("不是我们的", 3L, CaseStatus.Resolved, CommandOutcome.Conflict)]  // not forwarded now
    public void SendBack_IsRefused_WithAReason(string reason, long ownerDepartment, CaseStatus status, CommandOutcome outcome)
    {
        var decision = New(status, department: 3).SendBack(reason, OwnerScope.Department(ownerDepartment), "owner1", Later, Policy);

        Assert.Equal(outcome, decision.Result.Outcome);
        Assert.False(string.IsNullOrEmpty(decision.Result.Error));
    }

    [Theory]
    [InlineData(CaseStatus.Resolved)]
    [InlineData(CaseStatus.Closed)]
    public void Reopen_OwesAForwardingFromTheReopening_NotFromReceipt(CaseStatus status)
    {
        var kase = New(status, department: 3);

        var decision = kase.Reopen("客户说没修好", "agent1", Later, Policy);

        var started = Assert.Single(decision.Clocks.Started);
        Assert.Equal(new DeadlineClock(DeadlineKind.Forward, ClockStart.Reopening, Later), started.Clock);
        Assert.Equal(Policy.Forwarding(Channel.Sms, Later).DueAt, started.Due.DueAt);
        Assert.NotEqual(Policy.Forwarding(Channel.Sms, Received).DueAt, started.Due.DueAt);
        Assert.Equal([DeadlineKind.OwnerAnswer, DeadlineKind.PublicReply], decision.Clocks.Cancelled);
        Assert.Equal(status, Assert.IsType<CaseReopened>(decision.Change).FromStatus);
    }

    [Theory]
    [InlineData(CaseStatus.Received, "a reason", CommandOutcome.Conflict)]
    [InlineData(CaseStatus.Withdrawn, "a reason", CommandOutcome.Conflict)]
    [InlineData(CaseStatus.Resolved, " ", CommandOutcome.Invalid)]
    public void Reopen_IsRefused_WithAReason(CaseStatus status, string reason, CommandOutcome outcome) =>
        Assert.Equal(outcome, New(status).Reopen(reason, "agent1", Later, Policy).Result.Outcome);

    [Fact]
    public void ResolveThenClose_FollowTheLifecycle()
    {
        var kase = New(CaseStatus.Forwarded, department: 3);

        Assert.Equal(CommandOutcome.Conflict, kase.Close("agent1", null, Later).Result.Outcome); // only a resolved case closes
        Assert.IsType<CaseResolved>(kase.Resolve("agent1", "修好了", Later).Change);
        Assert.Equal(CommandOutcome.Conflict, kase.Resolve("agent1", null, Later).Result.Outcome);
        Assert.IsType<CaseClosed>(kase.Close("agent1", null, Later).Change);
        Assert.Equal(CaseStatus.Closed, kase.Status);
    }

    [Fact]
    public void Answer_MeetsTheOwnersClock_AndAddsTheWrittenAnswer()
    {
        var kase = New(CaseStatus.Forwarded, department: 3);

        var decision = kase.Answer("已派人维修", OwnerScope.Department(3), "owner1", Later);

        Assert.Equal([DeadlineKind.OwnerAnswer], decision.Clocks.Met);
        Assert.Equal(new CaseMessageDraft(CaseMessageDirections.Internal, "owner", "owner1", null, "已派人维修"), decision.Message);
        Assert.Equal(CaseStatus.Answered, kase.Status);
    }

    [Theory]
    [InlineData("", 3L, CaseStatus.Forwarded, CommandOutcome.Invalid)]
    [InlineData("答复", 4L, CaseStatus.Forwarded, CommandOutcome.Conflict)]
    [InlineData("答复", 3L, CaseStatus.Answered, CommandOutcome.Conflict)] // answered already: the lifecycle has no answered -> answered
    public void Answer_IsRefused_WithAReason(string text, long ownerDepartment, CaseStatus status, CommandOutcome outcome) =>
        Assert.Equal(outcome, New(status, department: 3).Answer(text, OwnerScope.Department(ownerDepartment), "owner1", Later).Result.Outcome);

    [Fact]
    public void AnAnswerTooLong_IsInvalid() =>
        Assert.Equal(CommandOutcome.Invalid,
            New(CaseStatus.Forwarded, department: 3).Answer(new string('长', 20_001), OwnerScope.EveryDepartment, "sup1", Later).Result.Outcome);

    [Fact]
    public void Changes_AreWrittenAsTheConsolesAlwaysReadThem()
    {
        var forwarded = new CaseForwarded("agent1", Later, CaseStatus.Received, 3, "物业部", null, false, null);
        var answered = new CaseAnswered("owner1", Later, CaseStatus.Forwarded);

        Assert.Equal(("case.forwarded", "case.forwarded"), (forwarded.AuditAction, forwarded.EventKind));
        // The consoles' fields as ever; fromDepartmentId added for the owners' live feed (the department a re-dispatch left).
        Assert.Equal(new { departmentId = 3L, department = "物业部", redispatch = false, fromDepartmentId = (long?)null }.ToString(), forwarded.EventData(null).ToString());
        Assert.Equal(new { messageId = (long?)42 }.ToString(), answered.EventData(42).ToString());
        Assert.Equal(new { messageId = (long?)42, fromStatus = "forwarded" }.ToString(), answered.AuditDetail(42).ToString());
    }
}
