using System.Net;
using System.Text.Json;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.CannedReplies;
using OmniIntake.Data;
using OmniIntake.Data.CannedReplies;
using OmniIntake.Server.CannedReplies;

namespace OmniIntake.Server.Tests.CannedReplies;

/// <summary>Canned replies (issue 15 item 4): who manages which, what is refused, and the variables filled for a case.</summary>
public sealed class CannedRepliesApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task SupervisorsManageSharedReplies_AgentsTheirOwn_AndNobodySeesAnotherAgentsPersonalReply(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        using var admin = await host.ClientAsync(Roles.Admin);
        (await admin.PostAsJsonAsync("/api/users", new { username = "wang", password = HubHost.UserPassword, roles = new[] { "agent" } }, Ct)).EnsureSuccessStatusCode();
        using var otherAgent = await host.ClientForUserAsync("wang");

        // An agent cannot create a shared reply; a supervisor can; the agent creates a personal one.
        await AssertProblemAsync(await agent.PostAsJsonAsync("/api/canned-replies", Request("thanks", shared: true), Ct), HttpStatusCode.Forbidden, "canned.shared-supervisors");
        var shared = await CreatedAsync(await supervisor.PostAsJsonAsync("/api/canned-replies", Request("thanks", shared: true), Ct));
        Assert.True(shared.Shared);
        Assert.Null(shared.Owner);
        var mine = await CreatedAsync(await agent.PostAsJsonAsync("/api/canned-replies", Request("mine", shared: false, text: "我的常用语"), Ct));
        Assert.Equal("only-agent", mine.Owner);

        // Each sees the shared replies and their own only.
        Assert.Equal(["mine", "thanks"], (await ListAsync(agent)).Select(r => r.Shortcut));
        Assert.Equal(["thanks"], (await ListAsync(otherAgent)).Select(r => r.Shortcut));

        // The agent cannot change or delete the shared reply, nor the other agent the personal one; the supervisor and its owner can.
        await AssertProblemAsync(await agent.PutAsJsonAsync($"/api/canned-replies/{shared.Id}", Request("thanks", shared: true, text: "改"), Ct), HttpStatusCode.NotFound, "canned.not-found");
        await AssertProblemAsync(await agent.DeleteAsync($"/api/canned-replies/{shared.Id}", Ct), HttpStatusCode.NotFound, "canned.not-found");
        await AssertProblemAsync(await otherAgent.PutAsJsonAsync($"/api/canned-replies/{mine.Id}", Request("mine", shared: false), Ct), HttpStatusCode.NotFound, "canned.not-found");
        await AssertProblemAsync(await otherAgent.DeleteAsync($"/api/canned-replies/{mine.Id}", Ct), HttpStatusCode.NotFound, "canned.not-found");
        var changed = await supervisor.PutAsJsonAsync($"/api/canned-replies/{shared.Id}", Request("thanks", shared: true, text: "感谢您的耐心，{customer.name}。"), Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("感谢您的耐心，{customer.name}。", (await changed.Content.ReadFromJsonAsync<CannedReplyView>(Ct))!.Text);
        Assert.Equal(HttpStatusCode.NoContent, (await agent.DeleteAsync($"/api/canned-replies/{mine.Id}", Ct)).StatusCode);
        Assert.Equal(["thanks"], (await ListAsync(agent)).Select(r => r.Shortcut));

        // Owners (department complaint owners) have no canned replies.
        using var owner = await host.ClientAsync(Roles.Owner);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/api/canned-replies", Ct)).StatusCode);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task ABadReply_IsRefusedWithAStableCode_AndAShortcutIsUniquePerOwnerAndLanguage(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        using var agent = await host.ClientAsync(Roles.Agent);
        await AssertProblemAsync(await supervisor.PostAsJsonAsync("/api/canned-replies", Request("has space", shared: true), Ct), HttpStatusCode.BadRequest, "canned.shortcut");
        await AssertProblemAsync(await supervisor.PostAsJsonAsync("/api/canned-replies", Request("", shared: true), Ct), HttpStatusCode.BadRequest, "canned.shortcut");
        await AssertProblemAsync(await supervisor.PostAsJsonAsync("/api/canned-replies", Request(new string('a', 41), shared: true), Ct), HttpStatusCode.BadRequest, "canned.shortcut");
        await AssertProblemAsync(await supervisor.PostAsJsonAsync("/api/canned-replies", Request("ok", shared: true, title: " "), Ct), HttpStatusCode.BadRequest, "canned.title");
        await AssertProblemAsync(await supervisor.PostAsJsonAsync("/api/canned-replies", Request("ok", shared: true, language: "fr"), Ct), HttpStatusCode.BadRequest, "canned.language");
        await AssertProblemAsync(await supervisor.PostAsJsonAsync("/api/canned-replies", Request("ok", shared: true, text: ""), Ct), HttpStatusCode.BadRequest, "canned.text");
        await AssertProblemAsync(await supervisor.PostAsJsonAsync("/api/canned-replies", Request("ok", shared: true, text: new string('长', 4001)), Ct), HttpStatusCode.BadRequest, "canned.text");
        var unknown = await supervisor.PostAsJsonAsync("/api/canned-replies", Request("ok", shared: true, text: "{customer.name}您好，{customer.phone}"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("canned.unknown-variable", problem.GetProperty("code").GetString());
        Assert.Equal(["customer.phone"], problem.GetProperty("variables").EnumerateArray().Select(v => v.GetString()));
        Assert.Empty(await ListAsync(supervisor));

        // A Chinese shortcut is fine; the same shortcut again in the same language is taken, in the other language or as a personal one it is not.
        await CreatedAsync(await supervisor.PostAsJsonAsync("/api/canned-replies", Request("致歉", shared: true), Ct));
        await AssertProblemAsync(await supervisor.PostAsJsonAsync("/api/canned-replies", Request("致歉", shared: true), Ct), HttpStatusCode.Conflict, "canned.shortcut-taken");
        await CreatedAsync(await supervisor.PostAsJsonAsync("/api/canned-replies", Request("致歉", shared: true, language: "en", text: "We apologise, {customer.name}."), Ct));
        var personal = await CreatedAsync(await agent.PostAsJsonAsync("/api/canned-replies", Request("致歉", shared: false), Ct));
        // Renaming onto a taken shortcut is refused too; a shared reply does not become personal.
        var other = await CreatedAsync(await agent.PostAsJsonAsync("/api/canned-replies", Request("其他", shared: false), Ct));
        await AssertProblemAsync(await agent.PutAsJsonAsync($"/api/canned-replies/{other.Id}", Request("致歉", shared: false), Ct), HttpStatusCode.Conflict, "canned.shortcut-taken");
        await AssertProblemAsync(await agent.PutAsJsonAsync($"/api/canned-replies/{personal.Id}", Request("致歉", shared: true), Ct), HttpStatusCode.BadRequest, "canned.shared-fixed");
        Assert.Equal(4, (await ListAsync(agent)).Count);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task TheVariables_AreFilledForTheCase_OnTheHub_WithTheDeadlineInTheOrganisationsZone(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        using var admin = await host.ClientAsync(Roles.Admin);
        (await admin.PostAsJsonAsync("/api/users", new { username = "li", displayName = "李客服", password = HubHost.UserPassword, roles = new[] { "agent" } }, Ct)).EnsureSuccessStatusCode();
        using var agent = await host.ClientForUserAsync("li");
        var named = await agent.RegisterAsync(new { channel = "phone", text = "停车费收错了", phone = "13812345001", complainantName = "赵女士" });
        var anonymous = await agent.RegisterAsync(new { channel = "letter", text = "匿名来信" });
        var zh = await CreatedAsync(await supervisor.PostAsJsonAsync("/api/canned-replies",
            Request("受理", shared: true, text: "{customer.name}您好，您的投诉（{case.number}）已受理，我们将在{deadline}前转交处理。客服：{agent.name}"), Ct));
        var en = await CreatedAsync(await supervisor.PostAsJsonAsync("/api/canned-replies",
            Request("received", shared: true, language: "en", text: "Dear {customer.name}, case {case.number} is registered. {agent.name}"), Ct));

        var due = TimeZoneInfo.ConvertTime(named.ForwardDueAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var rendered = (await agent.GetFromJsonAsync<RenderedReply>($"/api/canned-replies/{zh.Id}/render?caseId={named.CaseId}", Ct))!;
        Assert.Equal($"赵女士您好，您的投诉（{named.Number}）已受理，我们将在{due}前转交处理。客服：李客服", rendered.Text);
        Assert.Empty(rendered.Missing);

        // No name given: the neutral word of the reply's language, and the agent is told which variable had no value.
        var neutral = (await agent.GetFromJsonAsync<RenderedReply>($"/api/canned-replies/{en.Id}/render?caseId={anonymous.CaseId}", Ct))!;
        Assert.Equal($"Dear customer, case {anonymous.Number} is registered. 李客服", neutral.Text);
        Assert.Equal(["customer.name"], neutral.Missing);

        await AssertProblemAsync(await agent.GetAsync($"/api/canned-replies/{zh.Id}/render?caseId=999999", Ct), HttpStatusCode.NotFound, "canned.case-not-found");
        await AssertProblemAsync(await agent.GetAsync($"/api/canned-replies/999999/render?caseId={named.CaseId}", Ct), HttpStatusCode.NotFound, "canned.not-found");
    }

    private static CannedReplyRequest Request(string shortcut, bool shared, string title = "标题", string language = "zh-CN", string text = "您好，{customer.name}。") =>
        new(shortcut, title, language, text, shared);

    private static async Task<CannedReplyView> CreatedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CannedReplyView>(Ct))!;
    }

    private static async Task<IReadOnlyList<CannedReplyView>> ListAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<CannedReplyView>>("/api/canned-replies", Ct))!;

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
    }
}
