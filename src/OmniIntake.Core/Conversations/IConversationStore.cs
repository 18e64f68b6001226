using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Conversations;

/// <summary>
/// Conversations a guided dialog runs in, with what was said (issue 5). Saving is optimistic (a version), so two
/// server nodes handling one conversation never both win a turn.
/// </summary>
public interface IConversationStore
{
    Task CreateAsync(Conversation conversation, CancellationToken cancellationToken = default);

    Task<Conversation?> FindAsync(string id, CancellationToken cancellationToken = default);

    Task<Conversation?> FindByTokenAsync(string tokenSha256, CancellationToken cancellationToken = default);

    /// <returns>False when someone saved it since it was read (<see cref="Conversation.Version"/>): read again and retry.</returns>
    Task<bool> SaveAsync(Conversation conversation, CancellationToken cancellationToken = default);

    /// <returns>The stored message, or the one stored before with the same client id (a message sent twice is one).</returns>
    Task<(ConversationMessage Message, bool IsNew)> AppendAsync(string conversationId, string direction, string text, string? clientId,
        CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ConversationMessage>> MessagesAsync(string conversationId, long afterId, CancellationToken cancellationToken = default);

    /// <summary>Conversations still in a dialog and untouched since <paramref name="before"/>: abandoned.</summary>
    Task<IReadOnlyList<Conversation>> IdleDialogsAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken = default);
}

public sealed record Conversation(string Id, Channel Channel, string? TokenSha256, string Language, string? DialogState, string Status,
    long? CaseId, string? CaseNumber, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

public sealed record ConversationMessage(long Id, string ConversationId, string Direction, string Text, string? ClientId, DateTimeOffset CreatedAt);

public static class ConversationStatus
{
    public const string Dialog = "dialog";
    public const string HandedOff = "handed-off";
    public const string Registered = "registered";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";
}

public static class MessageDirections
{
    public const string Customer = "customer";
    public const string Bot = "bot";
    public const string Agent = "agent";
}
