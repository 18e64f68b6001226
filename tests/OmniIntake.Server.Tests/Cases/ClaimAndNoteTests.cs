using System.Net;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;

namespace OmniIntake.Server.Tests.Cases;

/// <summary>Claiming (two agents cannot both hold a case), the queue's mine/unassigned filters, internal notes (issue 7).</summary>
public sealed class ClaimAndNoteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task TwoAgentsRacingForACase_OneHoldsIt_AndTheQueueFiltersFollow(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var admin = await host.ClientAsync(Roles.Admin);
        foreach (var name in new[] { "wang", "li" })
            (await admin.PostAsJsonAsync("/api/users", new { username = name, password = HubHost.UserPassword, roles = new[] { Roles.Agent } }, Ct))
                .EnsureSuccessStatusCode();
        using var wang = await host.ClientForUserAsync("wang");
        using var li = await host.ClientForUserAsync("li");
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var contested = await wang.RegisterAsync("电梯坏了", phone: "13800138061");
        var other = await wang.RegisterAsync("停车费", phone: "13800138062");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? wang : li).PostAsync($"/api/cases/{contested.CaseId}/claim", null, Ct)));

        var holder = (await wang.GetFromJsonAsync<CaseDetail>($"/api/cases/{contested.CaseId}", Ct))!.Case.ClaimedBy;
        Assert.Contains(holder, new[] { "wang", "li" });
        var (mineClient, otherClient) = holder == "wang" ? (wang, li) : (li, wang);
        Assert.All(attempts, r => Assert.True(r.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.Conflict));
        Assert.Contains(attempts, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal([contested.Number], (await mineClient.GetFromJsonAsync<List<CaseSummary>>("/api/cases?mine=true", Ct))!.Select(c => c.Number));
        Assert.Empty((await otherClient.GetFromJsonAsync<List<CaseSummary>>("/api/cases?mine=true", Ct))!);
        Assert.Equal([other.Number], (await otherClient.GetFromJsonAsync<List<CaseSummary>>("/api/cases?unassigned=true", Ct))!.Select(c => c.Number));

        Assert.Equal(HttpStatusCode.Conflict, (await otherClient.PostAsync($"/api/cases/{contested.CaseId}/release", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherClient.PostAsync($"/api/cases/{contested.CaseId}/claim?takeOver=true", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsync($"/api/cases/{contested.CaseId}/claim?takeOver=true", null, Ct)).StatusCode);
        var detail = (await wang.GetFromJsonAsync<CaseDetail>($"/api/cases/{contested.CaseId}", Ct))!;
        Assert.Equal("only-supervisor", detail.Case.ClaimedBy);
        Assert.Contains(detail.Audit, a => a.Action == "case.claimed" && a.Detail.Contains(holder!, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsync($"/api/cases/{contested.CaseId}/release", null, Ct)).StatusCode);
        Assert.Equal(2, (await wang.GetFromJsonAsync<List<CaseSummary>>("/api/cases?unassigned=true", Ct))!.Count);
    }

    [Fact]
    public async Task ANote_IsKeptOnTheCase_AndNeverSent()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var opened = await agent.RegisterAsync("噪音", phone: "13800138071");

        var empty = await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/notes", new { text = " " }, Ct);
        var noted = await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/notes", new { text = "客户说晚上十点后最吵 <script>x</script>" }, Ct);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NoContent), (empty.StatusCode, noted.StatusCode));
        var note = Assert.Single((await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.CaseId}", Ct))!.Messages, m => m.Direction == "note");
        Assert.Equal(("only-agent", "客户说晚上十点后最吵 <script>x</script>"), (note.Author, note.BodyText));
        Assert.Null(note.DeliveryStatus);
        Assert.DoesNotContain((await supervisor.GetFromJsonAsync<List<Data.Outbox.OutboxProblem>>("/api/channels/outbox", Ct))!, p => p.MessageId == note.Id);
    }
}
