using System.Net;
using System.Text.Json;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;

namespace OmniIntake.Server.Tests.Policy;

public sealed class PolicyPreviewTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("email", "2026-11-24T20:00:00+08:00", "2026-11-25T10:00:00+08:00")]
    [InlineData("forum", "2026-11-24T02:00:00Z", "2026-11-24T11:00:00+08:00")]
    [InlineData("walkin", "2026-10-02T10:00:00+08:00", "2026-10-02T23:59:59+08:00")]
    public async Task Preview_AnswersTheForwardingDeadline_WithItsRule(string channel, string receivedAt, string due)
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);

        var response = await supervisor.GetAsync($"/api/policy/preview?channel={channel}&receivedAt={Uri.EscapeDataString(receivedAt)}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deadlines = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("deadlines");
        var forward = deadlines.EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "forward");
        Assert.Equal(due, forward.GetProperty("dueAt").GetString());
        Assert.StartsWith("policy 5.2.2", forward.GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.Contains(deadlines.EnumerateArray(), d => d.GetProperty("kind").GetString() == "majorFirstAnswer");
    }

    [Theory]
    [InlineData("channel=fax&receivedAt=2026-11-24T10:00:00%2B08:00", "Invalid channel")]
    [InlineData("channel=sms&receivedAt=2026-11-24T10:00:00", "Invalid receivedAt")]
    [InlineData("channel=sms", "Invalid receivedAt")]
    [InlineData("channel=sms&receivedAt=2026-11-24T10:00:00%2B08:00&preset=bank", "Invalid preset")]
    public async Task Preview_BadParameters_GetAProblem(string query, string title)
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await host.ClientAsync(Roles.Admin);

        var response = await admin.GetAsync($"/api/policy/preview?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(title, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ExamplePolicies_CanBePreviewed_AndOneCanBeTheOneInForce()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Policy:Preset"] = "credit-union" });
        using var supervisor = await host.ClientAsync(Roles.Supervisor);

        var presets = JsonDocument.Parse(await supervisor.GetStringAsync("/api/policy/presets", Ct)).RootElement;
        var inForce = await AnswerAsync(supervisor, "");
        var hospital = await AnswerAsync(supervisor, "&preset=hospital");

        Assert.Equal("credit-union", presets.GetProperty("inForce").GetString());
        Assert.Equal(5, presets.GetProperty("presets").GetArrayLength());
        // Forwarded at the forwarding deadline, Tuesday 10:30: three working days later, and a week later.
        Assert.Equal("2026-11-27T10:30:00+08:00", inForce.GetProperty("dueAt").GetString());
        Assert.StartsWith("credit union", inForce.GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-12-01T10:30:00+08:00", hospital.GetProperty("dueAt").GetString());
    }

    [Fact]
    public async Task UnknownPreset_StopsTheStartWithTheNames()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Policy:Preset"] = "bank" });
        });
        Assert.Contains("Policy:Preset must be one of default, hospital", failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> AnswerAsync(HttpClient client, string extra)
    {
        var body = await client.GetStringAsync($"/api/policy/preview?channel=sms&receivedAt={Uri.EscapeDataString("2026-11-24T10:00:00+08:00")}{extra}", Ct);
        return JsonDocument.Parse(body).RootElement.GetProperty("deadlines").EnumerateArray()
            .Single(d => d.GetProperty("kind").GetString() == "ownerAnswer");
    }
}
