using System.Net;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Classes;
using OmniIntake.Data.Outbox;
using OmniIntake.Server.Cases;
using OmniIntake.Server.Classes;

namespace OmniIntake.Server.Tests.Classes;

/// <summary>Classes raised automatically (policy 5.5), collective complaints, and supervisors told of them.</summary>
public sealed class ClassesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> WithSupervisor = new()
    {
        ["Notifications:Recipients:0"] = "email:Boss@Example.test", ["Notifications:Recipients:1"] = "sms:13900139000",
    };

    private static Task<ClassSweepResult> SweepAsync(HubHost host) => host.Services.GetRequiredService<ClassJob>().RunAsync(Ct);

    private static async Task<CaseDetail> DetailAsync(HttpClient client, long id) => (await client.GetFromJsonAsync<CaseDetail>($"/api/cases/{id}", Ct))!;

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task TheSameComplaintFromThreePeople_IsLinked_RaisedHot_AndSupervisorsAreTold(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider, WithSupervisor);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var first = await agent.RegisterAsync("3号楼电梯坏了三天没人修", phone: "13800138001");
        var unrelated = await agent.RegisterAsync("食堂饭菜有异物", phone: "13800138009");
        var second = await agent.RegisterAsync("三号楼的电梯又坏了，一直没人来修", phone: "13800138002");
        var afterTwo = await SweepAsync(host);
        var third = await agent.RegisterAsync("3栋电梯坏了好几天，物业不管", phone: "13800138003");

        var afterThree = await SweepAsync(host);

        Assert.Equal((3, 0), (afterTwo.Compared, afterTwo.RaisedBySimilarity)); // two complainants are not yet "the same complaint from 3+"
        Assert.Equal((1, 3), (afterThree.Compared, afterThree.RaisedBySimilarity));
        foreach (var id in new[] { first.CaseId, second.CaseId, third.CaseId })
        {
            var detail = await DetailAsync(agent, id);
            Assert.Equal("hot", detail.Case.Class);
            Assert.Contains(detail.Audit, a => a.Action == "case.classified" && a.Actor == "system" && a.Detail.Contains("3 complainants", StringComparison.Ordinal));
            var notices = detail.Messages.Where(m => m.Direction == "notification").ToList();
            Assert.Equal(["email", "sms"], notices.Select(m => m.Channel).Order());
            Assert.All(notices, m => Assert.StartsWith("【热点投诉 Hot】", m.BodyText, StringComparison.Ordinal));
        }
        Assert.Equal("general", (await DetailAsync(agent, unrelated.CaseId)).Case.Class);
        var group = Assert.Single((await supervisor.GetFromJsonAsync<List<SimilarGroup>>("/api/classes/groups", Ct))!);
        Assert.Equal(3, group.Complainants);
        Assert.Equal([first.Number, second.Number, third.Number], group.Members.Select(m => m.Number));
        // The notices go out through the outbox to the supervisors' addresses (nothing can send here: they show as failed).
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(10), async () =>
            (await supervisor.GetFromJsonAsync<List<OutboxProblem>>("/api/channels/outbox", Ct))!.Any(p => p.Recipient == "boss@example.test") ? "sent" : null,
            "the notice in the outbox");

        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsync($"/api/classes/groups/{group.Id}/confirm", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsync($"/api/classes/groups/{group.Id}/confirm", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await supervisor.PostAsJsonAsync($"/api/classes/groups/members/{third.CaseId}/remove", new { reason = "另一栋楼" }, Ct)).StatusCode);
        Assert.Equal(2, Assert.Single((await supervisor.GetFromJsonAsync<List<SimilarGroup>>("/api/classes/groups?all=true", Ct))!).Members.Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/classes/groups", Ct)).StatusCode);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task AProcessKeepingItsWindow_StillComparesWithWhatAnotherProcessCompared(DatabaseProvider provider)
    {
        // Issue 17 item 6: each process keeps the 30-day window between runs and reads only what was compared since;
        // the minutely job runs on whichever process Hangfire picks, so a run must see the comparisons made elsewhere.
        await using var host = await HubHost.StartAsync(provider, WithSupervisor);
        using var agent = await host.ClientAsync(Roles.Agent);
        var sweep = host.Services.GetRequiredService<ClassSweep>();
        ClassJob AProcess() => new(sweep, new SimilarityWindow(sweep, host.Services.GetRequiredService<ComplaintSimilarity>(), TimeProvider.System),
            host.Services.GetRequiredService<ClassRules>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<ClassJob>.Instance);
        var (one, other) = (AProcess(), AProcess());
        var first = await agent.RegisterAsync("3号楼电梯坏了三天没人修", phone: "13800138021");
        Assert.Equal(1, (await other.RunAsync(Ct)).Compared); // the other process now keeps a window (with the first)
        var second = await agent.RegisterAsync("三号楼的电梯又坏了，一直没人来修", phone: "13800138022");
        Assert.Equal(1, (await one.RunAsync(Ct)).Compared); // compared here: the other process has not read it

        var third = await agent.RegisterAsync("3栋电梯坏了好几天，物业不管", phone: "13800138023");
        var result = await other.RunAsync(Ct);

        Assert.Equal((1, 3), (result.Compared, result.RaisedBySimilarity)); // the second counted: three complainants
        foreach (var id in new[] { first.CaseId, second.CaseId, third.CaseId }) Assert.Equal("hot", (await DetailAsync(agent, id)).Case.Class);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task UnresolvedCases_TurnHotAfterAWeek_AndMajorAfterAMonth_ButNotWhenASupervisorSetTheClass(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider, WithSupervisor);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var now = DateTimeOffset.UtcNow;
        var week = await RegisterAtAsync(agent, "噪音扰民一周了", now.AddDays(-8), "13800138011");
        var month = await RegisterAtAsync(agent, "退款一个月没到账", now.AddDays(-31), "13800138012");
        var kept = await RegisterAtAsync(agent, "垃圾没人清理", now.AddDays(-10), "13800138013");
        var fresh = await RegisterAtAsync(agent, "路灯不亮", now.AddDays(-1), "13800138014");
        (await supervisor.PostAsJsonAsync($"/api/cases/{kept.CaseId}/classify", new ClassifyRequest("general", null, "客户原因拖延"), Ct)).EnsureSuccessStatusCode();

        var swept = await SweepAsync(host);

        Assert.Equal(2, swept.RaisedByAge);
        Assert.Equal("hot", (await DetailAsync(agent, week.CaseId)).Case.Class);
        var major = await DetailAsync(agent, month.CaseId);
        Assert.Equal("major", major.Case.Class);
        Assert.Contains(major.Deadlines, d => d.Kind == "majorFirstAnswer");
        Assert.Contains(major.Messages, m => m.Direction == "notification" && m.BodyText.StartsWith("【重大投诉 Major】", StringComparison.Ordinal));
        Assert.Equal("general", (await DetailAsync(agent, kept.CaseId)).Case.Class);
        Assert.Equal("general", (await DetailAsync(agent, fresh.CaseId)).Case.Class);
        var again = await SweepAsync(host);
        Assert.Equal((0, 0), (again.RaisedByAge, again.MajorReminders)); // the major case was told just now: next week again
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task ACollectiveComplaint_IsHotAtThree_MajorAtTen_AndEveryComplainantGetsTheAnswer(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var opened = await agent.RegisterAsync("整栋楼停水两天", phone: "13800138021");

        var bad = await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/complainants", new { name = "x", phone = "not a phone" }, Ct);
        var none = await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/complainants", new { name = "x" }, Ct);
        var self = await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/complainants", new { phone = "13800138021" }, Ct);
        var second = await AddAsync(agent, opened.CaseId, new { name = "李女士", email = "li@example.test" });
        Assert.Equal(HttpStatusCode.Conflict, (await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/complainants", new { email = "LI@example.test" }, Ct)).StatusCode);
        var third = await AddAsync(agent, opened.CaseId, new { name = "赵先生", phone = "13800138023" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Conflict), (bad.StatusCode, none.StatusCode, self.StatusCode));
        Assert.Equal((2, 3), (second, third));
        Assert.Equal("hot", (await DetailAsync(agent, opened.CaseId)).Case.Class);
        for (var i = 4; i <= 10; i++) await AddAsync(agent, opened.CaseId, new { phone = $"138001380{30 + i}" });
        var detail = await DetailAsync(agent, opened.CaseId);
        Assert.Equal("major", detail.Case.Class);
        Assert.Contains(detail.Audit, a => a.Action == "case.classified" && a.Detail.Contains("collective complaint by 10", StringComparison.Ordinal));
        Assert.Equal(9, (await agent.GetFromJsonAsync<List<CaseParty>>($"/api/cases/{opened.CaseId}/complainants", Ct))!.Count);

        (await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/reply", new ReplyRequest("已安排抢修，今晚恢复供水。"), Ct)).EnsureSuccessStatusCode();

        // The answer is queued to the e-mail of one and the phones of the others (nothing can send here: they show up as failed).
        var problems = await TestCalls.WithinAsync(TimeSpan.FromSeconds(10), async () =>
        {
            var rows = (await supervisor.GetFromJsonAsync<List<OutboxProblem>>("/api/channels/outbox?limit=100", Ct))!;
            return rows.Count(r => r.CaseId == opened.CaseId) >= 10 ? rows : null;
        }, "the answer to every complainant");
        Assert.Contains(problems, p => p.Recipient == "li@example.test" && p.Channel == "email");
        Assert.Contains(problems, p => p.Recipient == "+8613800138023" && p.Channel == "sms");
    }

    [Fact]
    public async Task TheSpecialReport_IsPrefilledFromTheCase_ForSupervisors()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var opened = await agent.RegisterAsync("已起诉：合同纠纷", phone: "13800138041");
        (await supervisor.PostAsJsonAsync($"/api/cases/{opened.CaseId}/classify", new ClassifyRequest("major", null, "客户已起诉"), Ct)).EnsureSuccessStatusCode();

        var report = await supervisor.GetStringAsync($"/api/cases/{opened.CaseId}/special-report", Ct);

        Assert.StartsWith($"# 重大投诉专题报告 Major complaint: special report — {opened.Number}", report, StringComparison.Ordinal);
        Assert.Contains("客户已起诉", report, StringComparison.Ordinal);
        Assert.Contains("已起诉：合同纠纷", report, StringComparison.Ordinal);
        Assert.Contains("## 预防措施 Prevention", report, StringComparison.Ordinal);
        Assert.Contains("majorFirstAnswer", report, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/cases/{opened.CaseId}/special-report", Ct)).StatusCode);
    }

    [Fact]
    public async Task ABreach_IsNotifiedToSupervisors()
    {
        var settings = new Dictionary<string, string?>(WithSupervisor) { ["Policy:FixedForwardingWindow"] = "00:00:01" };
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings);
        using var agent = await host.ClientAsync(Roles.Agent);
        var opened = await agent.RegisterAsync("投诉", phone: "13800138051");

        var detail = await TestCalls.WithinAsync(TimeSpan.FromSeconds(15), async () =>
        {
            var d = await DetailAsync(agent, opened.CaseId);
            return d.Messages.Count(m => m.Direction == "notification") == 2 ? d : null;
        }, "the breach notice");

        Assert.All(detail.Messages.Where(m => m.Direction == "notification"),
            m => Assert.StartsWith($"【超时 Breach】{opened.Number}: forward", m.BodyText, StringComparison.Ordinal));
        Assert.Equal("breached", detail.Deadlines.Single(d => d.Kind == "forward").State);
    }

    [Fact]
    public void BadRecipients_StopTheStart()
    {
        var failure = Assert.ThrowsAny<Exception>(() => new NotificationOptions { Recipients = ["fax:123", "email:not-an-address"] }.Build(TimeZoneInfo.Utc));
        Assert.Contains("fax:123", failure.Message, StringComparison.Ordinal);
        Assert.Contains("not-an-address", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<RegisteredCase> RegisterAtAsync(HttpClient agent, string text, DateTimeOffset receivedAt, string phone) =>
        await agent.RegisterAsync(new { channel = "phone", text, phone, receivedAt });

    private static async Task<int> AddAsync(HttpClient agent, long caseId, object body)
    {
        var response = await agent.PostAsJsonAsync($"/api/cases/{caseId}/complainants", body, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ComplainantAdded>(Ct))!.Complainants;
    }
}
