using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OmniIntake.Channels.WebChat.Hub;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Conversations;
using OmniIntake.Core.Intake;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Dialogs.Engine;
using OmniIntake.Dialogs.Running;
using OmniIntake.Server.Cases;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Channels;

/// <summary>The web chat through the real hub: the dialog, registration, agent replies back, reconnects, limits (issue 5).</summary>
public sealed class WebChatTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ChatTurn> SayAsync(HubConnection chat, string token, string text, string? clientId = null) =>
        await chat.InvokeAsync<ChatTurn>("Send", token, clientId ?? Guid.NewGuid().ToString("N"), text, Ct);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AChineseConversation_RegistersACase_AndTheAgentsReplyComesBackLive(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        await using var chat = host.ChatHub();
        var pushed = new ConcurrentQueue<ChatMessage>();
        chat.On<List<ChatMessage>>("messages", list => { foreach (var m in list) pushed.Enqueue(m); });
        await chat.StartAsync(Ct);

        var session = await chat.InvokeAsync<ChatSession>("Start", "zh-CN", Ct);
        Assert.Contains("请描述", Assert.Single(session.Messages).Text, StringComparison.Ordinal);
        await SayAsync(chat, session.Token, "3号楼电梯坏了三天，我叫王芳");
        await SayAsync(chat, session.Token, "13800138000");
        await SayAsync(chat, session.Token, "昨天下午三点");
        await SayAsync(chat, session.Token, "3号楼");
        var summary = await SayAsync(chat, session.Token, "尽快修好");
        Assert.Contains("姓名：王芳", Assert.Single(summary.Messages).Text, StringComparison.Ordinal);
        await SayAsync(chat, session.Token, "电话写错了，是13900139000");
        var done = await SayAsync(chat, session.Token, "确认");

        Assert.Equal(ConversationStatus.Registered, done.Status);
        var number = Assert.IsType<string>(done.CaseNumber);
        Assert.Contains(number, Assert.Single(done.Messages).Text, StringComparison.Ordinal);
        using var agent = await host.ClientAsync(Roles.Agent);
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!;
        Assert.Equal(("chat", "王芳", "+8613900139000", "2026", "3号楼", "尽快修好", "property-management"),
            (detail.Case.Channel, detail.Fields.ComplainantName, detail.Fields.ContactPhone, detail.Fields.OccurredAt![..4], detail.Fields.Location,
                detail.Fields.CustomerRequest, detail.Case.Category));

        // After registration the customer's messages go to the case; the agent's reply goes back into the chat.
        await SayAsync(chat, session.Token, "什么时候能修好？");
        (await agent.PostAsJsonAsync($"/api/cases/{detail.Case.Id}/reply", new ReplyRequest("师傅明天上午到。"), Ct)).EnsureSuccessStatusCode();
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), () => Task.FromResult(pushed.FirstOrDefault(m => m.Direction == "agent")), "the agent's reply pushed");
        detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!;
        Assert.Contains(detail.Messages, m => m.Direction == "inbound" && m.BodyText == "什么时候能修好？");
        Assert.Single(await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct) ?? []);

        // Resume from the start gives the whole conversation, in order, each message once.
        var resumed = await chat.InvokeAsync<ChatSession>("Resume", session.Token, 0L, Ct);
        Assert.Equal(resumed.Messages.Select(m => m.Id).Distinct().Count(), resumed.Messages.Count);
        Assert.Equal("师傅明天上午到。", resumed.Messages[^1].Text);
    }

    [Fact]
    public async Task AMessageSentTwiceAfterAReconnect_IsOneMessage_AndGetsTheSameAnswer()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        await using var chat = host.ChatHub();
        await chat.StartAsync(Ct);
        var session = await chat.InvokeAsync<ChatSession>("Start", "en-US", Ct);

        var first = await SayAsync(chat, session.Token, "The lift in building 3 is broken", "client-1");
        var again = await SayAsync(chat, session.Token, "The lift in building 3 is broken", "client-1");

        Assert.Equal(first.Messages.Select(m => m.Id), again.Messages.Select(m => m.Id));
        var all = await chat.InvokeAsync<ChatSession>("Resume", session.Token, 0L, Ct);
        Assert.Single(all.Messages, m => m.Direction == "customer");
    }

    [Fact]
    public async Task NobodyElse_CanReadAConversation_AndLimitsGiveClearErrors()
    {
        var settings = new Dictionary<string, string?> { ["Channels:WebChat:MessagesPerMinute"] = "3" };
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings);
        await using var chat = host.ChatHub();
        await chat.StartAsync(Ct);
        var session = await chat.InvokeAsync<ChatSession>("Start", "en", Ct);

        var stranger = await Assert.ThrowsAsync<HubException>(() => chat.InvokeAsync<ChatSession>("Resume", "not-the-token", 0L, Ct));
        Assert.Contains("Unknown conversation", stranger.Message, StringComparison.Ordinal);
        var tooLong = await Assert.ThrowsAsync<HubException>(() => SayAsync(chat, session.Token, new string('x', 2001)));
        Assert.Contains("at most 2000 characters", tooLong.Message, StringComparison.Ordinal);
        await SayAsync(chat, session.Token, "<b>bold</b> lift broken in building 3");
        await SayAsync(chat, session.Token, "Li Lei");
        var flood = await Assert.ThrowsAsync<HubException>(() => SayAsync(chat, session.Token, "13800138000"));
        Assert.Contains("Too many messages", flood.Message, StringComparison.Ordinal);
        // What a customer typed is kept as typed: shown as text, never markup.
        var all = await chat.InvokeAsync<ChatSession>("Resume", session.Token, 0L, Ct);
        Assert.Contains(all.Messages, m => m.Text == "<b>bold</b> lift broken in building 3");
    }

    [Fact]
    public async Task ARestart_ContinuesTheSameConversation()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        string token;
        await using (var first = await HubHost.StartAsync(database, ownsDatabase: false))
        {
            await using var chat = first.ChatHub();
            await chat.StartAsync(Ct);
            token = (await chat.InvokeAsync<ChatSession>("Start", "zh-CN", Ct)).Token;
            await SayAsync(chat, token, "小区路灯坏了一个星期");
            await SayAsync(chat, token, "李女士");
        }
        await using var second = await HubHost.StartAsync(database, ownsDatabase: false);
        await using var again = second.ChatHub();
        await again.StartAsync(Ct);
        await again.InvokeAsync<ChatSession>("Resume", token, 0L, Ct);

        var next = await SayAsync(again, token, "13800138000");

        Assert.Contains("什么时候", Assert.Single(next.Messages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAbandonedDialog_IsRegisteredAsIncomplete_NeverLost()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        await using var chat = host.ChatHub();
        await chat.StartAsync(Ct);
        var token = (await chat.InvokeAsync<ChatSession>("Start", "zh-CN", Ct)).Token;
        await SayAsync(chat, token, "物业乱收停车费");
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(31));
        var runner = new DialogRunner(host.Services.GetRequiredService<DialogEngine>(), host.Services.GetRequiredService<IConversationStore>(),
            host.Services.GetRequiredService<IIntake>(), host.Services.GetRequiredService<Core.Cases.ICaseFieldsWriter>(), later,
            NullLogger<DialogRunner>.Instance);

        var expired = await runner.ExpireIdleAsync(c => Core.Contacts.ContactHandle.Create(Core.Contacts.ContactHandleKind.Chat, c.Id), Ct);

        Assert.Equal(1, expired);
        using var agent = await host.ClientAsync(Roles.Agent);
        var registered = Assert.Single((await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!);
        Assert.StartsWith("[未完成]", registered.Subject, StringComparison.Ordinal);
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{registered.Number}", Ct))!;
        Assert.Contains("物业乱收停车费", detail.Messages.Single().BodyText, StringComparison.Ordinal);
        Assert.Contains("dialog incomplete", detail.Messages.Single().BodyText, StringComparison.Ordinal);
        Assert.Equal(0, await runner.ExpireIdleAsync(c => Core.Contacts.ContactHandle.Create(Core.Contacts.ContactHandleKind.Chat, c.Id), Ct));
    }

    [Fact]
    public async Task AfterAHandOff_TheAgentTypingShows_AndTheTranscriptGoesOutByEmail()
    {
        var settings = TestMailServers.HubSettings("INBOX");
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Channels:Email:Imap:", StringComparison.Ordinal)).ToList()) settings.Remove(key);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings);
        await using var chat = host.ChatHub();
        var typing = new ConcurrentQueue<string>();
        chat.On<string>("typing", who => typing.Enqueue(who));
        await chat.StartAsync(Ct);
        var token = (await chat.InvokeAsync<ChatSession>("Start", "zh-CN", Ct)).Token;
        await SayAsync(chat, token, "物业费乱收，要求解释");
        var early = await Assert.ThrowsAsync<HubException>(() => chat.InvokeAsync<string>("EmailTranscript", token, "a@example.test", Ct));
        Assert.Contains("投诉登记后才能发送对话记录", early.Message, StringComparison.Ordinal);

        var handedOff = await SayAsync(chat, token, "转人工");
        Assert.Equal(ConversationStatus.HandedOff, handedOff.Status);
        var number = Assert.IsType<string>(handedOff.CaseNumber);
        using var agent = await host.ClientAsync(Roles.Agent);
        var id = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{number}", Ct))!.Case.Id;
        await using var console = await host.AgentHubAsync();
        await console.StartAsync(Ct);
        await console.InvokeAsync("Typing", id, Ct);
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(typing.FirstOrDefault()), "the agent's typing shown");
        Assert.Equal("agent", typing.First());

        var customer = $"customer+{Guid.NewGuid():N}@example.test";
        Assert.Equal("queued", await chat.InvokeAsync<string>("EmailTranscript", token, customer, Ct));
        var transcript = Assert.Single(await TestMailServers.SentToAsync(customer, 1, TimeSpan.FromSeconds(30), Ct));
        Assert.Contains(number, transcript.Subject, StringComparison.Ordinal);
        Assert.Contains("物业费乱收，要求解释", transcript.TextBody, StringComparison.Ordinal);
        Assert.Contains("您: 转人工", transcript.TextBody, StringComparison.Ordinal);
    }
}
