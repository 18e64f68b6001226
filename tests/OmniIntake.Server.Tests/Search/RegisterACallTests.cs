using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Search;
using OmniIntake.Server.Cases;

namespace OmniIntake.Server.Tests.Search;

/// <summary>What the "register a call, a visit or a letter" form needs from the server (issue 15 item 3).</summary>
public sealed class RegisterACallTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task TheCallersOpenCases_AreFoundAsThePhoneIsTyped_AndTheForwardingDeadlineComesBackWithTheRegistration(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        var handled = await agent.RegisterAsync("上个月的投诉", phone: "13812340009");
        (await agent.PostAsJsonAsync($"/api/cases/{handled.CaseId}/resolve", new ResolveRequest(null), Ct)).EnsureSuccessStatusCode();
        var open = await agent.RegisterAsync("电梯坏了", phone: "13812340009");

        // Duplicate detection: the caller's open cases, not the handled one.
        var duplicates = (await agent.GetFromJsonAsync<CaseSearchPage>("/api/cases/search?open=true&q=" + Uri.EscapeDataString("138 1234 0009"), Ct))!;
        Assert.Equal([open.Number], duplicates.Items.Select(h => h.Number));

        // A letter that arrived two days ago: the receipt time is the letter's, and the deadline follows from it at once.
        var receivedAt = DateTimeOffset.UtcNow.AddDays(-2);
        var letter = await agent.RegisterAsync(new { channel = "letter", text = "来信投诉噪音", complainantName = "孙先生", receivedAt });
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{letter.CaseId}", Ct))!;
        Assert.NotNull(letter.ForwardDueAt);
        Assert.Equal(detail.Deadlines.Single(d => d.Kind == "forward").DueAt, letter.ForwardDueAt);
        Assert.Equal(receivedAt.ToUnixTimeMilliseconds(), detail.Case.ReceivedAt.ToUnixTimeMilliseconds());
        Assert.True(letter.ForwardDueAt > receivedAt);
    }
}
