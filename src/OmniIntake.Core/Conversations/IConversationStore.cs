using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Conversations;

/// <summary>
/// Conversations a guided dialog runs in, with what was said (issue 5). Saving is optimistic (a version), so two
/// server nodes handling one conversation never both win a turn.
/// </summary>
public interface IConversationStore
{
    /// <summary>
    /// Creates the conversation with its first dialog state, the customer's first message and the bot's first replies in
    /// ONE transaction: a crash leaves either all of it or nothing (issue 12 item 2).
    /// </summary>
    /// <returns>The stored replies; null when a conversation with that id exists already (a message delivered again).</returns>
    Task<IReadOnlyList<ConversationMessage>?> CreateAsync(Conversation conversation, DialogOpening opening, CancellationToken cancellationToken = default);

    Task<Conversation?> FindAsync(string id, CancellationToken cancellationToken = default);

    Task<Conversation?> FindByTokenAsync(string tokenSha256, CancellationToken cancellationToken = default);

    /// <summary>
    /// The conversation as this node last committed or read it (kept in memory while its dialog runs), else read (issue
    /// 17 item 4). It may be stale when another node or the expiry job wrote since: <see cref="TakeTurnAsync"/>'s version
    /// check catches that.
    /// </summary>
    Task<Conversation?> FindRecentAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The customer's message with that client id, when it was stored (a message delivered again).</summary>
    Task<ConversationMessage?> FindCustomerMessageAsync(string conversationId, string clientId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A whole turn in ONE write and no read first (issue 17 item 4): the new state (<paramref name="conversation"/>, with
    /// the version the turn started from), the customer's message stored answered, and the bot's replies to it. Inside an
    /// inbound unit it is part of the unit's commit.
    /// </summary>
    /// <returns>
    /// The stored replies; null when the conversation was saved since that version or the message was stored before (a
    /// message delivered again): nothing is written, and the caller takes the turn the stored way
    /// (<see cref="SaveAsync"/>). Inside a unit that undoing makes the unit run again.
    /// </returns>
    Task<IReadOnlyList<ConversationMessage>?> TakeTurnAsync(Conversation conversation, CustomerTurn turn, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a turn in ONE transaction: the new state, the customer messages it answered (marked answered) and the bot's
    /// replies, so a message is answered exactly once even when the process dies in between (issue 12 item 3).
    /// </summary>
    /// <returns>
    /// The stored replies; null when someone saved the conversation since it was read (<see cref="Conversation.Version"/>) or
    /// answered one of the messages meanwhile: read again and retry.
    /// </returns>
    Task<IReadOnlyList<ConversationMessage>?> SaveAsync(Conversation conversation, DialogTurnWrite turn, CancellationToken cancellationToken = default);

    /// <returns>The stored message, or the one stored before with the same client id (a message sent twice is one).</returns>
    Task<(ConversationMessage Message, bool IsNew)> AppendAsync(string conversationId, string direction, string text, string? clientId,
        CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ConversationMessage>> MessagesAsync(string conversationId, long afterId, CancellationToken cancellationToken = default);

    Task<ConversationMessage?> FindMessageAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The bot's replies to a customer message, in order (what a message delivered again is answered with).</summary>
    Task<IReadOnlyList<ConversationMessage>> RepliesToAsync(long messageId, CancellationToken cancellationToken = default);

    /// <summary>A customer message handled without a dialog turn (after the dialog it joins the case).</summary>
    Task MarkAnsweredAsync(long messageId, CancellationToken cancellationToken = default);

    /// <summary>Conversations still in a dialog and untouched since <paramref name="before"/>: abandoned (set-aside ones left out).</summary>
    Task<IReadOnlyList<Conversation>> IdleDialogsAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes a conversation out of the dialog-expiry job's work, with the reason, for supervisors to look at (issue 12
    /// item 2: one bad row never stops the job for everyone).
    /// </summary>
    Task SetAsideAsync(string id, string reason, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SetAsideConversation>> SetAsideListAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// A file the customer sent before the complaint was registered (kept in the attachment store), waiting for the
    /// registration to take it onto the case (issue 16 item 3); the same client id twice is kept once.
    /// </summary>
    Task KeepPendingFileAsync(string conversationId, string clientId, Messages.Attachment file, CancellationToken cancellationToken = default);

    /// <summary>The files waiting for the conversation's registration, in the order they were sent.</summary>
    Task<IReadOnlyList<Messages.Attachment>> PendingFilesAsync(string conversationId, CancellationToken cancellationToken = default);
}

/// <summary>What opens a conversation: the customer's first message (if any, with its client id) and the bot's replies to it.</summary>
public sealed record DialogOpening(string? CustomerText, string? ClientId, IReadOnlyList<string> Replies);

/// <summary>What a turn writes besides the state: the customer messages it answered, the one its replies answer, the replies.</summary>
public sealed record DialogTurnWrite(IReadOnlyList<long> Answered, long? ReplyTo, IReadOnlyList<string> Replies);

/// <summary>What a turn taken in one write stores besides the state: the customer's message (its client id) and the bot's replies.</summary>
public sealed record CustomerTurn(string Text, string ClientId, IReadOnlyList<string> Replies);

public sealed record SetAsideConversation(string Id, Channel Channel, long? CaseId, string? CaseNumber, string Reason, DateTimeOffset SetAsideAt);

public sealed record Conversation(string Id, Channel Channel, string? TokenSha256, string Language, string? DialogState, string Status,
    long? CaseId, string? CaseNumber, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

/// <param name="AnsweredAt">A customer message: when the turn that answered it was saved (null: not yet).</param>
/// <param name="ReplyTo">A bot message: the customer message it answers.</param>
public sealed record ConversationMessage(long Id, string ConversationId, string Direction, string Text, string? ClientId, DateTimeOffset CreatedAt,
    DateTimeOffset? AnsweredAt = null, long? ReplyTo = null);

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
