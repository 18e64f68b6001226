using System.Net;
using System.Text.Json;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;

namespace OmniIntake.Server.Tests.Cases;

public sealed class CaseApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task Register_WithTheSameIdempotencyKey_RegistersOnce(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);

        var first = await agent.RegisterAsync("电话投诉：售楼处承诺未兑现", key: "call-2026-11-24-001");
        var retry = await agent.RegisterAsync("电话投诉：售楼处承诺未兑现", key: "call-2026-11-24-001");
        var list = await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct);

        Assert.Equal("newcase", first.Outcome);
        Assert.Equal("duplicate", retry.Outcome);
        Assert.Equal(first.Number, retry.Number);
        Assert.Single(list!);
        var detail = await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{first.Number}", Ct);
        Assert.Equal("phone", detail!.Case.Channel);
        Assert.Equal("王先生", detail.Fields.ComplainantName);
        Assert.Equal("+8613800138000", detail.Fields.ContactPhone);
        Assert.Equal("only-agent", detail.Audit.Single().Actor);
    }

    [Theory]
    [InlineData("""{"channel":"phone","text":"x","phone":"12"}""", "Invalid phone")]
    [InlineData("""{"channel":"sms","text":"x"}""", "Invalid channel")]
    [InlineData("""{"channel":"phone","text":""}""", "Text required")]
    [InlineData("""{"channel":"letter","text":"x","category":"nope"}""", "Unknown category")]
    public async Task Register_BadInput_GetsAProblemAndWritesNothing(string body, string title)
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", "k1");

        var response = await agent.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Empty((await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!);
    }

    [Fact]
    public async Task Register_WithoutIdempotencyKey_IsRefused()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var agent = await host.ClientAsync(Roles.Agent);

        var response = await agent.PostAsJsonAsync("/api/cases", new { channel = "walkin", text = "到访投诉" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Class_IsSetBySupervisors_CategoryByAgents()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var registered = await agent.RegisterAsync("集体投诉：12户业主");

        var byAgent = await agent.PostAsJsonAsync($"/api/cases/{registered.CaseId}/classify", new { @class = "major" }, Ct);
        var category = await agent.PostAsJsonAsync($"/api/cases/{registered.CaseId}/classify", new { category = "engineering-quality" }, Ct);
        var bySupervisor = await supervisor.PostAsJsonAsync($"/api/cases/{registered.CaseId}/classify",
            new { @class = "major", reason = "collective complaint by 12 households" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, category.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/users", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, bySupervisor.StatusCode);
        var detail = await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{registered.CaseId}", Ct);
        Assert.Equal(("major", "engineering-quality"), (detail!.Case.Class, detail.Case.Category));
    }

    [Fact]
    public async Task Owner_AnswersCasesForwardedToTheirDepartment_Only()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await host.ClientAsync(Roles.Admin);
        using var agent = await host.ClientAsync(Roles.Agent);
        var engineering = await (await admin.PostAsJsonAsync("/api/departments", new { code = "eng", name = "工程部" }, Ct))
            .Content.ReadFromJsonAsync<Data.Departments.DepartmentView>(Ct);
        var sales = await (await admin.PostAsJsonAsync("/api/departments", new { code = "sales", name = "销售部" }, Ct))
            .Content.ReadFromJsonAsync<Data.Departments.DepartmentView>(Ct);
        foreach (var (name, department) in new[] { ("eng-owner", engineering!.Id), ("sales-owner", sales!.Id) })
        {
            (await admin.PostAsJsonAsync("/api/users", new { username = name, password = HubHost.UserPassword, roles = new[] { "owner" }, departmentId = department }, Ct))
                .EnsureSuccessStatusCode();
        }
        var registered = await agent.RegisterAsync("墙体开裂");
        (await agent.PostAsJsonAsync($"/api/cases/{registered.CaseId}/forward", new { departmentId = engineering.Id }, Ct)).EnsureSuccessStatusCode();

        using var salesOwner = await host.ClientForUserAsync("sales-owner");
        using var engOwner = await host.ClientForUserAsync("eng-owner");
        Assert.Empty((await salesOwner.GetFromJsonAsync<List<CaseSummary>>("/api/owner/cases", Ct))!);
        Assert.Equal([registered.CaseId], (await engOwner.GetFromJsonAsync<List<CaseSummary>>("/api/owner/cases", Ct))!.Select(c => c.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await salesOwner.GetAsync($"/api/owner/cases/{registered.Number}", Ct)).StatusCode);
        var forMe = await engOwner.GetFromJsonAsync<CaseDetail>($"/api/owner/cases/{registered.Number}", Ct);
        Assert.Equal("墙体开裂", forMe!.Messages[0].BodyText);
        var refused = await salesOwner.PostAsJsonAsync($"/api/cases/{registered.CaseId}/answer", new { text = "not ours" }, Ct);
        var answered = await engOwner.PostAsJsonAsync($"/api/cases/{registered.CaseId}/answer", new { text = "已派工程师复查，三日内修复" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        var detail = await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{registered.CaseId}", Ct);
        Assert.Equal("answered", detail!.Case.Status);
        Assert.Equal("met", detail.Deadlines.Single(d => d.Kind == "ownerAnswer").State);
    }

    [Fact]
    public async Task Reply_ToACaseThatDoesNotExist_Is404()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var agent = await host.ClientAsync(Roles.Agent);

        var response = await agent.PostAsJsonAsync("/api/cases/424242/reply", new { text = "hello" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
