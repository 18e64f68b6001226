using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Status;
using OmniIntake.Server.Cases;
using OmniIntake.Server.Status;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Status;

/// <summary>
/// The self-service status API (issue 16 item 5) on the real hub with the Twilio stand-in: a code goes by SMS to the
/// phone on the case (through the outbox), opens the progress in the customer's language without anything internal,
/// lets the customer add information to the case; codes are single-use, expire and allow few attempts; requests are
/// limited per case and per address.
/// </summary>
public sealed partial class StatusApiTests
{
    private const string PublicUrl = "https://hub.example.test";
    private const string OurNumber = "+8610010010000";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The code in the Chinese or the English message.</summary>
    [GeneratedRegex(@"(?:验证码：|case TS-\d{8}-\d{5}: )(\d{6})")]
    private static partial Regex CodeInSms();

    private static Dictionary<string, string?> Settings(TwilioStandIn twilio) => new()
    {
        ["Channels:Sms:AccountSid"] = TwilioStandIn.AccountSid, ["Channels:Sms:AuthToken"] = TwilioStandIn.AuthToken, ["Channels:Sms:From"] = OurNumber,
        ["Channels:Sms:PublicUrl"] = PublicUrl, ["Channels:Sms:ApiBaseUrl"] = twilio.BaseUrl, ["Outbox:PollInterval"] = "00:00:00.200",
    };

