using System.Net;
using Dapper;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OmniIntake.Channels.WebChat.Hub;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Conversations;
using OmniIntake.Core.Intake;
using OmniIntake.Data;
using OmniIntake.Dialogs.Engine;
using OmniIntake.Dialogs.Running;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Channels;
using OmniIntake.Server.Dialogs;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Dialogs;

/// <summary>
/// A conversation a crash left without its dialog state (before issue 12 item 2 made creating it and its first state one
/// write): the customer's next message repairs it and is answered; the expiry job repairs or registers it, sets aside
/// a row it cannot handle where supervisors see it, and goes on with the others.
/// </summary>
public sealed class DialogRecoveryTests
{
    private const string PublicUrl = "https://hub.example.test";
    private const string OurNumber = "+8610010010000";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A conversation row as the crash left it: created, its first customer message stored, no state.</summary>
    private static async Task InsertStatelessAsync(HubHost host, string id, Channel channel, long? caseId, string? caseNumber, string? firstText,
        string? clientId, DateTimeOffset at, string? state = null)
    {
        await using var database = new Database(host.Database.Options);
        await using var connection = await database.OpenAsync(Ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO conversations (id, channel, token_sha256, language, dialog_state, status, case_id, case_number, created_at, updated_at, version)
            VALUES (@id, @channel, NULL, 'zh-CN', @state, 'dialog', @caseId, @caseNumber, @at, @at, 0)
            """, new { id, channel = channel.ToName(), state, caseId, caseNumber, at }, cancellationToken: Ct));
        if (firstText is not null)
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO conversation_messages (conversation_id, direction, text, client_id, created_at) VALUES (@id, 'customer', @firstText, @clientId, @at)",
                new { id, firstText, clientId, at }, cancellationToken: Ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AStatelessSmsConversation_IsRepairedByTheNextSms_WhichIsAnsweredWithTheNextQuestion(DatabaseProvider provider)
    {
        await using var twilio = new TwilioStandIn();
        await using var host = await HubHost.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Channels:Sms:AccountSid"] = TwilioStandIn.AccountSid, ["Channels:Sms:AuthToken"] = TwilioStandIn.AuthToken,
            ["Channels:Sms:From"] = OurNumber, ["Channels:Sms:PublicUrl"] = PublicUrl, ["Channels:Sms:ApiBaseUrl"] = twilio.BaseUrl,
            ["Outbox:PollInterval"] = "00:00:00.200",
        });
        var firstSid = "SM" + Guid.NewGuid().ToString("N");
        var opened = await host.Services.GetRequiredService<IIntake>().AcceptAsync(new InboundMessage
        {
            Channel = Channel.Sms, ExternalId = firstSid, Sender = ContactHandle.Create(ContactHandleKind.Phone, "+8613800138000"),
            Text = "3号楼电梯坏了三天了", ReceivedAt = DateTimeOffset.UtcNow,
        }, Ct);
        await InsertStatelessAsync(host, $"sms-case-{opened.CaseId}", Channel.Sms, opened.CaseId, opened.CaseNumber, "3号楼电梯坏了三天了", firstSid,
            DateTimeOffset.UtcNow);

        var form = TwilioWebhook.IncomingSms("+8613800138000", OurNumber, "王先生");
        using var request = TwilioWebhook.SignedRequest(PublicUrl, form);
        using var client = host.Anonymous();
        var answered = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var next = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), () => Task.FromResult(twilio.Created.FirstOrDefault()), "the next question");
        Assert.Contains("什么时候", next["Body"], StringComparison.Ordinal); // the complaint and the phone are known, the name was just given
        using var agent = await host.ClientAsync(Roles.Agent);
        Assert.Equal("王先生", (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.CaseNumber}", Ct))!.Fields.ComplainantName);
        var repaired = await host.Services.GetRequiredService<IConversationStore>().FindAsync($"sms-case-{opened.CaseId}", Ct);
        Assert.NotNull(repaired?.DialogState);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheExpiryJob_RegistersAStatelessDialog_SetsAsideOneItCannotRead_AndStillExpiresTheOthers(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        await using var chat = host.ChatHub();
        await chat.StartAsync(Ct);
        var token = (await chat.InvokeAsync<ChatSession>("Start", "zh-CN", Ct)).Token;
        await chat.InvokeAsync<ChatTurn>("Send", token, "m1", "物业乱收停车费", Ct);
        var hourAgo = DateTimeOffset.UtcNow.AddHours(-1);
        // The oldest first: before the fix the job threw on it every minute and expired nobody.
        await InsertStatelessAsync(host, "chat-unreadable", Channel.Chat, null, null, "这条对话的状态坏了", "u1", hourAgo.AddMinutes(-30), state: "{\"phase\":");
        await InsertStatelessAsync(host, "chat-stateless", Channel.Chat, null, null, "楼道的灯坏了一个月", "s1", hourAgo);
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(31));
        var runner = new DialogRunner(host.Services.GetRequiredService<DialogEngine>(), host.Services.GetRequiredService<IConversationStore>(),
            host.Services.GetRequiredService<IIntake>(), host.Services.GetRequiredService<ICaseFieldsWriter>(), later, NullLogger<DialogRunner>.Instance);
        var job = new DialogExpiryJob(runner, NullLogger<DialogExpiryJob>.Instance);

        var expired = await job.RunAsync(Ct);

        Assert.Equal(2, expired);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var cases = (await supervisor.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!;
        Assert.Equal(2, cases.Count);
        Assert.All(cases, c => Assert.StartsWith("[未完成]", c.Subject, StringComparison.Ordinal));
        Assert.Contains(cases, c => c.Subject!.Contains("楼道的灯坏了一个月", StringComparison.Ordinal));
        var setAside = Assert.Single((await supervisor.GetFromJsonAsync<List<SetAsideDialogView>>("/api/channels/dialogs/set-aside", Ct))!);
        Assert.Equal(("chat-unreadable", "chat"), (setAside.Id, setAside.Channel));
        Assert.False(string.IsNullOrWhiteSpace(setAside.Reason));
        // Set aside: not tried again every minute, and never in the way of the others.
        Assert.Equal(0, await job.RunAsync(Ct));
        Assert.Single((await supervisor.GetFromJsonAsync<List<SetAsideDialogView>>("/api/channels/dialogs/set-aside", Ct))!);
    }
}
