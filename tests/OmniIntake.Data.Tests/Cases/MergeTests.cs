using OmniIntake.Core.Cases;
using OmniIntake.Core.Intake;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Cases;

/// <summary>Merging a duplicate (issue 6): the survivor answers under its number for both complainants.</summary>
public sealed class MergeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AMergedDuplicate_PointsAtTheSurvivor_WhichAnswersItsComplainant(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var survivor = await h.Intake.AcceptAsync(h.Sms("+8613800138001", "3号楼电梯坏了"), Ct);
        var duplicate = await h.Intake.AcceptAsync(h.Sms("+8613800138002", "3号楼电梯又坏了"), Ct);

        Assert.Equal(CommandOutcome.Invalid, (await h.Commands.MergeAsync(duplicate.CaseId, duplicate.CaseId, "agent1", "dup", Ct)).Outcome);
        Assert.Equal(CommandOutcome.Invalid, (await h.Commands.MergeAsync(duplicate.CaseId, survivor.CaseId, "agent1", " ", Ct)).Outcome);
        Assert.True((await h.Commands.MergeAsync(duplicate.CaseId, survivor.CaseId, "agent1", "同一部电梯", Ct)).IsDone);
        Assert.Equal(CommandOutcome.Conflict, (await h.Commands.MergeAsync(duplicate.CaseId, survivor.CaseId, "agent1", "again", Ct)).Outcome);
        Assert.Equal(CommandOutcome.Conflict, (await h.Commands.MergeAsync(survivor.CaseId, duplicate.CaseId, "agent1", "into a merged one", Ct)).Outcome);

        var merged = (await h.Queries.GetAsync(duplicate.CaseNumber, Ct))!;
        Assert.Equal("merged", merged.Case.Status);
        Assert.Equal("cancelled", merged.Deadlines.Single(d => d.Kind == "forward").State);
        Assert.Contains(merged.Audit, a => a.Action == "case.merged" && a.Detail.Contains(survivor.CaseNumber, StringComparison.Ordinal));

        // The duplicate's complainant writes again quoting the old number, and also without it: both join the survivor.
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        var quoting = await h.Intake.AcceptAsync(h.Sms("+8613800138002", $"{duplicate.CaseNumber} 还没修好"), Ct);
        var plain = await h.Intake.AcceptAsync(h.Sms("+8613800138002", "今天还是坏的"), Ct);
        Assert.Equal((survivor.CaseId, IntakeOutcome.Threaded), (quoting.CaseId, quoting.Outcome));
        Assert.Equal(survivor.CaseId, plain.CaseId);

        // An answer on the survivor goes to both complainants.
        Assert.True((await h.Commands.ReplyAsync(survivor.CaseId, "已安排维修", "agent1", Ct)).IsDone);
        var recipients = await h.ListAsync<string>("SELECT recipient FROM outbox WHERE case_id = " + survivor.CaseId);
        Assert.Equal(["+8613800138001", "+8613800138002"], recipients.Order());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task OnlyAResolvedCase_IsClosed_AndTheTimesAreKeptOnTheCase(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138001", "噪音"), Ct);
        var first = await h.Departments.CreateAsync("a", "A", Ct);
        var second = await h.Departments.CreateAsync("b", "B", Ct);
        await h.Commands.ForwardAsync(opened.CaseId, first!.Id, "agent1", null, Ct);
        await h.Commands.ForwardAsync(opened.CaseId, second!.Id, "agent1", "wrongly routed", Ct);
        await h.Commands.AnswerAsync(opened.CaseId, "已处理", "owner-b", OwnerScope.Department(second.Id), Ct);
        await h.Commands.ReplyAsync(opened.CaseId, "已处理完毕", "agent1", Ct);

        Assert.Equal(CommandOutcome.Conflict, (await h.Commands.CloseAsync(opened.CaseId, "agent1", null, Ct)).Outcome);
        await h.Commands.ResolveAsync(opened.CaseId, "agent1", null, Ct);
        Assert.True((await h.Commands.CloseAsync(opened.CaseId, "agent1", "客户满意", Ct)).IsDone);

        var times = (await h.ListAsync<(long Redispatches, bool Answered, bool Replied, bool Closed)>(
            "SELECT redispatches, owner_answered_at IS NOT NULL, first_replied_at IS NOT NULL, closed_at IS NOT NULL FROM cases WHERE id = " + opened.CaseId)).Single();
        Assert.Equal((1L, true, true, true), times);
    }
}
