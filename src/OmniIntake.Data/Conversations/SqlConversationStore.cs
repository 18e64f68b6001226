using System.Globalization;
using System.Text;
using Dapper;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Conversations;
using OmniIntake.Data.Conversations.Memory;

namespace OmniIntake.Data.Conversations;

/// <param name="memory">The dialogs in progress kept in memory (issue 17 item 4); a private one when not given.</param>
public sealed class SqlConversationStore(Database database, TimeProvider clock, ConversationMemory? memory = null) : IConversationStore
{
    private readonly ConversationMemory _memory = memory ?? new ConversationMemory(clock);

    private const string Columns = "id, channel, token_sha256, language, dialog_state, status, case_id, case_number, created_at, updated_at, version";
    private const string MessageColumns = "id, conversation_id, direction, text, client_id, created_at, answered_at, reply_to";

    public async Task<IReadOnlyList<ConversationMessage>?> CreateAsync(Conversation conversation, DialogOpening opening,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        // One transaction (issue 12 item 2): a crash never leaves a conversation without its state or its first answer;
        // inside an inbound unit it is the unit's (issue 17 item 1).
        await using var write = await database.WriteAsync(cancellationToken);
        var (connection, transaction) = (write.Connection, write.Transaction);
        var created = await connection.ExecAsync(
            $"""
             INSERT INTO conversations ({Columns})
             VALUES (@Id, @channel, @TokenSha256, @Language, @DialogState, @Status, @CaseId, @CaseNumber, @CreatedAt, @UpdatedAt, @Version)
             ON CONFLICT (id) DO NOTHING
             """, Parameters(conversation), transaction, cancellationToken);
        // Nothing was written before the conflict: no rollback needed, and inside a unit the unit's other writes stand.
        if (created == 0) return null;
        long? replyTo = null;
        if (opening.CustomerText is { } text)
            replyTo = await connection.OneAsync<long>(
                """
                INSERT INTO conversation_messages (conversation_id, direction, text, client_id, created_at, answered_at)
                VALUES (@Id, 'customer', @text, @ClientId, @now, @now) RETURNING id
                """, new { conversation.Id, text, opening.ClientId, now }, transaction, cancellationToken);
        var replies = await InsertRepliesAsync(connection, transaction, conversation.Id, replyTo, opening.Replies, now, cancellationToken);
        write.AfterCommit(() => _memory.Remember(conversation));
        await write.CommitAsync(cancellationToken);
        return replies;
    }

