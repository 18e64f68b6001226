using OmniIntake.Core.Contacts;

namespace OmniIntake.Core.Conversations;

/// <summary>
/// The guided dialog as the channels see it (implemented in dialogs/): a channel starts the dialog (which creates the
/// conversation with its first state in one write), and hands it each customer message; the dialog answers, and registers the case through the intake when it
/// ends. Channels never reference the dialog engine itself.
/// </summary>
public interface IDialogService
{
    /// <summary>Creates <paramref name="conversation"/> (not stored yet) and opens its dialog, in one write (issue 12 item 2).</summary>
    Task<DialogReply> StartAsync(Conversation conversation, DialogStyle style, ContactHandle customer, IReadOnlyDictionary<string, string> known,
        string? firstText, string? firstClientId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The customer's message, answered once: the same message (client id) delivered again gets the same answer, or
    /// takes its turn now if a crash came before it was answered (issue 12 item 3).
    /// </summary>
    Task<DialogReply> HandleAsync(string conversationId, ContactHandle customer, string text, string? clientId,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts gathering the fields of a case opened before the dialog (e-mail, SMS: the message is the written
    /// complaint): one conversation per case, whose turns fill the case's fields.
    /// </summary>
    /// <returns>
    /// The opening; the same one when that case's dialog was opened before, so a channel that died before sending it sends
    /// it on the retry (issue 12 item 3; the channel's once-key keeps it from going out twice).
    /// </returns>
    Task<DialogReply?> OpenForCaseAsync(CaseDialog dialog, string firstText, string? clientId, CancellationToken cancellationToken = default);

    /// <summary>The customer's next message on a case whose fields are being gathered (answered once, like <see cref="HandleAsync"/>).</summary>
    /// <returns>Null when no dialog is running on that case (and the message is not one it answered before).</returns>
    Task<DialogReply?> ContinueForCaseAsync(Cases.Channel channel, long caseId, ContactHandle customer, string text, string? clientId,
        CancellationToken cancellationToken = default);
}

/// <summary>Which case a dialog gathers fields for, through which channel, in which language and style, knowing what.</summary>
public sealed record CaseDialog(Cases.Channel Channel, long CaseId, string CaseNumber, string Language, DialogStyle Style, ContactHandle Customer,
    IReadOnlyDictionary<string, string> Known);

/// <summary>What a customer's message produced: the messages to show (the bot's replies), and where the conversation stands.</summary>
public sealed record DialogReply(IReadOnlyList<ConversationMessage> Messages, string Status, string? CaseNumber);

/// <summary>How a channel carries the questions: one per turn (chat), one short one per turn (SMS), all at once (e-mail).</summary>
public enum DialogStyle
{
    Chat,
    Sms,
    Email,
}
