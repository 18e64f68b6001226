using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Deadlines;
using OmniIntake.Data.Escalation;
using OmniIntake.Server.Cases;
using OmniIntake.Server.Deadlines;
using OmniIntake.Server.Escalation;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Escalation;

/// <summary>
/// Escalation on breach and at risk (issue 13 item 5), fired by the real Hangfire-driven sweep on a window shortened to
/// seconds: the class raised, the case given to the named supervisor, a refused assignment kept with its code, each
/// once per clock and phase however often the sweep runs and whichever node runs it.
/// </summary>
public sealed class EscalationSweepTests
{
    private static readonly Dictionary<string, string?> Rules = new()
    {
        ["Policy:FixedForwardingWindow"] = "00:00:02",
        ["Notifications:Recipients:0"] = "email:lead@example.test",
        // At risk: the rule names an agent, which an escalation refuses (escalation.not-a-supervisor).
        ["Escalation:Rules:0:Clock"] = "forward", ["Escalation:Rules:0:On"] = "atRisk", ["Escalation:Rules:0:AssignTo"] = "only-agent",
        ["Escalation:Rules:1:Clock"] = "forward", ["Escalation:Rules:1:On"] = "breach", ["Escalation:Rules:1:Notify"] = "true",
        ["Escalation:Rules:1:RaiseClass"] = "true", ["Escalation:Rules:1:AssignTo"] = "only-supervisor",
        ["Escalation:Rules:2:Clock"] = "publicReply", ["Escalation:Rules:2:On"] = "breach", ["Escalation:Rules:2:AssignTo"] = "nobody-here",
    };

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ABreachedForwarding_RaisesTheClass_AndGoesToTheSupervisor_OnceEvenWhenSweptAgain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        RegisteredCase late;
        await using (var host = await HubHost.StartAsync(database, ownsDatabase: false, Rules))
        {
            using var agent = await host.ClientAsync(Roles.Agent);
            late = await agent.RegisterAsync("nobody forwards this in time", phone: "13800138001");
            var claimed = await agent.PostAsync($"/api/cases/{late.CaseId}/claim", null, TestContext.Current.CancellationToken);
            claimed.EnsureSuccessStatusCode();

            var escalated = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), async () =>
            {
                var list = await agent.GetFromJsonAsync<List<EscalationView>>($"/api/cases/{late.CaseId}/escalations");
                return list!.Count == 2 ? list : null;
            }, "both escalations of the late case");

            var atRisk = escalated.Single(e => e.Phase == "atRisk");
            Assert.Equal(("forward", "escalation.not-a-supervisor", null, null), (atRisk.Clock, atRisk.AssignRefusedCode, atRisk.AssignedTo, atRisk.RaisedTo));
            Assert.False(atRisk.Notified);
            var breach = escalated.Single(e => e.Phase == "breach");
            Assert.Equal(("forward", "general", "important", "only-supervisor", null), (breach.Clock, breach.RaisedFrom, breach.RaisedTo, breach.AssignedTo,
                breach.AssignRefusedCode));
            Assert.True(breach.Notified);

            var detail = await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{late.Number}", TestContext.Current.CancellationToken);
            Assert.Equal(("important", "only-supervisor"), (detail!.Case.Class, detail.Case.ClaimedBy));
            Assert.Equal(2, detail.Audit.Count(a => a.Action == "case.escalated" && a.Actor == "system"));
            Assert.Single(detail.Audit, a => a.Action == "case.reassigned" && a.Detail.Contains("\"to\":\"only-supervisor\"", StringComparison.Ordinal));
            Assert.Single(detail.Audit, a => a.Action == "case.classified" && a.Detail.Contains("\"toClass\":\"important\"", StringComparison.Ordinal));
            Assert.Single(detail.Messages, m => m.Direction == "notification" && m.BodyText.Contains("【超时 Breach】", StringComparison.Ordinal));

            // The sweep again, and the breach fired again by hand: nothing more happens.
            await host.Services.GetRequiredService<DeadlineSweepJob>().RunAsync(TestContext.Current.CancellationToken);
            Assert.False(await host.Services.GetRequiredService<DeadlineStore>().TryBreachAsync(breach.DeadlineId, TestContext.Current.CancellationToken));
        }

        // A restart (or a second node) on the same database sweeps at start-up: still two escalations, one notice.
        await using var second = await HubHost.StartAsync(database, ownsDatabase: false, Rules);
        await second.Services.GetRequiredService<DeadlineSweepJob>().RunAsync(TestContext.Current.CancellationToken);
        using var agent2 = await second.ClientAsync(Roles.Agent);
        var after = await agent2.GetFromJsonAsync<List<EscalationView>>($"/api/cases/{late.CaseId}/escalations", TestContext.Current.CancellationToken);
        Assert.Equal(2, after!.Count);
        var afterDetail = await agent2.GetFromJsonAsync<CaseDetail>($"/api/cases/{late.Number}", TestContext.Current.CancellationToken);
        Assert.Equal(2, afterDetail!.Audit.Count(a => a.Action == "case.escalated"));
        Assert.Single(afterDetail.Messages, m => m.Direction == "notification" && m.BodyText.Contains("【超时 Breach】", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheRulesInForce_NameEverySupervisorWhoCannotBeGivenCases(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider, Rules);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var rules = (await supervisor.GetFromJsonAsync<List<EscalationRuleView>>("/api/escalation/rules", TestContext.Current.CancellationToken))!;
        Assert.Equal("escalation.not-a-supervisor", rules.Single(r => r is { Clock: "forward", On: "atRisk" }).AssignToProblem);
        Assert.Null(rules.Single(r => r is { Clock: "forward", On: "breach" }).AssignToProblem);
        Assert.Equal("escalation.supervisor-unknown", rules.Single(r => r is { Clock: "publicReply", On: "breach" }).AssignToProblem);
        // The clocks no rule names keep the default: a breach notifies.
        Assert.True(rules.Single(r => r is { Clock: "ownerAnswer", On: "breach" }).Notify);

        using var agent = await host.ClientAsync(Roles.Agent);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden,
            (await agent.GetAsync("/api/escalation/rules", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public void AWrongClockInConfiguration_StopsTheHub_NamingIt()
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            var builder = WebApplication.CreateBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                { ["Escalation:Rules:0:Clock"] = "ownerReply", ["Escalation:Rules:0:On"] = "breach" });
            builder.AddEscalation();
        });
        Assert.Contains("Escalation:Rules:0:Clock 'ownerReply' is not a clock", error.Message, StringComparison.Ordinal);
    }
}
