using Dapper;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Conversations;
using OmniIntake.Data.Conversations;
using OmniIntake.Data.Units;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Conversations;

/// <summary>
/// A chat turn written once from the state kept in memory (issue 17 item 4): the version it started from guards it
/// against another node, a tab or the expiry job, a message delivered again writes nothing, and the memory follows
/// only what committed.
/// </summary>
public sealed class ConversationTurnTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Conversation NewConversation(DataHarness data, string id)
    {
        var now = data.Clock.GetUtcNow();
        return new Conversation(id, Channel.Chat, null, "zh-CN", "{\"phase\":\"Collecting\"}", ConversationStatus.Dialog, null, null, now, now, 0);
    }

    private static async Task<long> CountAsync(DataHarness data, string sql, object parameters)
    {
        await using var connection = await data.Database.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: Ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ATurn_IsWrittenOnce_AndTheNextTurnStartsFromItInMemory(DatabaseProvider provider)
    {
        await using var data = await DataHarness.CreateAsync(provider);
        var store = new SqlConversationStore(data.Database, data.Clock);
        var opened = NewConversation(data, "chat-turn");
        await store.CreateAsync(opened, new DialogOpening(null, null, ["请描述您的问题"]), Ct);
        var known = Assert.IsType<Conversation>(await store.FindRecentAsync(opened.Id, Ct));

        var replies = await store.TakeTurnAsync(known with { DialogState = "{\"phase\":\"Confirming\"}" },
            new CustomerTurn("电梯坏了", "c1", ["怎么称呼您？", "您的电话？"]), Ct);

        Assert.NotNull(replies);
        Assert.Equal(new[] { "怎么称呼您？", "您的电话？" }, replies.Select(r => r.Text));
        var messages = await store.MessagesAsync(opened.Id, 0, Ct);
        var customer = Assert.Single(messages, m => m.Direction == MessageDirections.Customer);
        Assert.Equal(("电梯坏了", "c1"), (customer.Text, customer.ClientId));
        Assert.NotNull(customer.AnsweredAt);
        Assert.All(replies, r => Assert.Equal(customer.Id, r.ReplyTo));
        Assert.Equal(replies.Select(r => r.Id), (await store.RepliesToAsync(customer.Id, Ct)).Select(r => r.Id));
        var stored = await store.FindAsync(opened.Id, Ct);
        Assert.Equal((1, "{\"phase\":\"Confirming\"}"), (stored!.Version, stored.DialogState));
        Assert.Equal(stored, await store.FindRecentAsync(opened.Id, Ct)); // the memory has what committed
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ATurnFromAStaleMemory_OrAMessageStoredBefore_WritesNothing_AndTheMemoryReadsAfresh(DatabaseProvider provider)
    {
        await using var data = await DataHarness.CreateAsync(provider);
        // Two nodes: each its own memory, one database.
        var nodeA = new SqlConversationStore(data.Database, data.Clock);
        var nodeB = new SqlConversationStore(data.Database, data.Clock);
        var opened = NewConversation(data, "chat-two-nodes");
        await nodeA.CreateAsync(opened, new DialogOpening(null, null, ["请描述您的问题"]), Ct);
        var seenByB = Assert.IsType<Conversation>(await nodeB.FindRecentAsync(opened.Id, Ct));
        Assert.NotNull(await nodeA.TakeTurnAsync(opened with { DialogState = "{\"a\":1}" }, new CustomerTurn("一", "c1", ["二"]), Ct));

        var stale = await nodeB.TakeTurnAsync(seenByB with { DialogState = "{\"b\":1}" }, new CustomerTurn("三", "c2", ["四"]), Ct);
        var again = await nodeA.TakeTurnAsync((await nodeA.FindRecentAsync(opened.Id, Ct))!, new CustomerTurn("一", "c1", ["二"]), Ct);

        Assert.Null(stale);
        Assert.Null(again);
        Assert.Equal(3, (await nodeA.MessagesAsync(opened.Id, 0, Ct)).Count); // the opening, "一" and its answer
        Assert.Equal(0, await CountAsync(data, "SELECT COUNT(*) FROM conversation_messages WHERE client_id = 'c2'", new { }));
        var stored = await nodeA.FindAsync(opened.Id, Ct);
        Assert.Equal((1, "{\"a\":1}"), (stored!.Version, stored.DialogState));
        // The losers dropped what they remembered: the next turn starts from the stored conversation.
        Assert.Equal(stored, await nodeB.FindRecentAsync(opened.Id, Ct));
        Assert.Equal(stored, await nodeA.FindRecentAsync(opened.Id, Ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task InsideAUnit_TheTurnCommitsWithTheUnit_TheMemoryFollowsTheCommit_AndALostTurnUndoesTheUnit(DatabaseProvider provider)
    {
        await using var data = await DataHarness.CreateAsync(provider);
        var store = new SqlConversationStore(data.Database, data.Clock);
        var units = new DirectInboundUnits(data.Database);
        var opened = NewConversation(data, "chat-unit");
        await store.CreateAsync(opened, new DialogOpening(null, null, ["请描述您的问题"]), Ct);

        var versionSeenInside = await units.RunAsync(async ct =>
        {
            await store.AppendAsync(opened.Id, MessageDirections.Agent, "同一单元的另一条", "agent-1", ct);
            Assert.NotNull(await store.TakeTurnAsync(opened with { DialogState = "{\"a\":1}" }, new CustomerTurn("一", "c1", ["二"]), ct));
            return (await store.FindRecentAsync(opened.Id, ct))!.Version;
        }, Ct);

        Assert.Equal(0, versionSeenInside); // not remembered before the unit committed
        Assert.Equal(1, (await store.FindRecentAsync(opened.Id, Ct))!.Version);
        Assert.Equal(4, (await store.MessagesAsync(opened.Id, 0, Ct)).Count);

        // A stale turn inside a unit undoes the whole unit (its other writes too) and the unit runs again.
        var runs = 0;
        await Assert.ThrowsAsync<UnitConflictException>(() => units.RunAsync(async ct =>
        {
            runs++;
            await store.AppendAsync(opened.Id, MessageDirections.Agent, "不该留下", "agent-2", ct);
            return await store.TakeTurnAsync(opened with { DialogState = "{\"stale\":1}" }, new CustomerTurn("三", "c3", ["四"]), ct);
        }, Ct));

        Assert.True(runs > 1);
        Assert.Equal(0, await CountAsync(data, "SELECT COUNT(*) FROM conversation_messages WHERE client_id IN ('agent-2', 'c3')", new { }));
        Assert.Equal(1, (await store.FindAsync(opened.Id, Ct))!.Version);
    }
}
