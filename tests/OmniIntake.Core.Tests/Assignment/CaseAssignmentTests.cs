using OmniIntake.Core.Assignment;
using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Tests.Assignment;

/// <summary>Case.Assign without a database (issue 15 item 5): assign, reassign, unassign, and each refusal with its code.</summary>
public sealed class CaseAssignmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Assignee Wang = new("wang", "王芳", ["agent"]);
    private static readonly Assignee Li = new("li", "李强", ["agent", "supervisor"]);

    private static Case New(CaseStatus status = CaseStatus.Received) => new(7, "TS-20261201-00007", status, Channel.Phone, null, Now);

    [Fact]
    public void Assign_AnUnheldCase_RecordsWhoGaveItToWhom_WithTheNote()
    {
        var decision = New().Assign(null, "wang", Wang, "zhao", " 客户要求回电 ", Now, mayTakeFromOthers: false);

        Assert.True(decision.IsDone);
        var change = Assert.IsType<CaseAssigned>(decision.Change);
        Assert.Equal(("case.assigned", "case.claimed", null, "wang", "王芳", "客户要求回电", "zhao"),
            (change.AuditAction, change.EventKind, change.From, change.To, change.ToDisplayName, change.Note, change.Actor));
        Assert.Equal(CaseStatus.Received, change.ToStatus);
    }

    [Fact]
    public void Reassign_BySupervisor_TakesItFromTheHolder_ButAnAgentMayNot()
    {
        var bySupervisor = New(CaseStatus.Forwarded).Assign("wang", "li", Li, "boss", null, Now, mayTakeFromOthers: true);
        var byAgent = New(CaseStatus.Forwarded).Assign("wang", "li", Li, "zhao", null, Now, mayTakeFromOthers: false);
        var byHolder = New(CaseStatus.Forwarded).Assign("wang", "li", Li, "wang", null, Now, mayTakeFromOthers: false);

        Assert.Equal(("case.reassigned", "wang", "li"), (bySupervisor.Change!.AuditAction, bySupervisor.Change.From, bySupervisor.Change.To));
        Assert.Equal((CommandOutcome.Conflict, AssignmentCodes.HeldByOther), (byAgent.Result.Outcome, byAgent.Code));
        Assert.Equal("case.reassigned", byHolder.Change!.AuditAction);
    }

    [Fact]
    public void Unassign_GivesItBackToTheQueue_AndTwiceChangesNothing()
    {
        var back = New().Assign("wang", null, null, "wang", null, Now, mayTakeFromOthers: false);
        var again = New().Assign(null, null, null, "wang", null, Now, mayTakeFromOthers: false);
        var same = New().Assign("wang", "wang", Wang, "boss", null, Now, mayTakeFromOthers: true);

        Assert.Equal(("case.unassigned", "wang", (string?)null), (back.Change!.AuditAction, back.Change.From, back.Change.To));
        Assert.True(again.IsDone);
        Assert.Null(again.Change);
        Assert.Null(same.Change);
    }

    [Theory]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Withdrawn)]
    [InlineData(CaseStatus.Merged)]
    public void AHandledCase_IsRefused_WhoeverIsAskedFor(CaseStatus status)
    {
        var decision = New(status).Assign(null, "#99", null, "boss", null, Now, mayTakeFromOthers: true);

        Assert.Equal((CommandOutcome.Conflict, AssignmentCodes.CaseClosed), (decision.Result.Outcome, decision.Code));
        Assert.Null(decision.Change);
    }

    [Fact]
    public void AResolvedCase_MayStillBeGivenAnOwnerForItsFollowUp() =>
        Assert.NotNull(New(CaseStatus.Resolved).Assign(null, "wang", Wang, "boss", null, Now, mayTakeFromOthers: true).Change);

    [Fact]
    public void UnknownUsers_NonAgents_SwitchedOffAccounts_AndLongNotes_AreRefusedWithTheirCodes()
    {
        var kase = New();

        var unknown = kase.Assign(null, "nobody", null, "boss", null, Now, true);
        var owner = kase.Assign(null, "zhao", new Assignee("zhao", "赵六", ["owner"]), "boss", null, Now, true);
        var off = kase.Assign(null, "gone", new Assignee("gone", "离职", []), "boss", null, Now, true);
        var longNote = kase.Assign(null, "wang", Wang, "boss", new string('长', Case.MaxAssignmentNoteLength + 1), Now, true);

        Assert.Equal(
            [(CommandOutcome.Invalid, AssignmentCodes.UnknownUser), (CommandOutcome.Invalid, AssignmentCodes.NotAnAgent),
                (CommandOutcome.Invalid, AssignmentCodes.Inactive), (CommandOutcome.Invalid, AssignmentCodes.NoteTooLong)],
            new[] { unknown, owner, off, longNote }.Select(d => (d.Result.Outcome, d.Code)));
    }
}