    public async Task<Conversation?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var read = await database.ReadAsync(cancellationToken);
        var connection = read.Connection;
        return (await connection.OneOrDefaultAsync<Row>($"SELECT {Columns} FROM conversations WHERE id = @id", new { id }, read.Transaction,
            cancellationToken))?.ToRecord();
    }

    public async Task<Conversation?> FindByTokenAsync(string tokenSha256, CancellationToken cancellationToken = default)
    {
        await using var read = await database.ReadAsync(cancellationToken);
        var connection = read.Connection;
        return (await connection.OneOrDefaultAsync<Row>($"SELECT {Columns} FROM conversations WHERE token_sha256 = @tokenSha256", new { tokenSha256 },
            read.Transaction, cancellationToken))?.ToRecord();
    }

    public async Task<IReadOnlyList<ConversationMessage>?> SaveAsync(Conversation conversation, DialogTurnWrite turn,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var write = await database.WriteAsync(cancellationToken);
        var (connection, transaction) = (write.Connection, write.Transaction);
        var changed = await connection.ExecAsync(
            """
            UPDATE conversations SET language = @Language, dialog_state = @DialogState, status = @Status, case_id = @CaseId,
                   case_number = @CaseNumber, updated_at = @UpdatedAt, version = version + 1
            WHERE id = @Id AND version = @Version
            """, Parameters(conversation), transaction, cancellationToken);
        // The turn answers its messages once (issue 12 item 3): one answered meanwhile (the same message delivered twice at
        // once) makes this turn the loser, whatever the version says.
        foreach (var id in turn.Answered)
        {
            if (changed != 1) break;
            changed = await connection.ExecAsync(
                "UPDATE conversation_messages SET answered_at = @now WHERE id = @id AND conversation_id = @conversationId AND answered_at IS NULL",
                new { now, id, conversationId = conversation.Id }, transaction, cancellationToken);
        }
        if (changed != 1)
        {
            // The state or an earlier answer may already be written: undo it. Inside a unit this throws
            // UnitConflictException and the unit is run again alone, where this turn then sees the winner (issue 17 item 2).
            _memory.Forget(conversation.Id);
            await write.RollbackAsync(cancellationToken);
            return null;
        }
        var replies = await InsertRepliesAsync(connection, transaction, conversation.Id, turn.ReplyTo, turn.Replies, now, cancellationToken);
        write.AfterCommit(() => _memory.Remember(conversation with { Version = conversation.Version + 1 }));
        await write.CommitAsync(cancellationToken);
        return replies;
    }

    public async Task<Conversation?> FindRecentAsync(string id, CancellationToken cancellationToken = default)
    {
        if (_memory.Find(id) is { } known) return known;
        await using var read = await database.ReadAsync(cancellationToken);
        var found = (await read.Connection.OneOrDefaultAsync<Row>($"SELECT {Columns} FROM conversations WHERE id = @id", new { id }, read.Transaction,
            cancellationToken))?.ToRecord();
        // A read inside a unit may see the unit's own writes, which may still roll back: only a committed read is kept.
        if (found is not null && read.Transaction is null) _memory.Remember(found);
        return found;
    }

    public async Task<ConversationMessage?> FindCustomerMessageAsync(string conversationId, string clientId, CancellationToken cancellationToken = default)
    {
        await using var read = await database.ReadAsync(cancellationToken);
        return (await read.Connection.OneOrDefaultAsync<MessageRow>(
            $"SELECT {MessageColumns} FROM conversation_messages WHERE conversation_id = @conversationId AND client_id = @clientId",
            new { conversationId, clientId }, read.Transaction, cancellationToken))?.ToRecord();
    }

    public async Task<IReadOnlyList<ConversationMessage>?> TakeTurnAsync(Conversation conversation, CustomerTurn turn,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var (sql, parameters) = TurnBatch(conversation, turn, now);
        await using var write = await database.WriteAsync(cancellationToken);
        bool saved;
        long? customerId;
        List<long> replyIds;
        await using (var results = await write.Connection.QueryMultipleAsync(new CommandDefinition(sql, parameters, write.Transaction,
                         cancellationToken: cancellationToken)))
        {
            saved = (await results.ReadAsync<int>()).Any();
            customerId = (await results.ReadAsync<long>()).Select(id => (long?)id).FirstOrDefault();
            // One statement's ids come from the sequence (the rowid) in row order: ascending ids are the replies in order.
            replyIds = turn.Replies.Count > 0 ? (await results.ReadAsync<long>()).Order().ToList() : [];
        }
        if (!saved || customerId is null)
        {
            // Lost the version (the memory was stale: another node or tab, the expiry job) or the message was stored before
            // (delivered again): undo the batch; inside a unit this throws UnitConflictException and the unit runs again.
            _memory.Forget(conversation.Id);
            await write.RollbackAsync(cancellationToken);
            return null;
        }
        write.AfterCommit(() => _memory.Remember(conversation with { Version = conversation.Version + 1 }));
        await write.CommitAsync(cancellationToken);
        return replyIds.Select((id, i) => new ConversationMessage(id, conversation.Id, MessageDirections.Bot, turn.Replies[i], null, now, null, customerId))
            .ToList();
    }

    /// <summary>
    /// A turn's statements as one batch, one round trip (issue 17 item 4): the state guarded by its version, the customer's
    /// message stored answered, and the replies pointing at it (found by its client id, so its id needs no round trip).
    /// </summary>
    private static (string Sql, DynamicParameters Parameters) TurnBatch(Conversation conversation, CustomerTurn turn, DateTimeOffset now)
    {
        var sql = new StringBuilder(
            """
            UPDATE conversations SET language = @Language, dialog_state = @DialogState, status = @Status, case_id = @CaseId,
                   case_number = @CaseNumber, updated_at = @UpdatedAt, version = version + 1
            WHERE id = @Id AND version = @Version
            RETURNING version;
            INSERT INTO conversation_messages (conversation_id, direction, text, client_id, created_at, answered_at)
            VALUES (@Id, 'customer', @text, @clientId, @now, @now)
            ON CONFLICT (conversation_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
            RETURNING id;

            """);
        var parameters = new DynamicParameters(Parameters(conversation));
        parameters.AddDynamicParams(new { text = turn.Text, clientId = turn.ClientId, now });
        if (turn.Replies.Count == 0) return (sql.ToString(), parameters);
        sql.Append("INSERT INTO conversation_messages (conversation_id, direction, text, client_id, created_at, reply_to) VALUES");
        for (var i = 0; i < turn.Replies.Count; i++)
        {
            var name = "reply" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "\n" : ",\n").Append(CultureInfo.InvariantCulture,
                $"(@Id, 'bot', @{name}, NULL, @now, (SELECT id FROM conversation_messages WHERE conversation_id = @Id AND client_id = @clientId))");
            parameters.Add(name, turn.Replies[i]);
        }
        sql.Append("\nRETURNING id;");
        return (sql.ToString(), parameters);
    }

    private static async Task<IReadOnlyList<ConversationMessage>> InsertRepliesAsync(System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction transaction, string conversationId, long? replyTo, IReadOnlyList<string> texts, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var stored = new List<ConversationMessage>();
        foreach (var text in texts)
        {
            var id = await connection.OneAsync<long>(
                """
                INSERT INTO conversation_messages (conversation_id, direction, text, client_id, created_at, reply_to)
                VALUES (@conversationId, 'bot', @text, NULL, @now, @replyTo) RETURNING id
                """, new { conversationId, text, now, replyTo }, transaction, cancellationToken);
            stored.Add(new ConversationMessage(id, conversationId, MessageDirections.Bot, text, null, now, null, replyTo));
        }
        return stored;
    }

    public async Task<(ConversationMessage Message, bool IsNew)> AppendAsync(string conversationId, string direction, string text, string? clientId,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var write = await database.WriteAsync(cancellationToken);
        var connection = write.Connection;
        var id = await connection.OneOrDefaultAsync<long?>(
            """
            INSERT INTO conversation_messages (conversation_id, direction, text, client_id, created_at)
            VALUES (@conversationId, @direction, @text, @clientId, @now)
            ON CONFLICT (conversation_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
            RETURNING id
            """, new { conversationId, direction, text, clientId, now }, write.Transaction, cancellationToken);
        if (id is { } newId)
        {
            await write.CommitAsync(cancellationToken);
            return (new ConversationMessage(newId, conversationId, direction, text, clientId, now), true);
        }
        var existing = await connection.OneAsync<MessageRow>(
            $"SELECT {MessageColumns} FROM conversation_messages WHERE conversation_id = @conversationId AND client_id = @clientId",
            new { conversationId, clientId }, write.Transaction, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return (existing.ToRecord(), false);
    }

    public async Task<IReadOnlyList<ConversationMessage>> MessagesAsync(string conversationId, long afterId, CancellationToken cancellationToken = default)
    {
        await using var read = await database.ReadAsync(cancellationToken);
        var connection = read.Connection;
        var rows = await connection.ListAsync<MessageRow>(
            $"SELECT {MessageColumns} FROM conversation_messages WHERE conversation_id = @conversationId AND id > @afterId ORDER BY id",
            new { conversationId, afterId }, read.Transaction, cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<ConversationMessage?> FindMessageAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var read = await database.ReadAsync(cancellationToken);
        var connection = read.Connection;
        return (await connection.OneOrDefaultAsync<MessageRow>($"SELECT {MessageColumns} FROM conversation_messages WHERE id = @id", new { id },
            read.Transaction, cancellationToken))?.ToRecord();
    }

    public async Task<IReadOnlyList<ConversationMessage>> RepliesToAsync(long messageId, CancellationToken cancellationToken = default)
    {
        await using var read = await database.ReadAsync(cancellationToken);
        var connection = read.Connection;
        var rows = await connection.ListAsync<MessageRow>(
            $"SELECT {MessageColumns} FROM conversation_messages WHERE reply_to = @messageId ORDER BY id", new { messageId }, read.Transaction,
            cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task MarkAnsweredAsync(long messageId, CancellationToken cancellationToken = default)
    {
        await using var write = await database.WriteAsync(cancellationToken);
        var connection = write.Connection;
        await connection.ExecAsync("UPDATE conversation_messages SET answered_at = @now WHERE id = @messageId AND answered_at IS NULL",
            new { now = clock.GetUtcNow(), messageId }, write.Transaction, cancellationToken);
        await write.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Conversation>> IdleDialogsAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken = default)
    {
        await using var read = await database.ReadAsync(cancellationToken);
        var connection = read.Connection;
        var rows = await connection.ListAsync<Row>(
            $"""
             SELECT {Columns} FROM conversations WHERE status = 'dialog' AND updated_at < @before AND set_aside_at IS NULL
             ORDER BY updated_at LIMIT @limit
             """, new { before, limit }, read.Transaction, cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task SetAsideAsync(string id, string reason, CancellationToken cancellationToken = default)
    {
        await using var write = await database.WriteAsync(cancellationToken);
        var connection = write.Connection;
        await connection.ExecAsync("UPDATE conversations SET set_aside_reason = @reason, set_aside_at = @now WHERE id = @id",
            new { id, reason, now = clock.GetUtcNow() }, write.Transaction, cancellationToken);
        await write.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SetAsideConversation>> SetAsideListAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var read = await database.ReadAsync(cancellationToken);
        var connection = read.Connection;
        var rows = await connection.ListAsync<SetAsideRow>(
            """
            SELECT id, channel, case_id, case_number, set_aside_reason, set_aside_at FROM conversations
            WHERE set_aside_at IS NOT NULL ORDER BY set_aside_at DESC LIMIT @limit
            """, new { limit }, read.Transaction, cancellationToken);
        return rows.Select(r => new SetAsideConversation(r.Id, ChannelNames.Parse(r.Channel), r.CaseId, r.CaseNumber, r.SetAsideReason, r.SetAsideAt))
            .ToList();
    }

    private static object Parameters(Conversation c) => new
    {
        c.Id, channel = c.Channel.ToName(), c.TokenSha256, c.Language, c.DialogState, c.Status, c.CaseId, c.CaseNumber, c.CreatedAt, c.UpdatedAt,
        c.Version,
    };

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Channel { get; init; } = "";
        public string? TokenSha256 { get; init; }
        public string Language { get; init; } = "";
        public string? DialogState { get; init; }
        public string Status { get; init; } = "";
        public long? CaseId { get; init; }
        public string? CaseNumber { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public int Version { get; init; }

        public Conversation ToRecord() => new(Id, ChannelNames.Parse(Channel), TokenSha256, Language, DialogState, Status, CaseId, CaseNumber, CreatedAt,
            UpdatedAt, Version);
    }

    public async Task KeepPendingFileAsync(string conversationId, string clientId, Core.Messages.Attachment file, CancellationToken cancellationToken = default)
    {
        await using var write = await database.WriteAsync(cancellationToken);
        var connection = write.Connection;
        await connection.ExecAsync(
            """
            INSERT INTO chat_pending_files (conversation_id, client_id, file_name, content_type, size, storage_key, created_at)
            VALUES (@conversationId, @clientId, @FileName, @ContentType, @Size, @StorageKey, @now)
            ON CONFLICT (conversation_id, client_id) DO NOTHING
            """, new { conversationId, clientId, file.FileName, file.ContentType, file.Size, file.StorageKey, now = clock.GetUtcNow() }, write.Transaction,
            cancellationToken);
        await write.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Core.Messages.Attachment>> PendingFilesAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var read = await database.ReadAsync(cancellationToken);
        var connection = read.Connection;
        var rows = await connection.ListAsync<PendingFileRow>(
            "SELECT file_name, content_type, size, storage_key FROM chat_pending_files WHERE conversation_id = @conversationId ORDER BY id",
            new { conversationId }, read.Transaction, cancellationToken);
        return rows.Select(r => new Core.Messages.Attachment(r.FileName, r.ContentType, r.Size, r.StorageKey)).ToList();
    }

    private sealed class PendingFileRow
    {
        public string FileName { get; init; } = "";
        public string ContentType { get; init; } = "";
        public long Size { get; init; }
        public string StorageKey { get; init; } = "";
    }

    private sealed class SetAsideRow
    {
        public string Id { get; init; } = "";
        public string Channel { get; init; } = "";
        public long? CaseId { get; init; }
        public string? CaseNumber { get; init; }
        public string SetAsideReason { get; init; } = "";
        public DateTimeOffset SetAsideAt { get; init; }
    }

    private sealed class MessageRow
    {
        public long Id { get; init; }
        public string ConversationId { get; init; } = "";
        public string Direction { get; init; } = "";
        public string Text { get; init; } = "";
        public string? ClientId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? AnsweredAt { get; init; }
        public long? ReplyTo { get; init; }

        public ConversationMessage ToRecord() => new(Id, ConversationId, Direction, Text, ClientId, CreatedAt, AnsweredAt, ReplyTo);
    }
}