    private static async Task<string> ComplainBySmsAsync(HubHost host, string from, string body)
    {
        using var twilioClient = host.Anonymous();
        var form = TwilioWebhook.IncomingSms(from, OurNumber, body);
        using var request = TwilioWebhook.SignedRequest(PublicUrl, form);
        (await twilioClient.SendAsync(request, Ct)).EnsureSuccessStatusCode();
        using var agent = await host.ClientAsync(Roles.Agent);
        var cases = (await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!;
        return cases.OrderByDescending(c => c.Id).First().Number;
    }

    private static async Task<string> CodeSentAsync(TwilioStandIn twilio, int count) =>
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), () => Task.FromResult(twilio.Created.Select(m => CodeInSms().Match(m["Body"]))
            .Where(m => m.Success).Skip(count - 1).Select(m => m.Groups[1].Value).FirstOrDefault()), $"status code #{count} by SMS");

    private static async Task<string?> ProblemCodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString();

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ACodeByTheCasesPhone_OpensTheProgress_WithoutAnythingInternal_AndInformationAddedJoinsTheCase(DatabaseProvider provider)
    {
        await using var twilio = new TwilioStandIn();
        await using var host = await HubHost.StartAsync(provider, Settings(twilio));
        var number = await ComplainBySmsAsync(host, "+8613800138000", "3号楼电梯坏了三天了");
        using var agent = await host.ClientAsync(Roles.Agent);
        var id = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!.Case.Id;
        (await agent.PostAsJsonAsync($"/api/cases/{id}/notes", new NoteRequest("内部备注：业主比较难缠"), Ct)).EnsureSuccessStatusCode();
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), () => Task.FromResult(twilio.Created.FirstOrDefault()), "the SMS receipt");
        using var customer = host.Anonymous();

        // The phone as the customer types it; the code goes to the number on the case.
        var asked = await customer.PostAsJsonAsync("/api/status/code", new StatusCodeRequest(number.ToLowerInvariant(), "138 0013 8000", "zh-CN"), Ct);
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var code = await CodeSentAsync(twilio, 1);
        Assert.Equal("+8613800138000", twilio.Created.Last()["To"]);
        // The case file shows that a code was sent, not the code.
        var file = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!;
        Assert.DoesNotContain(file.Messages, m => m.BodyText.Contains(code, StringComparison.Ordinal));
        Assert.Contains(file.Messages, m => m.BodyText.Contains("[验证码仅发送给客户]", StringComparison.Ordinal));

        var wrongCode = code == "000000" ? "111111" : "000000";
        var wrong = await customer.PostAsJsonAsync("/api/status/verify", new StatusVerifyRequest(number, wrongCode), Ct);
        Assert.Equal((HttpStatusCode.BadRequest, "status.code-wrong"), (wrong.StatusCode, await ProblemCodeAsync(wrong)));
        var session = (await (await customer.PostAsJsonAsync("/api/status/verify", new StatusVerifyRequest(number, code), Ct)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<StatusSession>(Ct))!;
        var reused = await customer.PostAsJsonAsync("/api/status/verify", new StatusVerifyRequest(number, code), Ct);
        Assert.Equal("status.code-expired", await ProblemCodeAsync(reused));

        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.GetAsync("/api/status", Ct)).StatusCode);
        customer.DefaultRequestHeaders.Add(StatusApi.TokenHeader, session.Token);
        var view = (await customer.GetFromJsonAsync<StatusView>("/api/status", Ct))!;
        Assert.Equal(number, view.CaseNumber);
        Assert.Equal(["received", "forwarded", "answered", "resolved"], view.Steps.Select(s => s.Key));
        Assert.Equal([true, false, false, false], view.Steps.Select(s => s.Done));
        Assert.NotNull(view.ForwardDueAt);
        Assert.Contains(view.Replies, r => r.Text.StartsWith($"已受理，编号{number}", StringComparison.Ordinal));
        var everything = JsonSerializer.Serialize(view);
        Assert.DoesNotContain("内部备注", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(code, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("验证码", everything, StringComparison.Ordinal);

        // Forwarded and answered by the centre: the steps follow.
        (await agent.PostAsJsonAsync($"/api/cases/{id}/reply", new ReplyRequest("师傅明天上午到。"), Ct)).EnsureSuccessStatusCode();
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), async () =>
            (await customer.GetFromJsonAsync<StatusView>("/api/status", Ct))!.Replies.FirstOrDefault(r => r.Text == "师傅明天上午到。"), "the reply shown once sent");

        var added = (await (await customer.PostAsJsonAsync("/api/status/info", new StatusInfoRequest("电梯里还有人被困过一次"), Ct)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<StatusInfoResult>(Ct))!;
        Assert.Equal((number, false), (added.CaseNumber, added.NewCase));
        var after = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!;
        Assert.Contains(after.Messages, m => m.Direction == "inbound" && m.BodyText == "电梯里还有人被困过一次");
    }

    [Fact]
    public async Task AContactThatIsNotOnTheCase_GetsNoCode()
    {
        await using var twilio = new TwilioStandIn();
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings(twilio));
        var number = await ComplainBySmsAsync(host, "+8613800138000", "3号楼电梯坏了三天了");
        using var customer = host.Anonymous();

        var other = await customer.PostAsJsonAsync("/api/status/code", new StatusCodeRequest(number, "13900139000", "zh-CN"), Ct);
        var noCase = await customer.PostAsJsonAsync("/api/status/code", new StatusCodeRequest("TS-20000101-00001", "13800138000", "zh-CN"), Ct);
        var empty = await customer.PostAsJsonAsync("/api/status/code", new StatusCodeRequest(number, " ", "zh-CN"), Ct);

        Assert.Equal((HttpStatusCode.NotFound, "status.no-match"), (other.StatusCode, await ProblemCodeAsync(other)));
        Assert.Equal((HttpStatusCode.NotFound, "status.no-match"), (noCase.StatusCode, await ProblemCodeAsync(noCase)));
        Assert.Equal((HttpStatusCode.BadRequest, "status.missing"), (empty.StatusCode, await ProblemCodeAsync(empty)));
        using var agent = await host.ClientAsync(Roles.Agent);
        Assert.DoesNotContain((await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!.Messages,
            m => m.BodyText.Contains("验证码", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CodesAreLimitedPerCaseAndPerAddress_WrongAttemptsUseTheCodeUp_AndExpiredCodesOpenNothing()
    {
        await using var twilio = new TwilioStandIn();
        var limits = new StatusCodeLimits(TimeSpan.FromMinutes(10), AttemptsPerCode: 2, CodesPerHourPerCase: 2, CodesPerHourPerAddress: 3);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings(twilio), services => services.AddSingleton(limits));
        var first = await ComplainBySmsAsync(host, "+8613800138000", "3号楼电梯坏了三天了");
        using var customer = host.Anonymous();
        async Task<HttpResponseMessage> AskAsync(string number) =>
            await customer.PostAsJsonAsync("/api/status/code", new StatusCodeRequest(number, "13800138000", "en"), Ct);

        Assert.Equal(HttpStatusCode.Accepted, (await AskAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await AskAsync(first)).StatusCode);
        var perCase = await AskAsync(first);
        Assert.Equal((HttpStatusCode.TooManyRequests, "status.rate-limited"), (perCase.StatusCode, await ProblemCodeAsync(perCase)));

        // The newest code: two wrong attempts use it up, after which even the right one opens nothing.
        var code = await CodeSentAsync(twilio, 2);
        var wrongCode = code == "000000" ? "111111" : "000000";
        Assert.Equal("status.code-wrong", await ProblemCodeAsync(await customer.PostAsJsonAsync("/api/status/verify", new StatusVerifyRequest(first, wrongCode), Ct)));
        Assert.Equal("status.code-attempts", await ProblemCodeAsync(await customer.PostAsJsonAsync("/api/status/verify", new StatusVerifyRequest(first, wrongCode), Ct)));
        Assert.Equal("status.code-attempts", await ProblemCodeAsync(await customer.PostAsJsonAsync("/api/status/verify", new StatusVerifyRequest(first, code), Ct)));

        // Another case of the same phone: one more code for the address, then the address's limit.
        using var agent = await host.ClientAsync(Roles.Agent);
        var firstId = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{first}", Ct))!.Case.Id;
        (await agent.PostAsJsonAsync($"/api/cases/{firstId}/resolve", new ResolveRequest("done"), Ct)).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/api/cases/{firstId}/close", new CloseRequest(null), Ct)).EnsureSuccessStatusCode();
        var second = await ComplainBySmsAsync(host, "+8613800138000", "停车场的灯也坏了");
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Accepted, (await AskAsync(second)).StatusCode);
        var perAddress = await AskAsync(second);
        Assert.Equal((HttpStatusCode.TooManyRequests, "status.rate-limited"), (perAddress.StatusCode, await ProblemCodeAsync(perAddress)));
    }

    [Fact]
    public async Task AnExpiredCode_OpensNothing()
    {
        await using var twilio = new TwilioStandIn();
        var limits = StatusCodeLimits.Default with { Lifetime = TimeSpan.Zero };
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings(twilio), services => services.AddSingleton(limits));
        var number = await ComplainBySmsAsync(host, "+8613800138000", "3号楼电梯坏了三天了");
        using var customer = host.Anonymous();
        (await customer.PostAsJsonAsync("/api/status/code", new StatusCodeRequest(number, "13800138000", "zh-CN"), Ct)).EnsureSuccessStatusCode();
        var code = await CodeSentAsync(twilio, 1);

        var late = await customer.PostAsJsonAsync("/api/status/verify", new StatusVerifyRequest(number, code), Ct);

        Assert.Equal((HttpStatusCode.BadRequest, "status.code-expired"), (late.StatusCode, await ProblemCodeAsync(late)));
    }
}
