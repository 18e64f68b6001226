using System.Net;
using System.Text.RegularExpressions;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Data.FollowUps;
using OmniIntake.Data.Reports;
using OmniIntake.Server.Cases;
using OmniIntake.Server.FollowUps;

namespace OmniIntake.Server.Tests.FollowUps;

/// <summary>Follow-up after resolution (回访, issue 6): asked once through the customer's channel; "not solved" reopens.</summary>
public sealed partial class FollowUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"/followup\.html#([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task AResolvedCase_IsAskedOnce_AndNotSolvedReopensIt(DatabaseProvider provider)
    {
        await using var twilio = new OmniIntake.Testing.TwilioStandIn();
        await using var host = await HubHost.StartAsync(provider, SmsSettings(twilio));
        using var agent = await host.ClientAsync(Roles.Agent);
        var opened = await agent.RegisterAsync("小区电梯三天没修好", phone: "13800138011");
        (await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/resolve", new ResolveRequest("已修复"), Ct)).EnsureSuccessStatusCode();
        var job = host.Services.GetRequiredService<FollowUpJob>();

        await job.RunAsync(Ct);
        await job.RunAsync(Ct); // a second sweep asks nobody twice

        // The customer's text message holds the link with its token (issue 12 item 13: the case file does not).
        var delivered = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20),
            () => Task.FromResult(twilio.Created.FirstOrDefault(m => m["Body"].Contains("followup.html#", StringComparison.Ordinal))), "the follow-up SMS");
        Assert.StartsWith($"【{opened.Number}】", delivered["Body"], StringComparison.Ordinal);
        Assert.Contains("https://hub.example.test/followup.html#", delivered["Body"], StringComparison.Ordinal);
        var token = LinkPattern().Match(delivered["Body"]).Groups[1].Value;
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.CaseId}", Ct))!;
        var asked = Assert.Single(detail.Messages, m => m.BodyText.Contains("[回访链接仅发送给客户]", StringComparison.Ordinal));
        Assert.Equal("sms", asked.Channel); // taken by phone: the follow-up goes by text message to the same number
        Assert.StartsWith($"【{opened.Number}】", asked.BodyText, StringComparison.Ordinal);

        using var customer = host.Anonymous();
        var question = (await customer.GetFromJsonAsync<FollowUpQuestion>($"/api/follow-up/{token}", Ct))!;
        var outOfRange = await customer.PostAsJsonAsync($"/api/follow-up/{token}", new { satisfaction = 7, solved = true }, Ct);
        var missing = await customer.PostAsJsonAsync($"/api/follow-up/{token}", new { satisfaction = 3 }, Ct);
        var answered = await customer.PostAsJsonAsync($"/api/follow-up/{token}", new { satisfaction = 2, solved = false, comment = "还是坏的" }, Ct);
        var again = await customer.PostAsJsonAsync($"/api/follow-up/{token}", new { satisfaction = 5, solved = true }, Ct);

        Assert.Equal((opened.Number, false), (question.CaseNumber, question.Answered));
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var reopened = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.CaseId}", Ct))!;
        Assert.Equal("received", reopened.Case.Status);
        Assert.Equal("pending", reopened.Deadlines.Single(d => d.Kind == "forward").State);
        Assert.Contains(reopened.Audit, a => a.Action == "case.reopened" && a.Actor == "customer");
        var followUp = Assert.Single((await agent.GetFromJsonAsync<List<FollowUpView>>($"/api/cases/{opened.CaseId}/follow-ups", Ct))!);
        Assert.Equal((2, false, "还是坏的"), (followUp.Satisfaction, followUp.Solved, followUp.Comment));

        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2.0, (await supervisor.GetFromJsonAsync<PeriodReport>($"/api/reports?period={month}", Ct))!.Indicators.Satisfaction);
    }

    /// <summary>Issue 12 item 13: whoever reads the case (its file, the live events, the queue search) never sees the link's
    /// token, so no agent can answer for the customer; the customer's text message holds it, and it works.</summary>
    [Fact]
    public async Task TheFollowUpToken_ReachesTheCustomersPhone_ButNeverTheCaseFile()
    {
        await using var twilio = new OmniIntake.Testing.TwilioStandIn();
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, SmsSettings(twilio));
        using var agent = await host.ClientAsync(Roles.Agent);
        var opened = await agent.RegisterAsync("Broken lift for three days", phone: "13800138012");
        (await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/resolve", new ResolveRequest("fixed"), Ct)).EnsureSuccessStatusCode();

        await host.Services.GetRequiredService<FollowUpJob>().RunAsync(Ct);

        var delivered = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20),
            () => Task.FromResult(twilio.Created.FirstOrDefault(m => m["Body"].Contains("followup.html#", StringComparison.Ordinal))), "the follow-up SMS");
        var token = LinkPattern().Match(delivered["Body"]).Groups[1].Value;
        Assert.True(token.Length >= 20, delivered["Body"]);
        using var customer = host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync($"/api/follow-up/{token}", Ct)).StatusCode);
        var caseFile = await agent.GetStringAsync($"/api/cases/{opened.CaseId}", Ct);
        var events = await agent.GetStringAsync("/api/events?after=0&limit=1000", Ct);
        var found = await agent.GetStringAsync($"/api/cases?q={Uri.EscapeDataString(token)}", Ct);
        Assert.DoesNotContain(token, caseFile, StringComparison.Ordinal);
        Assert.Contains("[follow-up link, sent to the customer only]", caseFile, StringComparison.Ordinal);
        Assert.DoesNotContain(token, events, StringComparison.Ordinal);
        Assert.Equal("[]", found);
    }

    private static Dictionary<string, string?> SmsSettings(OmniIntake.Testing.TwilioStandIn twilio) => new()
    {
        ["FollowUp:PublicUrl"] = "https://hub.example.test/",
        ["Channels:Sms:AccountSid"] = OmniIntake.Testing.TwilioStandIn.AccountSid,
        ["Channels:Sms:AuthToken"] = OmniIntake.Testing.TwilioStandIn.AuthToken,
        ["Channels:Sms:From"] = "+8610010010000",
        ["Channels:Sms:PublicUrl"] = "https://hub.example.test",
        ["Channels:Sms:ApiBaseUrl"] = twilio.BaseUrl,
        ["Outbox:PollInterval"] = "00:00:00.200",
    };

    [Fact]
    public async Task ACaseWithoutAnAddress_IsLeftToAnAgentsCall_WhoRecordsTheAnswer()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var agent = await host.ClientAsync(Roles.Agent);
        var opened = await agent.RegisterAsync(new { channel = "walkin", text = "柜台服务态度差" });
        Assert.Equal(HttpStatusCode.Conflict,
            (await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/follow-up", new { satisfaction = 4, solved = true }, Ct)).StatusCode);
        (await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/resolve", new ResolveRequest(null), Ct)).EnsureSuccessStatusCode();

        await host.Services.GetRequiredService<FollowUpJob>().RunAsync(Ct);
        var recorded = await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/follow-up", new { satisfaction = 4, solved = true }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, recorded.StatusCode);
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.CaseId}", Ct))!;
        Assert.Equal("closed", detail.Case.Status); // handled and confirmed by the customer
        Assert.Contains(detail.Audit, a => a.Action == "follow-up.by-phone");
        var followUp = Assert.Single((await agent.GetFromJsonAsync<List<FollowUpView>>($"/api/cases/{opened.CaseId}/follow-ups", Ct))!);
        Assert.Equal((4, true, "only-agent"), (followUp.Satisfaction, followUp.Solved, followUp.AnsweredBy));
        Assert.Null(followUp.Channel);
    }

    [Fact]
    public async Task AnUnknownLink_GetsAClearAnswer_AndWritesNothing()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var customer = host.Anonymous();

        var look = await customer.GetAsync("/api/follow-up/not-a-real-token", Ct);
        var post = await customer.PostAsJsonAsync("/api/follow-up/not-a-real-token", new { satisfaction = 1, solved = false }, Ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (look.StatusCode, post.StatusCode));
        Assert.Contains("not valid or has expired", await post.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentsReopen_WithAReason()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var agent = await host.ClientAsync(Roles.Agent);
        var opened = await agent.RegisterAsync("噪音扰民");
        (await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/resolve", new ResolveRequest(null), Ct)).EnsureSuccessStatusCode();

        var noReason = await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/reopen", new { reason = "" }, Ct);
        var reopened = await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/reopen", new { reason = "客户来电说又开始了" }, Ct);
        var twice = await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/reopen", new { reason = "again" }, Ct);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NoContent, HttpStatusCode.Conflict), (noReason.StatusCode, reopened.StatusCode, twice.StatusCode));
    }
}
