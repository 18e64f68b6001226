using System.Net;
using System.Text.Json;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Search;
using OmniIntake.Server.Cases;

namespace OmniIntake.Server.Tests.Search;

/// <summary>GET /api/cases/search (issue 15 item 1), on PostgreSQL and SQLite, through the real app.</summary>
public sealed class CaseSearchApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task AClosedCase_IsFound_ByItsPhoneTypedAnyWay_AndOpensByItsNumber(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        var closed = await agent.RegisterAsync("上周的停车费问题", phone: "13812345678");
        (await agent.PostAsJsonAsync($"/api/cases/{closed.CaseId}/resolve", new ResolveRequest("已退款"), Ct)).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/api/cases/{closed.CaseId}/close", new CloseRequest(null), Ct)).EnsureSuccessStatusCode();
        var landline = await agent.RegisterAsync("前台态度不好", phone: "02161234567");
        var other = await agent.RegisterAsync("别人的投诉", phone: "13900000001");

        foreach (var typed in new[] { "138 1234 5678", "+86 13812345678", "138-1234-5678", "+8613812345678" })
        {
            var page = await SearchAsync(agent, $"q={Uri.EscapeDataString(typed)}");
            var hit = Assert.Single(page.Items);
            Assert.Equal((closed.Number, "closed", 80), (hit.Number, hit.Status, hit.Score));
            Assert.Contains("phone", hit.MatchedOn);
        }
        Assert.Equal(landline.Number, Assert.Single((await SearchAsync(agent, "q=" + Uri.EscapeDataString("021-6123 4567"))).Items).Number);

        // The deep link /cases/TS-... opens a closed case like any other.
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{closed.Number}", Ct))!;
        Assert.Equal(("closed", closed.CaseId), (detail.Case.Status, detail.Case.Id));
        Assert.DoesNotContain((await SearchAsync(agent, "q=13812345678")).Items, h => h.Number == other.Number);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task ACaseNumber_InFullOrInPart_FindsItsCase(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        var first = await agent.RegisterAsync("第一个");
        var second = await agent.RegisterAsync("第二个", phone: "13800138001");
        var serial = second.Number[^5..];
        var day = second.Number.Split('-')[1];

        var full = Assert.Single((await SearchAsync(agent, "q=" + second.Number.ToLowerInvariant())).Items);
        Assert.Equal((second.Number, 100), (full.Number, full.Score));
        Assert.Equal(second.Number, Assert.Single((await SearchAsync(agent, $"q={day}-{serial}")).Items).Number);
        Assert.Equal(second.Number, Assert.Single((await SearchAsync(agent, $"q={serial}")).Items).Number);
        Assert.Equal(second.Number, Assert.Single((await SearchAsync(agent, $"q={serial[^2..]}")).Items).Number);
        var byDay = await SearchAsync(agent, $"q={day}&sort=oldest");
        Assert.Equal([first.Number, second.Number], byDay.Items.Select(h => h.Number));
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task Words_InMessagesNamesPlacesAndEmails_AreFound_ChineseIncluded(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        var parking = await agent.RegisterAsync("小区停车费收错了，要求退款 100%");
        var place = await agent.RegisterAsync(new
        {
            channel = "letter", text = "电梯经常坏", complainantName = "李红梅", location = "望京花园3号楼", email = "Li.Hongmei@Example.test",
        });
        var english = await agent.RegisterAsync("Please REFUND the parking fee", phone: "13800138002");
        // A message added later (a reply from the agent) is searchable too.
        (await agent.PostAsJsonAsync($"/api/cases/{english.CaseId}/notes", new NoteRequest("客户说噪音很大"), Ct)).EnsureSuccessStatusCode();

        var byWord = Assert.Single((await SearchAsync(agent, "q=" + Uri.EscapeDataString("停车"))).Items);
        Assert.Equal((parking.Number, 30, "message"), (byWord.Number, byWord.Score, Assert.Single(byWord.MatchedOn)));
        Assert.Equal(parking.Number, Assert.Single((await SearchAsync(agent, "q=" + Uri.EscapeDataString("收错了"))).Items).Number);
        var byPlace = Assert.Single((await SearchAsync(agent, "q=" + Uri.EscapeDataString("望京"))).Items);
        Assert.Equal((place.Number, 50), (byPlace.Number, byPlace.Score));
        Assert.Equal(place.Number, Assert.Single((await SearchAsync(agent, "q=" + Uri.EscapeDataString("李红梅"))).Items).Number);
        var byEmail = Assert.Single((await SearchAsync(agent, "q=" + Uri.EscapeDataString("li.hongmei@example.test"))).Items);
        Assert.Equal((place.Number, 80), (byEmail.Number, byEmail.Score));
        Assert.Equal(english.Number, Assert.Single((await SearchAsync(agent, "q=refund")).Items).Number);
        Assert.Equal(english.Number, Assert.Single((await SearchAsync(agent, "q=" + Uri.EscapeDataString("噪音"))).Items).Number);
        Assert.Empty((await SearchAsync(agent, "q=" + Uri.EscapeDataString("找不到的词"))).Items);
        // LIKE's wildcards are taken literally: "%" is a percent sign, not "anything".
        Assert.Equal(parking.Number, Assert.Single((await SearchAsync(agent, "q=" + Uri.EscapeDataString("退款 100%"))).Items).Number);
        Assert.Empty((await SearchAsync(agent, "q=" + Uri.EscapeDataString("停%款"))).Items);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task Filters_Pages_AndOrders_Combine(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        var a = await agent.RegisterAsync("物业费 一", phone: "13800138003");
        var b = await agent.RegisterAsync(new { channel = "letter", text = "物业费 二", complainantName = "张三" });
        var c = await agent.RegisterAsync("物业费 三", phone: "13800138004");
        (await agent.PostAsJsonAsync($"/api/cases/{a.CaseId}/resolve", new ResolveRequest(null), Ct)).EnsureSuccessStatusCode();

        var first = await SearchAsync(agent, "q=" + Uri.EscapeDataString("物业费") + "&pageSize=2");
        Assert.Equal([c.Number, b.Number], first.Items.Select(h => h.Number));
        Assert.True(first.HasMore);
        var second = await SearchAsync(agent, "q=" + Uri.EscapeDataString("物业费") + "&pageSize=2&page=2");
        Assert.Equal([a.Number], second.Items.Select(h => h.Number));
        Assert.False(second.HasMore);
        Assert.Equal([b.Number], (await SearchAsync(agent, "q=" + Uri.EscapeDataString("物业费") + "&channel=letter")).Items.Select(h => h.Number));
        Assert.Equal([a.Number], (await SearchAsync(agent, "status=resolved,closed")).Items.Select(h => h.Number));
        Assert.Equal([c.Number, b.Number], (await SearchAsync(agent, "open=true")).Items.Select(h => h.Number));
        Assert.Equal([a.Number, b.Number, c.Number], (await SearchAsync(agent, "sort=oldest")).Items.Select(h => h.Number));
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(3, (await SearchAsync(agent, $"from={today}&to={today}")).Items.Count);
        Assert.Empty((await SearchAsync(agent, $"from={tomorrow}")).Items);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task BadParameters_AreProblems_WithStableCodes(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        foreach (var (query, code) in new[]
                 {
                     ("q=a", "search.query-length"), ("q=" + new string('x', 201), "search.query-length"), ("status=open,nope", "search.status"),
                     ("channel=fax", "search.channel"), ("class=urgent", "search.class"), ("sort=best", "search.sort"), ("sort=1", "search.sort"),
                     ("pageSize=0", "search.page-size"), ("pageSize=101", "search.page-size"), ("page=0", "search.page"), ("page=100000", "search.page"),
                     ("from=2026-12-02&to=2026-12-01", "search.date-range"),
                 })
        {
            var response = await agent.GetAsync("/api/cases/search?" + query, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task AnOwner_FindsOnlyTheCasesForwardedToTheirDepartment(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var admin = await host.ClientAsync(Roles.Admin);
        using var agent = await host.ClientAsync(Roles.Agent);
        var created = await admin.PostAsJsonAsync("/api/departments", new { code = "engineering", name = "工程部" }, Ct);
        var department = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        (await admin.PostAsJsonAsync("/api/users", new { username = "eng-owner", password = HubHost.UserPassword, roles = new[] { "owner" }, departmentId = department }, Ct))
            .EnsureSuccessStatusCode();
        var theirs = await agent.RegisterAsync("墙面渗水 A", phone: "13800138005");
        await agent.RegisterAsync("墙面渗水 B", phone: "13800138006");
        (await agent.PostAsJsonAsync($"/api/cases/{theirs.CaseId}/forward", new ForwardRequest(department, null), Ct)).EnsureSuccessStatusCode();
        using var owner = await host.ClientForUserAsync("eng-owner");
        using var ownerWithoutDepartment = await host.ClientAsync(Roles.Owner);

        Assert.Equal([theirs.Number], (await SearchAsync(owner, "q=" + Uri.EscapeDataString("墙面渗水"))).Items.Select(h => h.Number));
        Assert.Equal(2, (await SearchAsync(agent, "q=" + Uri.EscapeDataString("墙面渗水"))).Items.Count);
        var refused = await ownerWithoutDepartment.GetAsync("/api/cases/search?q=abc", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/api/cases/search?q=abc", Ct)).StatusCode);
    }

    private static async Task<CaseSearchPage> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/cases/search?" + query, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<CaseSearchPage>(Ct))!;
    }
}
