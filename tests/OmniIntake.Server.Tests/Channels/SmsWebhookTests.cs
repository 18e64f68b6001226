using System.Net;
using Dapper;
using OmniIntake.Channels.Sms.Reconciliation;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Intake;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Units;
using OmniIntake.Server.Cases;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Channels;

/// <summary>Twilio's webhooks signed with Twilio's algorithm, replies through the SDK to a stand-in that checks the contract (issue 4).</summary>
public sealed class SmsWebhookTests
{
    private const string PublicUrl = "https://hub.example.test";
    private const string OurNumber = "+8610010010000";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Settings(TwilioStandIn twilio, int perMinute = 20) => new()
    {
        ["Channels:Sms:AccountSid"] = TwilioStandIn.AccountSid,
        ["Channels:Sms:AuthToken"] = TwilioStandIn.AuthToken,
        ["Channels:Sms:From"] = OurNumber,
        ["Channels:Sms:PublicUrl"] = PublicUrl,
        ["Channels:Sms:ApiBaseUrl"] = twilio.BaseUrl,
        ["Channels:Sms:MessagesPerMinutePerNumber"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Outbox:PollInterval"] = "00:00:00.200",
        ["Outbox:RetryBase"] = "00:00:00.200",
        ["Outbox:MaxBackoff"] = "00:00:01",
    };

    private static HttpRequestMessage Webhook(string path, Dictionary<string, string> form, string? signature = "sign")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (signature == "sign") signature = TwilioSigner.Sign(PublicUrl + path, form, TwilioStandIn.AuthToken);
        if (signature is not null) request.Headers.Add("X-Twilio-Signature", signature);
        return request;
    }

    private static Dictionary<string, string> Sms(string sid, string from, string body) => new()
    {
        ["MessageSid"] = sid, ["SmsSid"] = sid, ["AccountSid"] = TwilioStandIn.AccountSid, ["From"] = from, ["To"] = OurNumber, ["Body"] = body,
        ["NumMedia"] = "0", ["NumSegments"] = "1", ["ApiVersion"] = "2010-04-01", ["SmsStatus"] = "received",
    };

