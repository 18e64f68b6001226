using System.Net;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;

namespace OmniIntake.Server.Tests.Accounts;

/// <summary>A signed-in agent's browser cannot be made to change anything from another site (issue 7: CSRF).</summary>
public sealed class CsrfTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task AWriteFromAnotherSite_IsRefused_AndChangesNothing(string header, string value)
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var agent = await host.ClientAsync(Roles.Agent);
        var opened = await agent.RegisterAsync("噪音", phone: "13800138081");

        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{opened.CaseId}/resolve") { Content = JsonContent.Create(new { }) };
        forged.Headers.Add(header, value);
        var response = await agent.SendAsync(forged, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("refused", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("received", (await agent.GetFromJsonAsync<OmniIntake.Data.Cases.CaseDetail>($"/api/cases/{opened.CaseId}", Ct))!.Case.Status);
    }

    [Fact]
    public async Task TheHubsOwnPages_AndNonBrowserClients_Write()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var agent = await host.ClientAsync(Roles.Agent);
        var opened = await agent.RegisterAsync("噪音", phone: "13800138082");

        using var sameOrigin = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{opened.CaseId}/notes") { Content = JsonContent.Create(new { text = "ok" }) };
        sameOrigin.Headers.Add("Origin", agent.BaseAddress!.GetLeftPart(UriPartial.Authority));
        sameOrigin.Headers.Add("Sec-Fetch-Site", "same-origin");

        Assert.Equal(HttpStatusCode.NoContent, (await agent.SendAsync(sameOrigin, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/notes", new { text = "no headers" }, Ct)).StatusCode);
        // Reading is never refused: a cross-site GET cannot read the answer anyway (no CORS).
        using var look = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{opened.CaseId}");
        look.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.OK, (await agent.SendAsync(look, Ct)).StatusCode);
    }
}
