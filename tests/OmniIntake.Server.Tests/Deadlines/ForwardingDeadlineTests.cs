using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Departments;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Deadlines;

/// <summary>The forwarding deadline, fired by the real Hangfire-driven sweep; the window is shortened to seconds.</summary>
public sealed class ForwardingDeadlineTests
{
    private static readonly Dictionary<string, string?> ShortWindow = new() { ["Policy:FixedForwardingWindow"] = "00:00:02" };

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Deadline_FiresWhenNotForwarded_AndNotWhenForwarded(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider, ShortWindow);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var admin = await host.ClientAsync(Roles.Admin);
        var department = await (await admin.PostAsJsonAsync("/api/departments", new { code = "eng", name = "工程部" },
            TestContext.Current.CancellationToken)).Content.ReadFromJsonAsync<DepartmentView>(TestContext.Current.CancellationToken);

        var late = await agent.RegisterAsync("nobody forwards this", phone: "13800138001");
        var onTime = await agent.RegisterAsync("this one is forwarded", phone: "13800138002");
        (await agent.PostAsJsonAsync($"/api/cases/{onTime.CaseId}/forward", new { departmentId = department!.Id },
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var breached = await TestCalls.WithinAsync(TimeSpan.FromSeconds(15), async () =>
        {
            var detail = await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{late.Number}");
            return detail!.Deadlines.Single().State == "breached" ? detail : null;
        }, "the breach of the unforwarded case");
        var firedLate = breached.Deadlines.Single().ClosedAt!.Value - breached.Deadlines.Single().DueAt;
        Assert.InRange(firedLate, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        // At risk first (80% of the 2 s window), then breached.
        var warnedAt = breached.Deadlines.Single().WarnedAt!.Value;
        Assert.InRange(warnedAt, breached.Deadlines.Single().WarnAt!.Value, breached.Deadlines.Single().DueAt);
        Assert.Equal(["deadline.atRisk", "deadline.breached"],
            breached.Audit.Where(a => a.Action.StartsWith("deadline.", StringComparison.Ordinal)).Select(a => a.Action));
        Assert.Single(breached.Audit, a => a.Action == "deadline.breached" && a.Actor == "system"
                                           && a.Detail.Contains("\"kind\":\"forward\"", StringComparison.Ordinal));

        var forwarded = await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{onTime.Number}", TestContext.Current.CancellationToken);
        Assert.Equal("met", forwarded!.Deadlines.Single(d => d.Kind == "forward").State);
        Assert.DoesNotContain(forwarded.Audit, a => a.Action == "deadline.breached" && a.Detail.Contains("\"kind\":\"forward\"", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Deadline_DueWhileTheServerWasDown_FiresSoonAfterRestart_Once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        RegisteredCaseInfo late, forwarded;
        await using (var first = await HubHost.StartAsync(database, ownsDatabase: false,
                         new Dictionary<string, string?> { ["Policy:FixedForwardingWindow"] = "00:00:04" }))
        {
            using var agent = await first.ClientAsync(Roles.Agent);
            using var admin = await first.ClientAsync(Roles.Admin);
            var department = await (await admin.PostAsJsonAsync("/api/departments", new { code = "eng", name = "工程部" },
                TestContext.Current.CancellationToken)).Content.ReadFromJsonAsync<DepartmentView>(TestContext.Current.CancellationToken);
            var a = await agent.RegisterAsync("due while down", phone: "13800138001");
            var b = await agent.RegisterAsync("forwarded before the crash", phone: "13800138002");
            (await agent.PostAsJsonAsync($"/api/cases/{b.CaseId}/forward", new { departmentId = department!.Id },
                TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
            late = new(a.Number);
            forwarded = new(b.Number);
        } // the server stops before the deadline

        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await using var second = await HubHost.StartAsync(database, ownsDatabase: false);
        var restartedAt = DateTimeOffset.UtcNow;
        using var agent2 = await second.ClientAsync(Roles.Agent);

        var breached = await TestCalls.WithinAsync(TimeSpan.FromSeconds(15), async () =>
        {
            var detail = await agent2.GetFromJsonAsync<CaseDetail>($"/api/cases/{late.Number}");
            return detail!.Deadlines.Single().State == "breached" ? detail : null;
        }, "the breach after restart");
        Assert.InRange(breached.Deadlines.Single().ClosedAt!.Value - restartedAt, TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var after = await agent2.GetFromJsonAsync<CaseDetail>($"/api/cases/{late.Number}", TestContext.Current.CancellationToken);
        Assert.Single(after!.Audit, a => a.Action == "deadline.breached");
        var stillMet = await agent2.GetFromJsonAsync<CaseDetail>($"/api/cases/{forwarded.Number}", TestContext.Current.CancellationToken);
        Assert.Equal("met", stillMet!.Deadlines.Single(d => d.Kind == "forward").State);
    }

    private sealed record RegisteredCaseInfo(string Number);
}
