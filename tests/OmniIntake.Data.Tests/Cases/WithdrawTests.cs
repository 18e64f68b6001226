using OmniIntake.Core.Cases;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Cases;

/// <summary>Withdrawing a complaint (issue 13 item 1): decided by the case, persisted in one transaction with its audit and event.</summary>
public sealed class WithdrawTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AWithdrawnCase_KeepsItsRecord_OwesNothing_AndTakesNoMoreReplies(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138001", "3号楼电梯坏了"), Ct);

        Assert.Equal(CommandOutcome.Invalid, (await h.Commands.WithdrawAsync(opened.CaseId, " ", "agent1", Ct)).Outcome);
        Assert.True((await h.Commands.WithdrawAsync(opened.CaseId, "已经修好了", "agent1", Ct)).IsDone);
        Assert.Equal(CommandOutcome.Conflict, (await h.Commands.WithdrawAsync(opened.CaseId, "again", "agent1", Ct)).Outcome);
        Assert.Equal(CommandOutcome.Conflict, (await h.Commands.ReplyAsync(opened.CaseId, "您好", "agent1", Ct)).Outcome);
        Assert.Equal(CommandOutcome.Conflict, (await h.Commands.ReopenAsync(opened.CaseId, "agent1", "oops", Ct)).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await h.Commands.WithdrawAsync(987654, "reason", "agent1", Ct)).Outcome);

        var withdrawn = (await h.Queries.GetAsync(opened.CaseNumber, Ct))!;
        Assert.Equal("withdrawn", withdrawn.Case.Status);
        Assert.Equal("cancelled", withdrawn.Deadlines.Single(d => d.Kind == "forward").State);
        var audit = Assert.Single(withdrawn.Audit, a => a.Action == "case.withdrawn");
        Assert.Contains("已经修好了", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("\"fromStatus\":\"received\"", audit.Detail, StringComparison.Ordinal);
        Assert.Equal(["case.withdrawn"], await h.ListAsync<string>($"SELECT kind FROM events WHERE case_id = {opened.CaseId} AND kind = 'case.withdrawn'"));
        Assert.Empty(await h.ListAsync<long>("SELECT id FROM outbox WHERE case_id = " + opened.CaseId));
    }

    // Issue 13 item 1: claiming is decided by the case, consistent with assigning (a handled case is nobody's work),
    // and persisted by the one store: the holder compare-and-set, its audit and event, notes in any status.
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AWithdrawnCase_IsNotClaimed_ButIsReleased_AndTakesNotes(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138002", "停车费乱收"), Ct);
        Assert.True((await h.Commands.ClaimAsync(opened.CaseId, "agent1", takeOver: false, Ct)).IsDone);
        Assert.Equal(CommandOutcome.Conflict, (await h.Commands.ClaimAsync(opened.CaseId, "agent2", takeOver: false, Ct)).Outcome);
        Assert.True((await h.Commands.WithdrawAsync(opened.CaseId, "已经协商好了", "agent1", Ct)).IsDone);

        var claimed = await h.Commands.ClaimAsync(opened.CaseId, "agent2", takeOver: true, Ct);
        Assert.Equal(CommandOutcome.Conflict, claimed.Outcome);
        Assert.Contains("a handled case is not claimed", claimed.Error, StringComparison.Ordinal);
        Assert.True((await h.Commands.NoteAsync(opened.CaseId, "客户来电确认撤回", "agent1", Ct)).IsDone);
        Assert.True((await h.Commands.ReleaseAsync(opened.CaseId, "agent1", anyHolder: false, Ct)).IsDone);

        var detail = (await h.Queries.GetAsync(opened.CaseNumber, Ct))!;
        Assert.Null(detail.Case.ClaimedBy);
        Assert.Equal(["case.claimed", "case.withdrawn", "case.note", "case.released"],
            detail.Audit.Where(a => a.Action is "case.claimed" or "case.withdrawn" or "case.note" or "case.released").OrderBy(a => a.Id).Select(a => a.Action));
        Assert.Equal("客户来电确认撤回", Assert.Single(detail.Messages, m => m.Direction == "note").BodyText);
        Assert.Equal(2, await h.CountAsync($"events WHERE case_id = {opened.CaseId} AND kind = 'case.claimed'"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ARaisedClass_IsLeftAlone_OnceAPersonSetIt(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138001", "噪音"), Ct);

        Assert.True((await h.Commands.ClassifyAsync(opened.CaseId, CaseClass.Major, null, "sup1", "media", Ct)).IsDone);
        Assert.True((await h.Commands.ClassifyAsync(opened.CaseId, CaseClass.General, null, "sup1", "not major after all", Ct)).IsDone);

        var row = (await h.ListAsync<(string Class, bool ByHand)>("SELECT class, class_by_hand FROM cases WHERE id = " + opened.CaseId)).Single();
        Assert.Equal(("general", true), row);
        var detail = (await h.Queries.GetAsync(opened.CaseNumber, Ct))!;
        Assert.Equal("pending", detail.Deadlines.Single(d => d.Kind == "majorFirstAnswer").State);
        Assert.Equal(2, detail.Audit.Count(a => a.Action == "case.classified"));
    }
}