    private static string Sid() => "SM" + Guid.NewGuid().ToString("N");

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ASignedSms_OpensACaseOnce_AndTheDialogAsksItsQuestionsBySms(DatabaseProvider provider)
    {
        await using var twilio = new TwilioStandIn();
        await using var host = await HubHost.StartAsync(provider, Settings(twilio));
        using var twilioClient = host.Anonymous();
        var sid = Sid();

        var first = await twilioClient.SendAsync(Webhook("/channels/sms/twilio", Sms(sid, "13800138000", "3号楼电梯坏了三天了😡")), Ct);
        var again = await twilioClient.SendAsync(Webhook("/channels/sms/twilio", Sms(sid, "13800138000", "3号楼电梯坏了三天了😡")), Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal("text/xml", first.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Response></Response>", await first.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var agent = await host.ClientAsync(Roles.Agent);
        var opened = Assert.Single((await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!);
        Assert.Equal("sms", opened.Channel);

        // The receipt and the first question, in one message, through the SDK with a status callback.
        var created = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), () => Task.FromResult(twilio.Created.FirstOrDefault()), "the SMS reply");
        Assert.Equal(("+8613800138000", OurNumber, $"{PublicUrl}/channels/sms/twilio/status"), (created["To"], created["From"], created["StatusCallback"]));
        Assert.Contains(opened.Number, created["Body"], StringComparison.Ordinal);
        Assert.Contains("怎么称呼", created["Body"], StringComparison.Ordinal);
        // Two segments since the receipt carries the status page's link (issue 16 item 3: CustomerMessagesTests measures it).
        Assert.Equal(2, OmniIntake.Core.Text.SmsSegments.Count(created["Body"]).Segments);

        // The answer (same number, within the window) joins the case and fills its field; the next question follows.
        await twilioClient.SendAsync(Webhook("/channels/sms/twilio", Sms(Sid(), "+8613800138000", "王先生")), Ct);
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), () => Task.FromResult(twilio.Created.Count >= 2 ? "" : null), "the second question");
        Assert.Contains("什么时候", twilio.Created.ToArray()[1]["Body"], StringComparison.Ordinal); // the phone is known: not asked
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.Number}", Ct))!;
        Assert.Equal("王先生", detail.Fields.ComplainantName);
        Assert.Equal("3号楼电梯坏了三天了😡", detail.Messages.First(m => m.Direction == "inbound").BodyText);
        var sent = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), async () =>
            (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.Number}", Ct))!.Messages.FirstOrDefault(m => m.Direction == "outbound" && m.DeliveryStatus == "sent"),
            "the reply recorded as sent");
        Assert.Equal(2, sent.Segments);

        // Twilio's delivery report, signed, lands on the reply.
        var report = new Dictionary<string, string> { ["MessageSid"] = sent.ExternalId!, ["MessageStatus"] = "delivered", ["AccountSid"] = TwilioStandIn.AccountSid };
        Assert.Equal(HttpStatusCode.Forbidden, (await twilioClient.SendAsync(Webhook("/channels/sms/twilio/status", report, signature: null), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await twilioClient.SendAsync(Webhook("/channels/sms/twilio/status", report), Ct)).StatusCode);
        detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.Number}", Ct))!;
        Assert.Equal("delivered", detail.Messages.Single(m => m.ExternalId == sent.ExternalId).ProviderStatus);
        Assert.Empty(twilio.Violations);
    }

    /// <summary>
    /// Issue 17 item 1: an SMS (raw copy, intake, dialog, receipt row, settlement) is one unit, one commit, and the
    /// webhook answers once it committed; the answer that fills the case's field is one unit too.
    /// </summary>
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnSms_IsTakenInOneCommit_WithItsRawCopyDialogAndReceipt(DatabaseProvider provider)
    {
        await using var twilio = new TwilioStandIn();
        await using var host = await HubHost.StartAsync(provider, Settings(twilio));
        using var client = host.Anonymous();
        var units = Assert.IsType<GroupCommitUnits>(host.Services.GetRequiredService<IInboundUnits>());
        var sid = Sid();

        var before = units.Counts;
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Webhook("/channels/sms/twilio", Sms(sid, "13800138000", "3号楼电梯坏了三天了")), Ct)).StatusCode);
        var afterFirst = units.Counts;
        // Answered: everything the message wrote is committed, in the one unit.
        Assert.Equal((1L, 1L, 1L, 1L), (await ScalarAsync(host, "SELECT COUNT(*) FROM raw_messages WHERE disposition = 'taken' AND case_id IS NOT NULL"),
            await ScalarAsync(host, "SELECT COUNT(*) FROM cases"), await ScalarAsync(host, "SELECT COUNT(*) FROM outbox"),
            await ScalarAsync(host, "SELECT COUNT(*) FROM conversations")));
        Assert.Equal(new GroupCommitCounts(1, 1, 0), Delta(before, afterFirst));

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Webhook("/channels/sms/twilio", Sms(Sid(), "+8613800138000", "王先生")), Ct)).StatusCode);
        Assert.Equal(new GroupCommitCounts(1, 1, 0), Delta(afterFirst, units.Counts));
        Assert.Equal(1L, await ScalarAsync(host, "SELECT COUNT(*) FROM cases WHERE complainant_name = '王先生'"));
        Assert.Equal(2L, await ScalarAsync(host, "SELECT COUNT(*) FROM raw_messages WHERE disposition = 'taken'"));
        Assert.Empty(twilio.Violations);
    }

    [Fact]
    public async Task GroupCommit_FollowsItsSettings()
    {
        // Database:GroupCommit (README's configuration table): at most one unit per batch, whatever arrives together.
        await using var twilio = new TwilioStandIn();
        var settings = Settings(twilio, perMinute: 1000);
        settings["Database:GroupCommit:MaxBatch"] = "1";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Postgres, settings);
        using var client = host.Anonymous();
        var units = Assert.IsType<GroupCommitUnits>(host.Services.GetRequiredService<IInboundUnits>());
        var before = units.Counts;

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            client.SendAsync(Webhook("/channels/sms/twilio", Sms(Sid(), $"+861380013810{i}", $"{i}号楼电梯坏了")), Ct)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var delta = Delta(before, units.Counts);
        Assert.Equal(8, delta.BatchedUnits + delta.AloneUnits);
        Assert.Equal(delta.BatchedUnits, delta.Batches);
    }

    private static GroupCommitCounts Delta(GroupCommitCounts from, GroupCommitCounts to) =>
        new(to.Batches - from.Batches, to.BatchedUnits - from.BatchedUnits, to.AloneUnits - from.AloneUnits);

    private static async Task<long> ScalarAsync(HubHost host, string sql)
    {
        await using var database = new Database(host.Database.Options);
        await using var connection = await database.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: Ct));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("forged-signature-AAAAAAAAAAAAAAAAAAA=")]
    public async Task AForgedOrMissingSignature_Gets403_AndWritesNothing(string? signature)
    {
        await using var twilio = new TwilioStandIn();
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings(twilio));
        using var client = host.Anonymous();

        var response = await client.SendAsync(Webhook("/channels/sms/twilio", Sms(Sid(), "13800138000", "hello"), signature), Ct);
        // Signed for another URL (a proxy that rewrote the host) is no better.
        var form = Sms(Sid(), "13800138000", "hello");
        var elsewhere = new HttpRequestMessage(HttpMethod.Post, "/channels/sms/twilio") { Content = new FormUrlEncodedContent(form) };
        elsewhere.Headers.Add("X-Twilio-Signature", TwilioSigner.Sign("https://other.example.test/channels/sms/twilio", form, TwilioStandIn.AuthToken));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(elsewhere, Ct)).StatusCode);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        Assert.Empty((await supervisor.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!);
        Assert.Empty((await supervisor.GetFromJsonAsync<List<OmniIntake.Core.Intake.StoredRawMessage>>("/api/channels/raw", Ct))!);
    }

    [Fact]
    public async Task BadInput_GetsClearAnswers_AndLongChineseAndEmojiBodiesArrive()
    {
        await using var twilio = new TwilioStandIn();
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings(twilio, perMinute: 3));
        using var client = host.Anonymous();
        var missing = Sms(Sid(), "13800138000", "x");
        missing.Remove("From");
        var invalid = Sms(Sid(), "not-a-number", "hello");
        var longBody = string.Concat(Enumerable.Repeat("电梯坏了😀", 320)); // 1,600 UTF-16 units, Twilio's maximum

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Webhook("/channels/sms/twilio", missing), Ct)).StatusCode);
        var refused = await client.SendAsync(Webhook("/channels/sms/twilio", invalid), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not a valid phone number", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Webhook("/channels/sms/twilio", Sms(Sid(), "13900139000", longBody)), Ct)).StatusCode);
        // A flood from one number: the limit is 3 a minute.
        for (var i = 0; i < 2; i++) await client.SendAsync(Webhook("/channels/sms/twilio", Sms(Sid(), "13900139000", $"again {i}")), Ct);
        var flooded = await client.SendAsync(Webhook("/channels/sms/twilio", Sms(Sid(), "13900139000", "and again")), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, flooded.StatusCode);

        using var agent = await host.ClientAsync(Roles.Agent);
        var only = Assert.Single((await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!);
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{only.Number}", Ct))!;
        Assert.Equal(longBody, detail.Messages.First(m => m.Direction == "inbound").BodyText);
        Assert.Equal(3, detail.Messages.Count(m => m.Direction == "inbound"));
    }

    [Fact]
    public async Task StopOptsOut_RepliesAreRefusedVisibly_StartOptsBackIn_HelpAnswers_AndMmsMediaIsRecorded()
    {
        await using var twilio = new TwilioStandIn();
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings(twilio));
        using var client = host.Anonymous();
        var mms = Sms(Sid(), "13800138000", "照片在这里");
        mms["NumMedia"] = "1";
        mms["MediaUrl0"] = "https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME1";
        mms["MediaContentType0"] = "image/jpeg";
        await client.SendAsync(Webhook("/channels/sms/twilio", mms), Ct);
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), () => Task.FromResult(twilio.Created.FirstOrDefault()), "the receipt");

        var stop = await client.SendAsync(Webhook("/channels/sms/twilio", Sms(Sid(), "13800138000", "退订")), Ct);
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        using var agent = await host.ClientAsync(Roles.Agent);
        var opened = Assert.Single((await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!); // the keyword opened nothing
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.Number}", Ct))!;
        Assert.Contains("image/jpeg", detail.Messages[0].Attachments, StringComparison.Ordinal);
        var optedOut = await agent.GetFromJsonAsync<List<OmniIntake.Core.Sms.OptOut>>("/api/channels/sms/opt-outs", Ct);
        Assert.Equal("+8613800138000", Assert.Single(optedOut!).Phone);

        (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/reply", new ReplyRequest("我们已安排维修。"), Ct)).EnsureSuccessStatusCode();
        var refused = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), async () =>
            (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.Number}", Ct))!.Messages.FirstOrDefault(m => m.DeliveryStatus == "failed"),
            "the reply refused");
        Assert.Contains("opted out", refused.DeliveryError, StringComparison.Ordinal);
        Assert.Single(twilio.Created); // nothing was sent to Twilio after STOP

        await client.SendAsync(Webhook("/channels/sms/twilio", Sms(Sid(), "13800138000", "START")), Ct);
        Assert.Empty((await agent.GetFromJsonAsync<List<OmniIntake.Core.Sms.OptOut>>("/api/channels/sms/opt-outs", Ct))!);
        var help = await client.SendAsync(Webhook("/channels/sms/twilio", Sms(Sid(), "13800138000", "HELP")), Ct);
        Assert.Contains("<Message>", await help.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwilioErrors_AreRetriedWithBackoff_And21610IsAVisibleFailure()
    {
        await using var twilio = new TwilioStandIn();
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings(twilio));
        using var client = host.Anonymous();
        twilio.FailNext(429, 20429);
        twilio.FailNext(500);
        await client.SendAsync(Webhook("/channels/sms/twilio", Sms(Sid(), "13800138000", "垃圾没人清理")), Ct);
        using var agent = await host.ClientAsync(Roles.Agent);
        var number = Assert.Single((await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!).Number;

        var sent = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), async () =>
            (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!.Messages.FirstOrDefault(m => m.DeliveryStatus == "sent"),
            "sent after retries");
        Assert.Equal(3, sent.DeliveryAttempts);

        twilio.FailNext(400, 21610);
        var id = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!.Case.Id;
        (await agent.PostAsJsonAsync($"/api/cases/{id}/reply", new ReplyRequest("已派人处理。"), Ct)).EnsureSuccessStatusCode();
        var failed = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), async () =>
            (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!.Messages.FirstOrDefault(m => m.DeliveryStatus == "failed"), "the 21610 failure");
        Assert.Contains("21610", failed.DeliveryError, StringComparison.Ordinal);
        Assert.Single((await agent.GetFromJsonAsync<List<OmniIntake.Core.Sms.OptOut>>("/api/channels/sms/opt-outs", Ct))!);
        Assert.Empty(twilio.Violations);
    }

    [Fact]
    public async Task Reconciliation_TakesInWhatTheWebhookMissed_ExactlyOnce()
    {
        await using var twilio = new TwilioStandIn();
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings(twilio));
        using var client = host.Anonymous();
        var delivered = Sid();
        await client.SendAsync(Webhook("/channels/sms/twilio", Sms(delivered, "13800138000", "送达的短信")), Ct);
        var missed = Sid();
        twilio.Inbound.Enqueue((delivered, "+8613800138000", OurNumber, "送达的短信", DateTimeOffset.UtcNow));
        twilio.Inbound.Enqueue((missed, "+8613700137000", OurNumber, "服务器宕机时发的短信", DateTimeOffset.UtcNow));
        twilio.Inbound.Enqueue((Sid(), "+8613700137001", OurNumber, "STOP", DateTimeOffset.UtcNow));
        var reconciliation = host.Services.GetRequiredService<TwilioReconciliation>();

        var first = await reconciliation.RunAsync(Ct);
        var second = await reconciliation.RunAsync(Ct);

        Assert.Equal((1, 0), (first, second));
        using var agent = await host.ClientAsync(Roles.Agent);
        var cases = (await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!;
        Assert.Equal(2, cases.Count);
        Assert.Contains(cases, c => c.Subject is null || c.Channel == "sms");
        Assert.Empty(twilio.Violations);
    }
}
