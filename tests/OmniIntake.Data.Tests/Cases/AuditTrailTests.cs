using System.Text.Json;
using OmniIntake.Core.Cases;
using OmniIntake.Data.Cases;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Cases;

public sealed class AuditTrailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task EveryChange_IsInTheAuditTrail_WithWhoAndWhen(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138000", "电梯故障"), Ct);
        var department = await h.Departments.CreateAsync("property", "物业管理部", Ct);
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await h.Commands.ClassifyAsync(opened.CaseId, CaseClass.Hot, "property-management", "sup1", "3 complainants", Ct)).IsDone);
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await h.Commands.ReplyAsync(opened.CaseId, "已收到，正在处理", "agent1", Ct)).IsDone);
        Assert.True((await h.Commands.ForwardAsync(opened.CaseId, department!.Id, "agent1", "please answer", Ct)).IsDone);
        Assert.True((await h.Commands.ResolveAsync(opened.CaseId, "agent2", "repaired", Ct)).IsDone);

        var detail = await h.Queries.GetAsync(opened.CaseNumber, Ct);

        Assert.Equal(["case.opened", "case.classified", "reply.queued", "case.forwarded", "case.resolved"], detail!.Audit.Select(a => a.Action));
        Assert.Equal(["customer", "sup1", "agent1", "agent1", "agent2"], detail.Audit.Select(a => a.Actor));
        Assert.Equal(h.Clock.GetUtcNow(), detail.Audit[^1].At);
        Assert.Equal("3 complainants", JsonDocument.Parse(detail.Audit[1].Detail).RootElement.GetProperty("reason").GetString());
        Assert.Equal("resolved", detail.Case.Status);
        Assert.Equal("hot", detail.Case.Class);
        Assert.Equal("met", detail.Deadlines.Single(d => d.Kind == "forward").State);
        Assert.Equal(["inbound", "outbound"], detail.Messages.Select(m => m.Direction));
        Assert.Equal("pending", detail.Messages[1].DeliveryStatus);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task RefusedCommand_ChangesNothing(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138000", "噪音"), Ct);
        var auditBefore = await h.CountAsync("audit");

        var unknownDepartment = await h.Commands.ForwardAsync(opened.CaseId, 999, "agent1", null, Ct);
        var unknownCategory = await h.Commands.ClassifyAsync(opened.CaseId, null, "no-such", "agent1", null, Ct);
        var noCase = await h.Commands.ResolveAsync(123456, "agent1", null, Ct);

        Assert.Equal(CommandOutcome.Invalid, unknownDepartment.Outcome);
        Assert.Equal(CommandOutcome.Invalid, unknownCategory.Outcome);
        Assert.Equal(CommandOutcome.NotFound, noCase.Outcome);
        Assert.Equal(auditBefore, await h.CountAsync("audit"));
        Assert.Equal("received", (await h.Queries.GetAsync(opened.CaseNumber, Ct))!.Case.Status);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Queue_FiltersAndSearches(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var sms = await h.Intake.AcceptAsync(h.Sms("+8613800138000", "水费多收"), Ct);
        var mail = await h.Intake.AcceptAsync(h.Email("zhang@example.test", "Parking", "parking fee"), Ct);

        var bySms = await h.Queries.ListAsync(new CaseFilter { Channel = "sms" }, Ct);
        var byPhone = await h.Queries.ListAsync(new CaseFilter { Search = "13800138000" }, Ct);
        var byText = await h.Queries.ListAsync(new CaseFilter { Search = "parking" }, Ct);
        var byNumber = await h.Queries.ListAsync(new CaseFilter { Search = sms.CaseNumber }, Ct);

        Assert.Equal([sms.CaseId], bySms.Select(c => c.Id));
        Assert.Equal([sms.CaseId], byPhone.Select(c => c.Id));
        Assert.Equal([mail.CaseId], byText.Select(c => c.Id));
        Assert.Equal([sms.CaseId], byNumber.Select(c => c.Id));
    }
}
