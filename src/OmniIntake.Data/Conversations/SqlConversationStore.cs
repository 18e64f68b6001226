using OmniIntake.Core.Cases;
using OmniIntake.Core.Conversations;

namespace OmniIntake.Data.Conversations;

public sealed class SqlConversationStore(Database database, TimeProvider clock) : IConversationStore
{
    private const string Columns = "id, channel, token_sha256, language, dialog_state, status, case_id, case_number, created_at, updated_at, version";

    public async Task CreateAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecAsync(
            $"""
             INSERT INTO conversations ({Columns})
             VALUES (@Id, @channel, @TokenSha256, @Language, @DialogState, @Status, @CaseId, @CaseNumber, @CreatedAt, @UpdatedAt, @Version)
             """, Parameters(conversation), null, cancellationToken);
    }

    public async Task<Conversation?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.OneOrDefaultAsync<Row>($"SELECT {Columns} FROM conversations WHERE id = @id", new { id }, null, cancellationToken))?.ToRecord();
    }

    public async Task<Conversation?> FindByTokenAsync(string tokenSha256, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.OneOrDefaultAsync<Row>($"SELECT {Columns} FROM conversations WHERE token_sha256 = @tokenSha256", new { tokenSha256 },
            null, cancellationToken))?.ToRecord();
    }

    public async Task<bool> SaveAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecAsync(
            """
            UPDATE conversations SET language = @Language, dialog_state = @DialogState, status = @Status, case_id = @CaseId,
                   case_number = @CaseNumber, updated_at = @UpdatedAt, version = version + 1
            WHERE id = @Id AND version = @Version
            """, Parameters(conversation), null, cancellationToken);
        return changed == 1;
    }

    public async Task<(ConversationMessage Message, bool IsNew)> AppendAsync(string conversationId, string direction, string text, string? clientId,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.OneOrDefaultAsync<long?>(
            """
            INSERT INTO conversation_messages (conversation_id, direction, text, client_id, created_at)
            VALUES (@conversationId, @direction, @text, @clientId, @now)
            ON CONFLICT (conversation_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
            RETURNING id
            """, new { conversationId, direction, text, clientId, now }, null, cancellationToken);
        if (id is { } newId) return (new ConversationMessage(newId, conversationId, direction, text, clientId, now), true);
        var existing = await connection.OneAsync<MessageRow>(
            "SELECT id, conversation_id, direction, text, client_id, created_at FROM conversation_messages WHERE conversation_id = @conversationId AND client_id = @clientId",
            new { conversationId, clientId }, null, cancellationToken);
        return (existing.ToRecord(), false);
    }

    public async Task<IReadOnlyList<ConversationMessage>> MessagesAsync(string conversationId, long afterId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ListAsync<MessageRow>(
            "SELECT id, conversation_id, direction, text, client_id, created_at FROM conversation_messages WHERE conversation_id = @conversationId AND id > @afterId ORDER BY id",
            new { conversationId, afterId }, null, cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<Conversation>> IdleDialogsAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ListAsync<Row>(
            $"SELECT {Columns} FROM conversations WHERE status = 'dialog' AND updated_at < @before ORDER BY updated_at LIMIT @limit",
            new { before, limit }, null, cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
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

    private sealed class MessageRow
    {
        public long Id { get; init; }
        public string ConversationId { get; init; } = "";
        public string Direction { get; init; } = "";
        public string Text { get; init; } = "";
        public string? ClientId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }

        public ConversationMessage ToRecord() => new(Id, ConversationId, Direction, Text, ClientId, CreatedAt);
    }
}
