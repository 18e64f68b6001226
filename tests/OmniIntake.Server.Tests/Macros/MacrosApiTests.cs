using System.Net;
using System.Text.Json;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Macros;
using OmniIntake.Data;
using OmniIntake.Data.CannedReplies;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Macros;
using OmniIntake.Data.Settings;
using OmniIntake.Server.Macros;

namespace OmniIntake.Server.Tests.Macros;

/// <summary>
/// Macros (issue 15 item 7): supervisors define them, agents apply them to a case; each step goes through its single
/// action (same refusals, same audit entries) plus one audit record naming the macro; a refused step stops the run.
/// </summary>
public sealed class MacrosApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task AnAgentAppliesASupervisorsMacro_TheReplyIsSentTheCategorySetAndTheCaseForwarded_EachAuditedAsItsSingleAction(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var admin = await host.ClientAsync(Roles.Admin);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        using var agent = await host.ClientAsync(Roles.Agent);
        var department = await DepartmentAsync(admin, "property", "物业部");
        var reply = await CannedAsync(supervisor, "受理", "{customer.name}您好，您的投诉{case.number}已受理并转交物业部。");
        var definition = Definition("转物业并回复", "Forward to property",
            new MacroAction { Kind = MacroActionKinds.Reply, CannedReplyId = reply.Id },
            new MacroAction { Kind = MacroActionKinds.Category, Category = "property-management" },
            new MacroAction { Kind = MacroActionKinds.Forward, DepartmentId = department, Note = "  请今天回电  " });

        // Agents apply macros but do not define them.
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/macros", definition, Ct)).StatusCode);
        var macro = await CreatedAsync(await supervisor.PostAsJsonAsync("/api/macros", definition, Ct));
        Assert.Equal("请今天回电", macro.Actions[2].Note);
        Assert.Equal([macro.Id], (await agent.GetFromJsonAsync<List<MacroView>>("/api/macros", Ct))!.Select(m => m.Id));

        var registered = await agent.RegisterAsync(new { channel = "phone", text = "楼道灯坏了一个月", phone = "13812345002", complainantName = "钱先生" });
        var preview = (await agent.GetFromJsonAsync<MacroPreview>($"/api/cases/{registered.CaseId}/macros/{macro.Id}/preview", Ct))!;
        var expectedReply = $"钱先生您好，您的投诉{registered.Number}已受理并转交物业部。";
        Assert.Equal(["reply", "category", "forward"], preview.Steps.Select(s => s.Kind));
        Assert.Equal(expectedReply, preview.Steps[0].Text);
        Assert.Equal("物业部", preview.Steps[2].DepartmentName);
        Assert.Equal([false, false, true], preview.Steps.Select(s => s.NeedsConfirmation));

        var applied = await agent.PostAsync($"/api/cases/{registered.CaseId}/macros/{macro.Id}/apply", null, Ct);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(["reply", "category", "forward"], (await applied.Content.ReadFromJsonAsync<MacroRun>(Ct))!.Applied.Select(s => s.Kind));

        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{registered.CaseId}", Ct))!;
        Assert.Equal("forwarded", detail.Case.Status);
        Assert.Equal("property-management", detail.Case.Category);
        Assert.Equal(department, detail.Case.DepartmentId);
        Assert.Contains(detail.Messages, m => m.Direction == "outbound" && m.BodyText == expectedReply);
        // Audited as the individual actions, in order, then one record naming the macro.
        // (The outbox's own entries about the reply's delivery come when its job runs, so they are left aside.)
        string[] ours = ["reply.queued", "case.classified", "case.forwarded", "macro.applied"];
        Assert.Equal(ours, detail.Audit.Select(a => a.Action).Where(ours.Contains));
        var macroRecord = detail.Audit.Single(a => a.Action == "macro.applied");
        var record = JsonDocument.Parse(macroRecord.Detail).RootElement;
        Assert.Equal(macro.Id, record.GetProperty("macroId").GetInt64());
        Assert.Equal("转物业并回复", record.GetProperty("nameZh").GetString());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("refused").ValueKind);
        Assert.Equal("only-agent", macroRecord.Actor);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task ARefusedStep_StopsTheMacro_SaysWhichAndWhy_AndTheStepsBeforeItStayApplied(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        using var agent = await host.ClientAsync(Roles.Agent);
        var macro = await CreatedAsync(await supervisor.PostAsJsonAsync("/api/macros", Definition("定为重大并解决", "Major and resolve",
            new MacroAction { Kind = MacroActionKinds.Category, Category = "engineering-quality" },
            new MacroAction { Kind = MacroActionKinds.Class, Class = "major" },
            new MacroAction { Kind = MacroActionKinds.Resolve, Note = "已联系工程部处理" }), Ct));
        var registered = await agent.RegisterAsync("外墙开裂", phone: "13812345003");

        // The class is a supervisor's decision (PRODUCT.md 5.5): the agent's run stops there, with the single action's own refusal.
        var refused = await agent.PostAsync($"/api/cases/{registered.CaseId}/macros/{macro.Id}/apply", null, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("macro.step-refused", problem.GetProperty("code").GetString());
        Assert.Equal(2, problem.GetProperty("step").GetInt32());
        Assert.Equal(2, problem.GetProperty("args").GetProperty("step").GetInt32());
        Assert.Equal("class", problem.GetProperty("kind").GetString());
        Assert.Equal("case.class-supervisor-only", problem.GetProperty("stepCode").GetString());
        Assert.Equal(["category"], problem.GetProperty("applied").EnumerateArray().Select(e => e.GetString()));

        var afterAgent = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{registered.CaseId}", Ct))!;
        Assert.Equal("engineering-quality", afterAgent.Case.Category);
        Assert.Equal("general", afterAgent.Case.Class);
        Assert.Equal("received", afterAgent.Case.Status);
        var record = JsonDocument.Parse(afterAgent.Audit.Last(a => a.Action == "macro.applied").Detail).RootElement;
        Assert.Equal(["category"], record.GetProperty("applied").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, record.GetProperty("refused").GetProperty("step").GetInt32());
        Assert.Equal("case.class-supervisor-only", record.GetProperty("refused").GetProperty("code").GetString());

        // A supervisor's run of the same macro goes through to the end.
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsync($"/api/cases/{registered.CaseId}/macros/{macro.Id}/apply", null, Ct)).StatusCode);
        var afterSupervisor = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{registered.CaseId}", Ct))!;
        Assert.Equal("major", afterSupervisor.Case.Class);
        Assert.Equal("resolved", afterSupervisor.Case.Status);
        Assert.Contains(afterSupervisor.Audit, a => a.Action == "case.resolved" && a.Detail.Contains("已联系工程部处理", StringComparison.Ordinal));

        // Now resolved, the same macro stops at its first step that the case refuses: resolving again (a conflict).
        var again = await supervisor.PostAsync($"/api/cases/{registered.CaseId}/macros/{macro.Id}/apply", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var conflict = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(3, conflict.GetProperty("step").GetInt32());
        Assert.Equal("command.conflict", conflict.GetProperty("stepCode").GetString());

        // A case or a macro that does not exist.
        await AssertProblemAsync(await agent.PostAsync($"/api/cases/{registered.CaseId}/macros/999999/apply", null, Ct), HttpStatusCode.NotFound, "macro.not-found");
        var noCase = await agent.PostAsync($"/api/cases/999999/macros/{macro.Id}/apply", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, noCase.StatusCode);
        Assert.Equal(1, (await noCase.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("step").GetInt32());
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task ABadDefinition_IsRefusedWithAStableCodeAndItsStep_AndEveryChangeIsAuditedWithBeforeAndAfter(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        using var agent = await host.ClientAsync(Roles.Agent);
        var personal = await CannedAsync(agent, "我的", "您好", shared: false);
        var ok = new MacroAction { Kind = MacroActionKinds.Category, Category = "property-management" };
        async Task Refused(object body, string code, int? step = null)
        {
            var response = await supervisor.PostAsJsonAsync("/api/macros", body, Ct);
            var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, code);
            if (step is { } s) Assert.Equal(s, problem.GetProperty("step").GetInt32());
        }
        await Refused(Definition(" ", "Name", ok), "macro.name");
        await Refused(Definition("名称", "", ok), "macro.name");
        await Refused(Definition("名称", "Name"), "macro.actions");
        await Refused(Definition("名称", "Name", ok, new MacroAction { Kind = "delete" }), "macro.action-kind", 2);
        await Refused(Definition("名称", "Name", ok, ok), "macro.action-twice", 2);
        await Refused(Definition("名称", "Name", new MacroAction { Kind = "resolve", Note = "好" }, ok), "macro.action-order", 1);
        await Refused(Definition("名称", "Name", ok, new MacroAction { Kind = "resolve" }), "macro.action-invalid", 2);
        await Refused(Definition("名称", "Name", new MacroAction { Kind = "pause", WaitingFor = "customer" }), "macro.action-invalid", 1);
        await Refused(Definition("名称", "Name", new MacroAction { Kind = "class", Class = "urgent" }), "macro.action-invalid", 1);
        // A shared macro cannot send an agent's personal reply; what it names must exist.
        await Refused(Definition("名称", "Name", new MacroAction { Kind = "reply", CannedReplyId = personal.Id }), "macro.reply-unknown", 1);
        await Refused(Definition("名称", "Name", ok, new MacroAction { Kind = "category", Category = "nope" }), "macro.action-twice", 2);
        await Refused(Definition("名称", "Name", new MacroAction { Kind = "category", Category = "nope" }), "macro.category-unknown", 1);
        await Refused(Definition("名称", "Name", new MacroAction { Kind = "forward", DepartmentId = 999999 }), "macro.department-unknown", 1);
        Assert.Empty((await supervisor.GetFromJsonAsync<List<MacroView>>("/api/macros", Ct))!);

        var macro = await CreatedAsync(await supervisor.PostAsJsonAsync("/api/macros", Definition("分类", "Categorise", ok), Ct));
        var changed = await supervisor.PutAsJsonAsync($"/api/macros/{macro.Id}", Definition("分类（物业）", "Categorise (property)", ok), Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.DeleteAsync($"/api/macros/{macro.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"/api/macros/{macro.Id}", Ct)).StatusCode);
        await AssertProblemAsync(await supervisor.DeleteAsync($"/api/macros/{macro.Id}", Ct), HttpStatusCode.NotFound, "macro.not-found");
        await AssertProblemAsync(await supervisor.PutAsJsonAsync($"/api/macros/{macro.Id}", Definition("分类", "Categorise", ok), Ct), HttpStatusCode.NotFound, "macro.not-found");

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/macros/changes", Ct)).StatusCode);
        var changes = (await supervisor.GetFromJsonAsync<List<SettingChangeView>>($"/api/macros/changes?id={macro.Id}", Ct))!;
        Assert.Equal(["deleted", "updated", "created"], changes.Select(c => c.Action));
        Assert.All(changes, c => Assert.Equal("only-supervisor", c.Actor));
        Assert.Null(changes[2].Before);
        Assert.Contains("\"nameZh\":\"分类\"", changes[1].Before, StringComparison.Ordinal);
        Assert.Contains("\"nameZh\":\"分类（物业）\"", changes[1].After, StringComparison.Ordinal);
        Assert.Null(changes[0].After);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task CannedReplyChanges_AreAudited_WhoWhenBeforeAndAfter_AndKeptAfterTheReplyIsDeleted(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        using var agent = await host.ClientAsync(Roles.Agent);
        var reply = await CannedAsync(supervisor, "致歉", "非常抱歉，{customer.name}。");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PutAsJsonAsync($"/api/canned-replies/{reply.Id}",
            new { shortcut = "致歉", title = "致歉", language = "zh-CN", text = "深表歉意，{customer.name}。", shared = true }, Ct)).StatusCode);
        // A refused change (the shortcut taken) leaves no entry.
        await CannedAsync(supervisor, "其他", "您好");
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PutAsJsonAsync($"/api/canned-replies/{reply.Id}",
            new { shortcut = "其他", title = "致歉", language = "zh-CN", text = "改", shared = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"/api/canned-replies/{reply.Id}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/canned-replies/changes", Ct)).StatusCode);
        var changes = (await supervisor.GetFromJsonAsync<List<SettingChangeView>>($"/api/canned-replies/changes?id={reply.Id}", Ct))!;
        Assert.Equal(["deleted", "updated", "created"], changes.Select(c => c.Action));
        Assert.All(changes, c => Assert.Equal("only-supervisor", c.Actor));
        Assert.Contains("非常抱歉", changes[1].Before, StringComparison.Ordinal);
        Assert.Contains("深表歉意", changes[1].After, StringComparison.Ordinal);
        Assert.Contains("深表歉意", changes[0].Before, StringComparison.Ordinal);
        Assert.Null(changes[0].After);
        Assert.Null(changes[2].Before);
        await AssertProblemAsync(await supervisor.GetAsync("/api/canned-replies/changes?limit=0", Ct), HttpStatusCode.BadRequest, "query.limit-invalid");
    }

    private static MacroRequest Definition(string nameZh, string nameEn, params MacroAction[] actions) => new(nameZh, nameEn, actions);

    private static async Task<long> DepartmentAsync(HttpClient admin, string code, string name)
    {
        var response = await admin.PostAsJsonAsync("/api/departments", new { code, name }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
    }

    private static async Task<CannedReplyView> CannedAsync(HttpClient client, string shortcut, string text, bool shared = true)
    {
        var response = await client.PostAsJsonAsync("/api/canned-replies", new { shortcut, title = shortcut, language = "zh-CN", text, shared }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CannedReplyView>(Ct))!;
    }

    private static async Task<MacroView> CreatedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MacroView>(Ct))!;
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}
