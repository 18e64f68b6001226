using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OmniIntake.Channels.WebChat.Hub;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Conversations;
using OmniIntake.Data;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Workspace;

/// <summary>
/// What the workspace (issue 14) adds to the hub, additively: the dialog transcript of a case, the deadline rule codes
/// beside their English text, the organisation's zone, and the app served at /app/ with its routes.
/// </summary>
public sealed class WorkspaceApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ChatTurn> SayAsync(HubConnection chat, string token, string text) =>
        await chat.InvokeAsync<ChatTurn>("Send", token, Guid.NewGuid().ToString("N"), text, Ct);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ACaseFromTheChatDialog_HasItsQuestionsAndAnswers_AndItsDeadlineRuleAsACode(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        await using var chat = host.ChatHub();
        await chat.StartAsync(Ct);
        var session = await chat.InvokeAsync<ChatSession>("Start", "zh-CN", Ct);
        await SayAsync(chat, session.Token, "3号楼电梯坏了三天，我叫王芳");
        await SayAsync(chat, session.Token, "13800138000");
        await SayAsync(chat, session.Token, "昨天下午三点");
        await SayAsync(chat, session.Token, "3号楼");
        await SayAsync(chat, session.Token, "尽快修好");
        var done = await SayAsync(chat, session.Token, "确认");
        Assert.Equal(ConversationStatus.Registered, done.Status);
        // After the dialog: this joins the case as a message, not the transcript.
        await SayAsync(chat, session.Token, "什么时候能修好？");

        using var agent = await host.ClientAsync(Roles.Agent);
        var detail = await agent.GetFromJsonAsync<JsonElement>($"/api/cases/{done.CaseNumber}", Ct);
        var id = detail.GetProperty("case").GetProperty("id").GetInt64();
        var lines = await agent.GetFromJsonAsync<JsonElement[]>($"/api/cases/{id}/dialog", Ct) ?? [];

        var said = lines.Select(l => (l.GetProperty("speaker").GetString(), l.GetProperty("text").GetString()!)).ToList();
        Assert.Equal("bot", said[0].Item1);
        Assert.Contains(said, l => l == ("customer", "3号楼电梯坏了三天，我叫王芳"));
        Assert.Contains(said, l => l == ("customer", "尽快修好"));
        Assert.Contains(said, l => l.Item1 == "bot" && l.Item2.Contains(done.CaseNumber!, StringComparison.Ordinal));
        Assert.DoesNotContain(said, l => l.Item2 == "什么时候能修好？");
        Assert.Equal(lines.Select(l => l.GetProperty("id").GetInt64()).Order(), lines.Select(l => l.GetProperty("id").GetInt64()));

        // The deadline keeps its English rule and gains a code with parameters the catalogs render.
        var forward = detail.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "forward");
        var code = forward.GetProperty("ruleCode").GetProperty("code").GetString();
        Assert.StartsWith("policy 5.2.2", forward.GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.Contains(code, new[] { "policy.5.2.2.day-off", "policy.5.2.2.working-hours", "policy.5.2.2.off-hours" });
    }

    [Fact]
    public async Task ACaseWithoutADialog_HasAnEmptyTranscript_AndOnlyAgentsReadIt()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = JsonContent.Create(new { channel = "phone", text = "电话投诉：停车场收费不合理", phone = "13800138000" }),
        };
        request.Headers.Add("Idempotency-Key", "workspace-1");
        var created = await (await agent.SendAsync(request, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = created.GetProperty("caseId").GetInt64();
        var lines = await agent.GetFromJsonAsync<JsonElement[]>($"/api/cases/{id}/dialog", Ct);
        Assert.NotNull(lines);
        Assert.Empty(lines);

        using var owner = await host.ClientAsync(Roles.Owner);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync($"/api/cases/{id}/dialog", Ct)).StatusCode);
    }

    [Fact]
    public async Task TheSettings_GiveTheOrganisationsZone_ToEveryStaffRole()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Intake:TimeZone"] = "Asia/Hong_Kong" });
        using var owner = await host.ClientAsync(Roles.Owner);
        var settings = await owner.GetFromJsonAsync<JsonElement>("/api/workspace/settings", Ct);
        Assert.Equal("Asia/Hong_Kong", settings.GetProperty("timeZone").GetString());
        using var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/workspace/settings", Ct)).StatusCode);
    }

    [Fact]
    public async Task TheApp_IsServedAtItsRoutes_AndAMissingAssetIsNotThePage()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = host.Anonymous();
        foreach (var path in new[] { "/app/", "/app/queue", "/app/cases/TS-20261201-00001" })
        {
            var response = await anonymous.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<div id=\"app\">", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        // A missing file is not answered with the app's page (a stale script would run HTML): the hub's usual answer
        // to an unknown path (sign-in first) applies.
        var missing = await anonymous.GetAsync("/app/assets/missing-0000.js", Ct);
        Assert.NotEqual(HttpStatusCode.OK, missing.StatusCode);
        Assert.DoesNotContain("<div id=\"app\">", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
