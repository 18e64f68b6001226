using System.Globalization;
using System.Net;
using System.Text.Json;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Departments;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Workspace;

/// <summary>
/// The queue in pages (issue 14 item 6): GET /api/cases/queue lists every open case, however many, in the order the
/// workspace shows them (the deadline the case owes next, none last, newest first among equals), each exactly once.
/// </summary>
public sealed class QueuePagingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Row(long Id, string Status, DateTimeOffset? Due);

    private static async Task<long> RegisterAsync(HttpClient agent, int i, DateTimeOffset receivedAt) =>
        (await agent.RegisterAsync(new
        {
            channel = "phone", text = $"排队测试投诉 {i}", phone = "139" + i.ToString("D8", CultureInfo.InvariantCulture),
            complainantName = "测试", receivedAt,
        })).CaseId;

    private static async Task<(List<Row> Rows, int Total, string? Next)> PageAsync(HttpClient agent, string? after, int limit)
    {
        var url = $"/api/cases/queue?limit={limit}" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
        var page = await agent.GetFromJsonAsync<JsonElement>(url, Ct);
        var rows = page.GetProperty("cases").EnumerateArray().Select(c =>
        {
            var pending = c.GetProperty("forwardState").ValueKind == JsonValueKind.String && c.GetProperty("forwardState").GetString() == "pending";
            var due = c.GetProperty(pending ? "forwardDueAt" : "answerDueAt");
            return new Row(c.GetProperty("id").GetInt64(), c.GetProperty("status").GetString()!,
                due.ValueKind == JsonValueKind.Null ? null : due.GetDateTimeOffset());
        }).ToList();
        var next = page.GetProperty("next");
        return (rows, page.GetProperty("total").GetInt32(), next.ValueKind == JsonValueKind.Null ? null : next.GetString());
    }

    /// <summary>Deadline ascending, cases without one last, then the higher id first: the workspace's own sort.</summary>
    private static int Compare(Row a, Row b) => (a.Due, b.Due) switch
    {
        (null, null) => b.Id.CompareTo(a.Id),
        (null, _) => 1,
        (_, null) => -1,
        var (x, y) => x.Value != y.Value ? x.Value.CompareTo(y.Value) : b.Id.CompareTo(a.Id),
    };

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task PagesCoverEveryOpenCaseOnce_InDeadlineOrder_WhileCasesAreAdded(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var admin = await host.ClientAsync(Roles.Admin);
        using var agent = await host.ClientAsync(Roles.Agent);
        var department = (await (await admin.PostAsJsonAsync("/api/departments", new { code = "eng", name = "工程部" }, Ct))
            .Content.ReadFromJsonAsync<DepartmentView>(Ct))!;
        // 1,200 open cases, four at each instant (equal deadlines: the id decides). Received "later today" so that no
        // deadline falls due while the test runs: a breached one would leave the timed part of the queue meanwhile.
        var now = DateTimeOffset.UtcNow;
        var original = new List<long>();
        for (var i = 0; i < 1200; i++) original.Add(await RegisterAsync(agent, i, now.AddMinutes(10 + (i / 4))));
        // Some wait for the department's answer (their deadline is the answer's), some are resolved (not in the queue).
        foreach (var id in original.Take(60))
            (await agent.PostAsJsonAsync($"/api/cases/{id}/forward", new { departmentId = department.Id }, Ct)).EnsureSuccessStatusCode();
        var resolved = original.Skip(60).Take(20).ToList();
        foreach (var id in resolved)
            (await agent.PostAsJsonAsync($"/api/cases/{id}/resolve", new { note = "已电话回复" }, Ct)).EnsureSuccessStatusCode();
        var open = original.Except(resolved).ToHashSet();

        var seen = new List<Row>();
        string? after = null;
        var pages = 0;
        var added = new List<long>();
        var firstTotal = -1;
        Row? cursor = null;
        do
        {
            var (rows, total, next) = await PageAsync(agent, after, 100);
            if (firstTotal < 0) firstTotal = total;
            seen.AddRange(rows);
            after = next;
            // Cases arrive while the agent scrolls: ones due before the cursor (the live feed brings those) and after it.
            // Which side a case falls on depends on the time of day (off-hours receipts share the next morning's
            // deadline), so the later half is received days ahead and the check below asks the queue where each is.
            if (++pages == 3)
            {
                cursor = seen[^1];
                for (var i = 0; i < 30; i++)
                    added.Add(await RegisterAsync(agent, 5000 + i, i < 15 ? now.AddMinutes(5 + (i * 2)) : now.AddDays(10).AddHours(i)));
            }
        }
        while (after is not null);

        Assert.Equal(open.Count, firstTotal);
        Assert.Equal(seen.Count, seen.Select(r => r.Id).Distinct().Count()); // no case twice
        Assert.Empty(open.Except(seen.Select(r => r.Id))); // every open case of the start
        Assert.DoesNotContain(seen, r => resolved.Contains(r.Id));
        Assert.All(seen, r => Assert.Contains(r.Status, new[] { "received", "forwarded", "answered" }));
        for (var i = 1; i < seen.Count; i++) Assert.True(Compare(seen[i - 1], seen[i]) < 0, $"row {i} ({seen[i]}) is out of order after {seen[i - 1]}");
        Assert.Contains(seen, r => r.Status == "forwarded");
        // The added cases that sort after where the agent was appear in their place (a fresh scroll says where each is).
        var fresh = new List<Row>();
        string? from = null;
        do
        {
            var (rows, _, next) = await PageAsync(agent, from, 200);
            fresh.AddRange(rows);
            from = next;
        }
        while (from is not null);
        var later = fresh.Where(r => added.Contains(r.Id) && Compare(cursor!, r) < 0).ToList();
        Assert.NotEmpty(later);
        Assert.All(later, r => Assert.Contains(seen, s => s.Id == r.Id));
        Assert.True(pages >= 12, $"{pages} pages");

        var (_, totalNow, _) = await PageAsync(agent, null, 1);
        Assert.Equal(open.Count + added.Count, totalNow);
    }

    [Fact]
    public async Task ABadCursorOrLimit_IsRefusedWithItsCode_AndOnlyAgentsReadTheQueue()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var agent = await host.ClientAsync(Roles.Agent);
        foreach (var (query, code) in new[]
                 {
                     ("after=yesterday", "queue.cursor-invalid"), ("after=12_-3", "queue.cursor-invalid"),
                     ("limit=0", "query.limit-invalid"), ("limit=501", "query.limit-invalid"), ("assignee=boss", "queue.assignee-invalid"),
                 })
        {
            var response = await agent.GetAsync("/api/cases/queue?" + query, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        }
        using var owner = await host.ClientAsync(Roles.Owner);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/api/cases/queue", Ct)).StatusCode);
    }

    [Fact]
    public async Task MineAndUnassigned_CountAndListOnlyThoseCases()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var agent = await host.ClientAsync(Roles.Agent);
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add(await RegisterAsync(agent, i, DateTimeOffset.UtcNow));
        foreach (var id in ids.Take(2)) (await agent.PostAsync($"/api/cases/{id}/claim", null, Ct)).EnsureSuccessStatusCode();

        var mine = await agent.GetFromJsonAsync<JsonElement>("/api/cases/queue?assignee=mine", Ct);
        Assert.Equal(2, mine.GetProperty("total").GetInt32());
        Assert.Equal(ids.Take(2).Order(), mine.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).Order());
        var unassigned = await agent.GetFromJsonAsync<JsonElement>("/api/cases/queue?assignee=unassigned", Ct);
        Assert.Equal(3, unassigned.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, unassigned.GetProperty("next").ValueKind);
    }
}
