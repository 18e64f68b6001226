using OmniIntake.Core.Contacts;

namespace OmniIntake.Core.Conversations;

/// <summary>
/// The guided dialog as the channels see it (implemented in dialogs/): a channel creates the conversation, starts the
/// dialog, and hands it each customer message; the dialog answers, and registers the case through the intake when it
/// ends. Channels never reference the dialog engine itself.
/// </summary>
public interface IDialogService
{
    Task<DialogReply> StartAsync(Conversation conversation, DialogStyle style, ContactHandle customer, IReadOnlyDictionary<string, string> known,
        string? firstText, string? firstClientId, CancellationToken cancellationToken = default);

    Task<DialogReply> HandleAsync(string conversationId, ContactHandle customer, string text, string? clientId,
        CancellationToken cancellationToken = default);
}

/// <summary>What a customer's message produced: the messages to show (the bot's replies), and where the conversation stands.</summary>
public sealed record DialogReply(IReadOnlyList<ConversationMessage> Messages, string Status, string? CaseNumber);

/// <summary>How a channel carries the questions: one per turn (chat), one short one per turn (SMS), all at once (e-mail).</summary>
public enum DialogStyle
{
    Chat,
    Sms,
    Email,
}
