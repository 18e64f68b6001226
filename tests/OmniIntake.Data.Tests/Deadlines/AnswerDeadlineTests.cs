using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Intake;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Deadlines;

/// <summary>The deadlines that follow forwarding and classification (policy 5.2.5, 5.3.1, 4.1.2).</summary>
public sealed class AnswerDeadlineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Forwarding_StartsTheOwnersFourWorkingHours_AndTheOwnersAnswerStopsThem(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero)); // Friday 16:00 in Shanghai
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138000", "物业不作为"), Ct);
        var property = await h.Departments.CreateAsync("property", "物业部", Ct);
        var sales = await h.Departments.CreateAsync("sales", "销售部", Ct);
        Assert.True((await h.Commands.ForwardAsync(opened.CaseId, property!.Id, "agent1", null, Ct)).IsDone);

        var owed = (await h.Deadlines.ForCaseAsync(opened.CaseId, Ct)).Single(d => d.Kind == DeadlineKind.OwnerAnswer);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.FromHours(8)), owed.DueAt); // Monday 11:00
        Assert.Contains("5.2.5", owed.Rule, StringComparison.Ordinal);

        var wrongOwner = await h.Commands.AnswerAsync(opened.CaseId, "不是我们部门", "owner-sales", OwnerScope.Department(sales!.Id), Ct);
        Assert.Equal(CommandOutcome.Conflict, wrongOwner.Outcome);
        Assert.True((await h.Commands.AnswerAsync(opened.CaseId, "已安排维修，周一完成", "owner-property", OwnerScope.Department(property.Id), Ct)).IsDone);

        var detail = await h.Queries.GetAsync(opened.CaseNumber, Ct);
        Assert.Equal("answered", detail!.Case.Status);
        Assert.Equal("met", detail.Deadlines.Single(d => d.Kind == "ownerAnswer").State);
        Assert.Equal("internal", detail.Messages[^1].Direction);
        Assert.Equal("owner-property", detail.Audit[^1].Actor);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ReDispatch_OwesANewAnswerFromTheNewDepartment(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138000", "投诉"), Ct);
        var first = await h.Departments.CreateAsync("a", "A", Ct);
        var second = await h.Departments.CreateAsync("b", "B", Ct);
        await h.Commands.ForwardAsync(opened.CaseId, first!.Id, "agent1", null, Ct);
        await h.Commands.AnswerAsync(opened.CaseId, "wrongly routed", "owner-a", OwnerScope.Department(first.Id), Ct);
        h.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.True((await h.Commands.ForwardAsync(opened.CaseId, second!.Id, "agent1", "re-dispatch", Ct)).IsDone);

        var detail = await h.Queries.GetAsync(opened.CaseNumber, Ct);
        var owed = detail!.Deadlines.Single(d => d.Kind == "ownerAnswer");
        Assert.Equal("pending", owed.State);
        Assert.Equal(h.Clock.GetUtcNow() + TimeSpan.FromHours(4), owed.DueAt); // Tuesday 10:10, inside working hours
        Assert.Contains("\"redispatch\":true", detail.Audit[^1].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ForumCase_OwesAPublicReply_WhichOnlyTheRecordOfThePostedReplyMeets(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var post = await h.Intake.AcceptAsync(new InboundMessage
        {
            Channel = Channel.Forum, ExternalId = "topic-9/post-1", Sender = ContactHandle.Create(ContactHandleKind.Forum, "discourse:alice"),
            Text = "售后电话一直打不通", ReceivedAt = h.Clock.GetUtcNow(),
        }, Ct);
        var department = await h.Departments.CreateAsync("service", "客服", Ct);
        await h.Commands.ForwardAsync(post.CaseId, department!.Id, "agent1", null, Ct);
        Assert.Equal(DeadlineKind.PublicReply, (await h.Deadlines.ForCaseAsync(post.CaseId, Ct)).Single(d => d.Kind != DeadlineKind.Forward).Kind);

        await h.Commands.ReplyAsync(post.CaseId, "您好，客服中心已转交相关部门处理。", "agent1", Ct);
        Assert.Equal(DeadlineState.Pending, (await h.Deadlines.ForCaseAsync(post.CaseId, Ct)).Single(d => d.Kind == DeadlineKind.PublicReply).State);

        Assert.True((await h.Commands.RecordPublicReplyAsync(post.CaseId, "https://forum.example.test/t/7#post-2", "agent1", Ct)).IsDone);

        Assert.Equal(DeadlineState.Met, (await h.Deadlines.ForCaseAsync(post.CaseId, Ct)).Single(d => d.Kind == DeadlineKind.PublicReply).State);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task MajorCase_OwesAFirstAnswerWithin24Hours_OfReceipt(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var received = h.Clock.GetUtcNow();
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138000", "已经起诉"), Ct);
        h.Clock.Advance(TimeSpan.FromHours(2));

        await h.Commands.ClassifyAsync(opened.CaseId, CaseClass.Major, null, "sup1", "lawsuit filed", Ct);
        var owed = (await h.Deadlines.ForCaseAsync(opened.CaseId, Ct)).Single(d => d.Kind == DeadlineKind.MajorFirstAnswer);
        await h.Commands.ReplyAsync(opened.CaseId, "我们已收到并高度重视", "agent1", Ct);

        Assert.Equal(received + TimeSpan.FromHours(24), owed.DueAt);
        Assert.Equal(DeadlineState.Met, (await h.Deadlines.ForCaseAsync(opened.CaseId, Ct)).Single(d => d.Kind == DeadlineKind.MajorFirstAnswer).State);
    }
}
