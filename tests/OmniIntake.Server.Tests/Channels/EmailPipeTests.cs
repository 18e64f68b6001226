using System.Net;
using System.Net.Http.Headers;
using OmniIntake.Channels.Email.Pipe;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;

namespace OmniIntake.Server.Tests.Channels;

public sealed class EmailPipeTests
{
    private const string Key = "pipe-key-for-tests-0123456789";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);
    private static readonly Dictionary<string, string?> WithKey = new() { ["Channels:Email:PipeApiKey"] = Key };

    private static HttpRequestMessage Pipe(byte[] raw, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/channels/email/inbound") { Content = new ByteArrayContent(raw) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return request;
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task PipedMail_OpensACase_Once(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider, WithKey);
        using var mta = host.Anonymous();
        var raw = await File.ReadAllBytesAsync(OmniIntake.Testing.SharedTestData.Path("email/demisto-parse-emails/chinese_gb2312_encoding.eml"), Ct);

        var first = await mta.SendAsync(Pipe(raw), Ct);
        var again = await mta.SendAsync(Pipe(raw), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var taken = (await first.Content.ReadFromJsonAsync<PipedEmail>(Ct))!;
        var repeated = (await again.Content.ReadFromJsonAsync<PipedEmail>(Ct))!;
        Assert.Equal(("personal", "newcase"), (taken.Kind, taken.Outcome));
        Assert.Equal(("duplicate", taken.CaseNumber, taken.RawId), (repeated.Outcome, repeated.CaseNumber, repeated.RawId));
        using var agent = await host.ClientAsync(Roles.Agent);
        var detail = await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{taken.CaseNumber}", Ct);
        Assert.Equal("你好，我是程序员，很高兴认识你", detail!.Messages.Single().BodyText.Trim());
        Assert.Equal("email", detail.Case.Channel);
        Assert.Contains("email:sender@example.com", detail.ContactHandles);
    }

    [Fact]
    public async Task Bounce_IsKeptAside_NotACase()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, WithKey);
        using var mta = host.Anonymous();

        var response = await mta.SendAsync(Pipe(await File.ReadAllBytesAsync(OmniIntake.Testing.SharedTestData.Path("email/mimekit/bounce.txt"), Ct)), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("bounce", (await response.Content.ReadFromJsonAsync<PipedEmail>(Ct))!.Kind);
        using var agent = await host.ClientAsync(Roles.Agent);
        Assert.Empty((await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key-wrong-key-wrong-key", HttpStatusCode.Unauthorized)]
    public async Task WithoutTheKey_NothingIsWritten(string? key, HttpStatusCode expected)
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, WithKey);
        using var mta = host.Anonymous();

        var response = await mta.SendAsync(Pipe("From: a@example.test\r\n\r\nhello"u8.ToArray(), key), Ct);

        Assert.Equal(expected, response.StatusCode);
        using var agent = await host.ClientAsync(Roles.Agent);
        Assert.Empty((await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!);
    }

    [Fact]
    public async Task Pipe_IsClosed_WhenNoKeyIsConfigured()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var mta = host.Anonymous();

        var response = await mta.SendAsync(Pipe("From: a@example.test\r\n\r\nhello"u8.ToArray(), "anything-at-all-long-enough"), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Attachments_AreKept_WithinTheLimits_AndRefusedOnesAreNamedWithTheReason()
    {
        var settings = new Dictionary<string, string?>(WithKey) { ["Channels:Email:Attachments:MaxBytes"] = "100000" };
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings);
        using var mta = host.Anonymous();
        var pdf = new byte[5000];
        Random.Shared.NextBytes(pdf);
        var mail = new MimeKit.MimeMessage { Subject = "附件 attachments" };
        mail.From.Add(MimeKit.MailboxAddress.Parse("sender@example.test"));
        var body = new MimeKit.BodyBuilder { TextBody = "See the photo and the invoice." };
        body.Attachments.Add("invoice.pdf", pdf, MimeKit.ContentType.Parse("application/pdf"));
        body.Attachments.Add("setup.exe", new byte[100], MimeKit.ContentType.Parse("application/octet-stream"));
        body.Attachments.Add("huge.zip", new byte[200_000], MimeKit.ContentType.Parse("application/zip"));
        mail.Body = body.ToMessageBody();
        using var raw = new MemoryStream();
        await mail.WriteToAsync(raw, Ct);

        var taken = (await (await mta.SendAsync(Pipe(raw.ToArray()), Ct)).Content.ReadFromJsonAsync<PipedEmail>(Ct))!;

        using var agent = await host.ClientAsync(Roles.Agent);
        var message = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{taken.CaseNumber}", Ct))!.Messages.Single();
        var listed = System.Text.Json.JsonSerializer.Deserialize<List<OmniIntake.Core.Messages.Attachment>>(message.Attachments, WebJson)!;
        Assert.Equal(["invoice.pdf", "setup.exe", "huge.zip"], listed.Select(a => a.FileName));
        var kept = listed[0];
        Assert.Equal(("application/pdf", 5000L, (string?)null), (kept.ContentType, kept.Size, kept.RefusedReason));
        Assert.Contains(".exe", listed[1].RefusedReason, StringComparison.Ordinal);
        Assert.Null(listed[1].StorageKey);
        Assert.Contains("larger than the limit", listed[2].RefusedReason, StringComparison.Ordinal);

        var download = await agent.GetAsync($"/api/messages/{message.Id}/attachments/{kept.StorageKey}", Ct);
        download.EnsureSuccessStatusCode();
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/messages/{message.Id}/attachments/mime-1", Ct)).StatusCode);
    }
}
