using OmniIntake.Core.Accounts;
using OmniIntake.Core.Assignment;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Intake;

namespace OmniIntake.Core.Tests.Cases;

/// <summary>
/// The commands that were still decided in Data (issue 13 item 1), now on the aggregate: claim and release, note, help,
/// public reply, registration fields, a co-complainant, and the pause that ends with the case — each gate, refusal,
/// record, message and clock, without a database.
/// </summary>
public sealed class CaseWorkTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Later = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly CasePause WaitingSinceReceipt = new(WaitingFor.Expertise, "鉴定中", "agent1", Received);

    private static Case New(CaseStatus status = CaseStatus.Received, string? holder = null, Channel channel = Channel.Sms, long? department = null,
        CasePause? pause = null, IReadOnlyList<OpenClock>? open = null, IReadOnlyList<PausedClock>? paused = null) =>
        new(7, "TS-20261124-00007", status, channel, department, Received)
        {
            ContactId = 70, Category = "billing", Holder = holder, Pause = pause, OpenClocks = open ?? [], PausedClocks = paused ?? [],
        };

    [Fact]
    public void Claim_AnUnheldCase_RecordsTheClaim_AndTheCaseIsTheAgents()
    {
        var kase = New();

        var decision = kase.Claim("wang", takeOver: false, Later);

        Assert.Equal(new CaseClaimed("wang", Later, null), decision.Change);
        Assert.Equal("wang", kase.Holder);
        Assert.Equal(ClockChanges.None, decision.Clocks);
        Assert.Null(decision.Message);
    }

    [Fact]
    public void Claim_ACaseAColleagueHolds_IsRefused_UnlessASupervisorTakesItOver()
    {
        var refused = New(holder: "li").Claim("wang", takeOver: false, Later);
        var kase = New(holder: "li");
        var takenOver = kase.Claim("sup1", takeOver: true, Later);

        Assert.Equal((CommandOutcome.Conflict, "Case TS-20261124-00007 is claimed by li."), (refused.Result.Outcome, refused.Result.Error));
        Assert.Null(refused.Change);
        Assert.Equal(new CaseClaimed("sup1", Later, "li"), takenOver.Change);
        Assert.Equal("sup1", kase.Holder);
    }

    [Fact]
    public void Claim_ACaseTheAgentHoldsAlready_ChangesNothing()
    {
        var decision = New(holder: "wang").Claim("wang", takeOver: false, Later);

        Assert.True(decision.IsDone);
        Assert.Null(decision.Change);
    }

    // Consistent with Assign (issue 15 item 5): a handled case is nobody's work; a resolved one may still be followed up.
    [Theory]
    [InlineData(CaseStatus.Closed, false)]
    [InlineData(CaseStatus.Withdrawn, false)]
    [InlineData(CaseStatus.Merged, false)]
    [InlineData(CaseStatus.Resolved, true)]
    [InlineData(CaseStatus.Answered, true)]
    public void Claim_IsRefusedForAHandledCase_AsAssigningIs(CaseStatus status, bool claimable)
    {
        var claimed = New(status).Claim("wang", takeOver: false, Later);
        var assigned = New(status).Assign(null, "wang", new Assignee("wang", "王", [Roles.Agent]), "sup1", null, Later,
            mayTakeFromOthers: true);

        Assert.Equal((claimable, claimable), (claimed.IsDone, assigned.IsDone));
        if (!claimable) Assert.Equal(CommandOutcome.Conflict, claimed.Result.Outcome);
    }

    [Fact]
    public void Release_ByTheHolder_OrASupervisor_GivesTheCaseBack_AnyoneElseIsRefused()
    {
        var byHolder = New(holder: "wang");
        var released = byHolder.Release("wang", anyHolder: false, Later);
        var bySupervisor = New(holder: "wang").Release("sup1", anyHolder: true, Later);
        var byColleague = New(holder: "wang").Release("li", anyHolder: false, Later);
        var unheld = New().Release("li", anyHolder: false, Later);

        Assert.Equal(new CaseReleased("wang", Later, "wang"), released.Change);
        Assert.Null(byHolder.Holder);
        Assert.Equal(new CaseReleased("sup1", Later, "wang"), bySupervisor.Change);
        Assert.Equal((CommandOutcome.Conflict, "Case TS-20261124-00007 is claimed by wang, not by you."), (byColleague.Result.Outcome, byColleague.Result.Error));
        Assert.Equal((true, null), (unheld.IsDone, unheld.Change));
    }

    [Fact]
    public void AddNote_AddsANoteMessage_InAnyStatus_NeverSent()
    {
        var decision = New(CaseStatus.Withdrawn).AddNote("客户说晚上十点后最吵", "wang", Later);

        Assert.Equal(new NoteAdded("wang", Later), decision.Change);
        Assert.Equal(new CaseMessageDraft(CaseMessageDirections.Note, "agent", "wang", null, "客户说晚上十点后最吵"), decision.Message);
        Assert.Null(decision.Deliveries);
        Assert.Equal(ClockChanges.None, decision.Clocks);
    }

    [Theory]
    [InlineData(" ", "A note needs text.")]
    [InlineData(null, "A note is at most 10000 characters (got 10001).")]
    public void AddNote_WithoutTextOrTooLong_IsInvalid(string? text, string error)
    {
        var decision = New().AddNote(text ?? new string('x', Case.MaxNoteLength + 1), "wang", Later);

        Assert.Equal((CommandOutcome.Invalid, error), (decision.Result.Outcome, decision.Result.Error));
        Assert.Null(decision.Message);
    }

    [Fact]
    public void AskHelp_ByTheOwnerOfAForwardedCase_AddsTheRequestAsANote()
    {
        var decision = New(CaseStatus.Forwarded, department: 3).AskHelp("请提供合同", OwnerScope.Department(3), "owner1", Later);

        Assert.Equal(new HelpRequested("owner1", Later), decision.Change);
        Assert.Equal(new CaseMessageDraft(CaseMessageDirections.Note, "owner", "owner1", "help", "请提供合同"), decision.Message);
    }

    [Fact]
    public void AskHelp_OutsideTheOwnersScope_OrWithoutText_IsRefused()
    {
        var otherDepartment = New(CaseStatus.Forwarded, department: 4).AskHelp("请提供合同", OwnerScope.Department(3), "owner1", Later);
        var resolved = New(CaseStatus.Resolved, department: 3).AskHelp("请提供合同", OwnerScope.Department(3), "owner1", Later);
        var empty = New(CaseStatus.Forwarded, department: 3).AskHelp("  ", OwnerScope.Department(3), "owner1", Later);

        Assert.Equal((CommandOutcome.Conflict, CommandOutcome.Conflict, CommandOutcome.Invalid),
            (otherDepartment.Result.Outcome, resolved.Result.Outcome, empty.Result.Outcome));
        Assert.Equal("Case TS-20261124-00007 is not forwarded to your department.", otherDepartment.Result.Error);
    }

    [Fact]
    public void RecordPublicReply_MeetsThePublicReplyClock_AndSaysWhetherItWasOwed()
    {
        var owed = New(CaseStatus.Forwarded, channel: Channel.Forum, open: [new OpenClock(DeadlineKind.PublicReply, Later.AddDays(1))])
            .RecordPublicReply("https://bbs.example.cn/t/1#p9", "agent1", Later);
        var pausedOwed = New(CaseStatus.Forwarded, channel: Channel.Forum, pause: WaitingSinceReceipt,
                paused: [new PausedClock(DeadlineKind.PublicReply, TimeSpan.FromHours(3))])
            .RecordPublicReply("http://bbs.example.cn/t/1", "agent1", Later);
        var notOwed = New(CaseStatus.Received, channel: Channel.Forum).RecordPublicReply("https://bbs.example.cn/t/1", "agent1", Later);

        Assert.Equal(new PublicReplyRecorded("agent1", Later, "https://bbs.example.cn/t/1#p9", DeadlineMet: true), owed.Change);
        Assert.Equal([DeadlineKind.PublicReply], owed.Clocks.Met);
        Assert.True(Assert.IsType<PublicReplyRecorded>(pausedOwed.Change).DeadlineMet);
        Assert.False(Assert.IsType<PublicReplyRecorded>(notOwed.Change).DeadlineMet);
        Assert.Null(owed.Message);
    }

    [Theory]
    [InlineData(Channel.Sms, "https://bbs.example.cn/t/1", CommandOutcome.Conflict)]
    [InlineData(Channel.Forum, "ftp://bbs.example.cn/t/1", CommandOutcome.Invalid)]
    [InlineData(Channel.Forum, "bbs.example.cn/t/1", CommandOutcome.Invalid)]
    public void RecordPublicReply_OnlyForAForumCase_WithAnHttpLink(Channel channel, string link, CommandOutcome outcome)
    {
        var decision = New(channel: channel, open: [new OpenClock(DeadlineKind.PublicReply, Later)]).RecordPublicReply(link, "agent1", Later);

        Assert.Equal(outcome, decision.Result.Outcome);
        Assert.Null(decision.Change);
    }

    [Fact]
    public void Fill_WritesTheCategoryOnlyWhenConfigured_ButRecordsTheFieldsAsGiven()
    {
        var fields = new CaseFields { ComplainantName = "张三", Location = "3号楼", Category = "parking" };
        var configured = New();
        var unknown = New();

        var written = configured.Fill(fields, categoryConfigured: true, "dialog", Later);
        var notWritten = unknown.Fill(fields, categoryConfigured: false, "dialog", Later);

        Assert.Equal(new CaseFieldsFilled("dialog", Later, fields, "parking"), written.Change);
        Assert.Equal(new CaseFieldsFilled("dialog", Later, fields, null), notWritten.Change);
        Assert.Equal(("parking", "billing"), (configured.Category, unknown.Category));
        Assert.Same(fields, notWritten.Change!.AuditDetail(null)); // the audit keeps what was given
    }

    [Fact]
    public void AddComplainant_CountsTheOpenerTheOthersAndTheNewcomer()
    {
        var decision = New(CaseStatus.Forwarded).AddComplainant(73, "李四", ["phone:+8613800138003"], [71, 72], "agent1", Later);

        var added = Assert.IsType<ComplainantAdded>(decision.Change);
        Assert.Equal(("agent1", Later, 73L, "李四", 4), (added.Actor, added.At, added.ContactId, added.Name, added.Complainants));
        Assert.Equal(["phone:+8613800138003"], added.Handles);
        Assert.Equal(ClockChanges.None, decision.Clocks);
    }

    [Theory]
    [InlineData(CaseStatus.Withdrawn, 73, CommandOutcome.Conflict, "Case TS-20261124-00007 was withdrawn.")]
    [InlineData(CaseStatus.Received, 70, CommandOutcome.Conflict, "That is the complainant who opened case TS-20261124-00007.")]
    [InlineData(CaseStatus.Received, 71, CommandOutcome.Conflict, "That person is already a complainant of case TS-20261124-00007.")]
    public void AddComplainant_IsRefused_ForAWithdrawnCase_TheOpener_AndOneAlreadyOnIt(CaseStatus status, long contact, CommandOutcome outcome, string error)
    {
        var decision = New(status).AddComplainant(contact, null, ["email:a@example.cn"], [71], "agent1", Later);

        Assert.Equal((outcome, error), (decision.Result.Outcome, decision.Result.Error));
    }

    // Today's rule, kept and named (issue 13 item 1): every status but withdrawn may gain a complainant.
    [Theory]
    [InlineData(CaseStatus.Received)]
    [InlineData(CaseStatus.Forwarded)]
    [InlineData(CaseStatus.Answered)]
    [InlineData(CaseStatus.Resolved)]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Merged)]
    public void AddComplainant_IsAllowedInEveryOtherStatus(CaseStatus status)
    {
        Assert.True(CaseLifecycle.TakesComplainants(status));
        Assert.True(New(status).AddComplainant(73, null, ["email:a@example.cn"], [], "agent1", Later).IsDone);
    }

    [Fact]
    public void AddComplainant_WithoutAHandle_IsInvalid()
    {
        var decision = New().AddComplainant(0, "王五", [], [], "agent1", Later);

        Assert.Equal(CommandOutcome.Invalid, decision.Result.Outcome);
    }

    [Fact]
    public void Withdrawing_APausedCase_EndsThePause_AndCancelsItsClocks()
    {
        var kase = New(CaseStatus.Forwarded, pause: WaitingSinceReceipt, paused: [new PausedClock(DeadlineKind.OwnerAnswer, TimeSpan.FromHours(2))]);

        var decision = kase.Withdraw("客户自愿撤回", "agent1", Later);

        Assert.IsType<CaseWithdrawn>(decision.Change);
        var ended = Assert.IsType<CaseResumed>(Assert.Single(decision.Then));
        Assert.Equal((ResumeCause.CaseEnded, "withdrawn", WaitingSinceReceipt, Later - Received), (ended.Cause, ended.Reason, ended.Ended, ended.Paused));
        Assert.Empty(ended.Clocks);
        Assert.Empty(decision.Clocks.Started);
        Assert.Contains(DeadlineKind.OwnerAnswer, decision.Clocks.Cancelled);
        Assert.Null(kase.Pause);
        Assert.Equal("caseEnded", System.Text.Json.JsonSerializer.SerializeToElement(ended.AuditDetail(null)).GetProperty("cause").GetString());
    }

    [Fact]
    public void Closing_APausedResolvedCase_EndsThePause_AndCancelsThePausedClocks()
    {
        var kase = New(CaseStatus.Resolved, pause: WaitingSinceReceipt, paused: [new PausedClock(DeadlineKind.OwnerAnswer, TimeSpan.FromHours(2))]);

        var decision = kase.Close("agent1", null, Later);

        Assert.Equal("closed", Assert.IsType<CaseResumed>(Assert.Single(decision.Then)).Reason);
        Assert.Equal([DeadlineKind.OwnerAnswer], decision.Clocks.Cancelled);
    }

    [Fact]
    public void MergingAPausedDuplicate_EndsItsPause_NotTheSurvivors()
    {
        var duplicate = New(CaseStatus.Received, pause: WaitingSinceReceipt);
        var survivor = new Case(8, "TS-20261124-00008", CaseStatus.Forwarded, Channel.Sms, 3, Received) { ContactId = 80, Pause = WaitingSinceReceipt };

        var decision = duplicate.MergeInto(survivor, [], "同一投诉", "agent1", Later);

        Assert.Equal("merged", Assert.IsType<CaseResumed>(Assert.Single(decision.Source!.Then)).Reason);
        Assert.Empty(decision.Target!.Then);
        Assert.NotNull(survivor.Pause);
    }

    [Fact]
    public void EndingACaseThatDoesNotWait_EndsNoPause()
    {
        Assert.Empty(New(CaseStatus.Forwarded).Withdraw("客户自愿撤回", "agent1", Later).Then);
        Assert.Empty(New(CaseStatus.Resolved).Close("agent1", null, Later).Then);
    }
}
