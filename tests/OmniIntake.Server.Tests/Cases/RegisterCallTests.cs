using System.Net;
using System.Text.Json;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Cases;

namespace OmniIntake.Server.Tests.Cases;

/// <summary>Registering a call from the workspace's form (issue 15 item 3): "add to this case", and refusals the form shows beside a field.</summary>
public sealed class RegisterCallTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task ACallAddedToAnOpenCaseOfTheCaller_IsThreadedOntoIt_AndAClosedOneIsRefused(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        var open = await agent.RegisterAsync(new { channel = "letter", text = "电梯坏了", email = "zhou@example.test" });
        var call = await agent.RegisterAsync(new { channel = "phone", text = "电梯还是没修", email = "zhou@example.test", addToCase = open.Number });
        Assert.Equal((open.CaseId, "threaded"), (call.CaseId, call.Outcome));
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{open.CaseId}", Ct))!;
        Assert.Contains(detail.Messages, m => m.BodyText == "电梯还是没修" && m.Channel == "phone");

        (await agent.PostAsJsonAsync($"/api/cases/{open.CaseId}/resolve", new ResolveRequest("已修好"), Ct)).EnsureSuccessStatusCode();
        await AssertProblemAsync(await PostAsync(agent, new { channel = "phone", text = "又坏了", email = "zhou@example.test", addToCase = open.Number }),
            HttpStatusCode.Conflict, "register.case-not-open", null);
        await AssertProblemAsync(await PostAsync(agent, new { channel = "phone", text = "又坏了", addToCase = "TS-20000101-00001" }),
            HttpStatusCode.NotFound, "register.case-not-found", null);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task ARefusedRegistration_NamesItsCodeAndTheField(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        await AssertProblemAsync(await PostAsync(agent, new { channel = "phone", text = " " }), HttpStatusCode.BadRequest, "register.text-required", "text");
        await AssertProblemAsync(await PostAsync(agent, new { channel = "phone", text = "噪音", phone = "12" }), HttpStatusCode.BadRequest, "register.phone", "phone");
        await AssertProblemAsync(await PostAsync(agent, new { channel = "letter", text = "噪音", email = "not-an-address" }), HttpStatusCode.BadRequest, "register.email", "email");
        await AssertProblemAsync(await PostAsync(agent, new { channel = "phone", text = "噪音", category = "no-such" }), HttpStatusCode.BadRequest, "register.category", "category");
        await AssertProblemAsync(await PostAsync(agent, new { channel = "sms", text = "噪音" }), HttpStatusCode.BadRequest, "register.channel", "channel");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request, Ct);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? field)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        if (field is not null) Assert.Equal(field, problem.GetProperty("field").GetString());
    }
}
