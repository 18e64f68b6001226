using Dapper;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;
using OmniIntake.Channels.WebChat.Hub;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Conversations;
using OmniIntake.Core.Intake;
using OmniIntake.Data;
using OmniIntake.Data.Conversations;
using OmniIntake.Dialogs.Engine;
using OmniIntake.Dialogs.Running;
using OmniIntake.Data.Cases;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Dialogs;

/// <summary>
/// A chat turn starts from the dialog state this node keeps in memory and is written once (issue 17 item 4); another
/// node (or tab) taking a turn meanwhile leaves that memory stale, and the version check makes the turn read afresh:
/// every message is still answered once, from the state it follows.
/// </summary>
public sealed class DialogMemoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ChatTurn> SayAsync(HubConnection chat, string token, string text, string clientId) =>
        await chat.InvokeAsync<ChatTurn>("Send", token, clientId, text, Ct);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ATurnTakenOnAnotherNode_LeavesThisNodesMemoryStale_AndEachMessageIsStillAnsweredOnceFromTheStateItFollows(
        DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        await using var chat = host.ChatHub();
        await chat.StartAsync(Ct);
        var session = await chat.InvokeAsync<ChatSession>("Start", "zh-CN", Ct);
        await SayAsync(chat, session.Token, "3号楼电梯坏了三天，我叫王芳", "a1");
        // A second node: its own store and memory, the same database.
        await using var database = new Database(host.Database.Options);
        var nodeB = new DialogRunner(host.Services.GetRequiredService<DialogEngine>(), new SqlConversationStore(database, TimeProvider.System),
            host.Services.GetRequiredService<IIntake>(), host.Services.GetRequiredService<ICaseFieldsWriter>(), TimeProvider.System,
            NullLogger<DialogRunner>.Instance);

        var onB = await nodeB.HandleAsync(session.ConversationId, ContactHandle.Create(ContactHandleKind.Chat, session.ConversationId), "13800138000",
            "b1", Ct);
        var onA = await SayAsync(chat, session.Token, "昨天下午三点", "a2"); // this node still remembers the state before "b1"
        var onAAgain = await SayAsync(chat, session.Token, "昨天下午三点", "a2");

        Assert.Contains("什么时候", Assert.Single(onB.Messages).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("什么时候", Assert.Single(onA.Messages).Text, StringComparison.Ordinal); // the time is known: the next question
        Assert.Equal(onA.Messages.Select(m => m.Id), onAAgain.Messages.Select(m => m.Id));
        await SayAsync(chat, session.Token, "3号楼", "a3");
        await SayAsync(chat, session.Token, "尽快修好", "a4");
        var done = await SayAsync(chat, session.Token, "确认", "a5");

        Assert.Equal(ConversationStatus.Registered, done.Status);
        using var agent = await host.ClientAsync(Roles.Agent);
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{done.CaseNumber}", Ct))!;
        Assert.Equal(("王芳", "+8613800138000", "3号楼"), (detail.Fields.ComplainantName, detail.Fields.ContactPhone, detail.Fields.Location));
        await using var connection = await database.OpenAsync(Ct);
        var customer = (await connection.QueryAsync<(string ClientId, long Replies)>(new CommandDefinition(
            """
            SELECT m.client_id, (SELECT COUNT(*) FROM conversation_messages r WHERE r.reply_to = m.id)
            FROM conversation_messages m WHERE m.conversation_id = @id AND m.direction = 'customer' AND m.answered_at IS NOT NULL ORDER BY m.id
            """, new { id = session.ConversationId }, cancellationToken: Ct))).ToList();
        Assert.Equal(new[] { "a1", "b1", "a2", "a3", "a4", "a5" }, customer.Select(c => c.ClientId));
        Assert.All(customer, c => Assert.True(c.Replies > 0));
        Assert.Equal(6, await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM conversation_messages WHERE conversation_id = @id AND direction = 'customer'", new { id = session.ConversationId },
            cancellationToken: Ct)));
    }
}
