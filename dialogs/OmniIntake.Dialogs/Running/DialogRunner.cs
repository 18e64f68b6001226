using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Conversations;
using OmniIntake.Core.Intake;
using OmniIntake.Dialogs.Engine;

namespace OmniIntake.Dialogs.Running;

/// <summary>
/// Runs the engine over a stored conversation, for any channel: each customer message is stored once (its client id),
/// the dialog takes its turn, the new state is saved with an optimistic version (another node's concurrent turn makes
/// this one read again), and the case is registered through the intake spine when the dialog ends: confirmed,
/// handed off, or abandoned. After the dialog, the customer's messages go to the case like any other.
/// </summary>
public sealed class DialogRunner(DialogEngine engine, IConversationStore store, IIntake intake, ICaseFieldsWriter fieldsWriter, TimeProvider clock,
    ILogger<DialogRunner> logger) : IDialogService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public DialogEngine Engine => engine;

    /// <summary>Opens the dialog of a new conversation (already created) and stores its first bot message(s).</summary>
    public async Task<DialogReply> StartAsync(Conversation conversation, DialogStyle style, ContactHandle customer,
        IReadOnlyDictionary<string, string> known, string? firstText, string? firstClientId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (firstText is not null) await store.AppendAsync(conversation.Id, MessageDirections.Customer, firstText, firstClientId, cancellationToken);
        var turn = engine.Start(conversation.Language, style, known, now, firstText);
        return await FinishTurnAsync(conversation, turn, customer, cancellationToken)
               ?? throw new InvalidOperationException($"Conversation {conversation.Id} changed while it was being started.");
    }

    public async Task<DialogReply> HandleAsync(string conversationId, ContactHandle customer, string text, string? clientId,
        CancellationToken cancellationToken = default)
    {
        var (stored, isNew) = await store.AppendAsync(conversationId, MessageDirections.Customer, text, clientId, cancellationToken);
        if (!isNew)
        {
            // Sent again after a reconnect: it was handled; what followed it is the answer.
            var conversation = await store.FindAsync(conversationId, cancellationToken);
            var after = await store.MessagesAsync(conversationId, stored.Id, cancellationToken);
            return new DialogReply(after, conversation?.Status ?? "", conversation?.CaseNumber);
        }
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var conversation = await store.FindAsync(conversationId, cancellationToken)
                               ?? throw new InvalidOperationException($"Conversation {conversationId} does not exist.");
            if (conversation.Status != ConversationStatus.Dialog)
            {
                await ToCaseAsync(conversation, customer, stored, cancellationToken);
                return new DialogReply([], conversation.Status, conversation.CaseNumber);
            }
            var state = JsonSerializer.Deserialize<DialogState>(conversation.DialogState!, Json)!;
            var turn = engine.Handle(state, text, clock.GetUtcNow());
            if (await FinishTurnAsync(conversation, turn, customer, cancellationToken) is { } reply) return reply;
        }
        throw new InvalidOperationException($"Conversation {conversationId} kept changing under this turn.");
    }

    public async Task<DialogReply?> OpenForCaseAsync(CaseDialog dialog, string firstText, string? clientId, CancellationToken cancellationToken = default)
    {
        var id = CaseConversationId(dialog.Channel, dialog.CaseId);
        if (await store.FindAsync(id, cancellationToken) is not null) return null;
        var now = clock.GetUtcNow();
        var conversation = new Conversation(id, dialog.Channel, null, dialog.Language, null, ConversationStatus.Dialog, dialog.CaseId, dialog.CaseNumber,
            now, now, 0);
        await store.CreateAsync(conversation, cancellationToken);
        return await StartAsync(conversation, dialog.Style, dialog.Customer, dialog.Known, firstText, clientId, cancellationToken);
    }

    public async Task<DialogReply?> ContinueForCaseAsync(Channel channel, long caseId, ContactHandle customer, string text, string? clientId,
        CancellationToken cancellationToken = default)
    {
        var conversation = await store.FindAsync(CaseConversationId(channel, caseId), cancellationToken);
        if (conversation is null || conversation.Status != ConversationStatus.Dialog) return null;
        return await HandleAsync(conversation.Id, customer, text, clientId, cancellationToken);
    }

    private static string CaseConversationId(Channel channel, long caseId) =>
        $"{channel.ToName()}-case-{caseId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Dialogs untouched for the definition's time-out: registered as they stand (incomplete), never lost.</summary>
    public async Task<int> ExpireIdleAsync(Func<Conversation, ContactHandle> customerOf, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var idle = await store.IdleDialogsAsync(now - TimeSpan.FromMinutes(engine.Definition.TimeoutMinutes), 100, cancellationToken);
        var expired = 0;
        foreach (var conversation in idle)
        {
            var state = JsonSerializer.Deserialize<DialogState>(conversation.DialogState!, Json)!;
            var turn = engine.Expire(state, now);
            if (await FinishTurnAsync(conversation, turn, customerOf(conversation), cancellationToken) is not null) expired++;
        }
        return expired;
    }

    /// <returns>Null when the conversation was saved by someone else meanwhile (the caller reads again).</returns>
    private async Task<DialogReply?> FinishTurnAsync(Conversation conversation, DialogTurn turn, ContactHandle customer, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var status = state.Phase switch
        {
            DialogPhase.Registered => ConversationStatus.Registered,
            DialogPhase.HandedOff => ConversationStatus.HandedOff,
            DialogPhase.Cancelled => ConversationStatus.Cancelled,
            DialogPhase.Expired => ConversationStatus.Expired,
            _ => ConversationStatus.Dialog,
        };
        long? caseId = conversation.CaseId;
        var caseNumber = conversation.CaseNumber;
        if (caseId is { } open)
        {
            // The case was opened before the dialog (e-mail): each turn writes what it learned onto it.
            await fieldsWriter.FillAsync(open, Fields(state), "dialog", cancellationToken);
        }
        else if (turn.Action is DialogAction.Register or DialogAction.HandOff && HasComplaint(state))
        {
            // Registered before the state is saved: if the save loses a race, the retry finds the same case
            // (the registration's external id is the conversation's), never a second one.
            var result = await intake.AcceptAsync(Registration(conversation, state, customer), cancellationToken);
            (caseId, caseNumber) = (result.CaseId, result.CaseNumber);
            logger.LogInformation("Dialog {Conversation} registered case {CaseNumber} ({Outcome}, incomplete: {Incomplete}).", conversation.Id,
                caseNumber, result.Outcome, state.Incomplete);
        }
        var saved = await store.SaveAsync(conversation with
        {
            DialogState = JsonSerializer.Serialize(state, Json), Status = status, CaseId = caseId, CaseNumber = caseNumber, UpdatedAt = clock.GetUtcNow(),
        }, cancellationToken);
        if (!saved) return null;
        var messages = new List<ConversationMessage>();
        foreach (var text in turn.Replies)
        {
            var (message, _) = await store.AppendAsync(conversation.Id, MessageDirections.Bot, text.Replace("{number}", caseNumber ?? "", StringComparison.Ordinal),
                null, cancellationToken);
            messages.Add(message);
        }
        return new DialogReply(messages, status, caseNumber);
    }

    private bool HasComplaint(DialogState state) =>
        engine.Definition.Fields.Where(f => f.Target == "text").Any(f => state.Values.ContainsKey(f.Name));

    private InboundMessage Registration(Conversation conversation, DialogState state, ContactHandle customer)
    {
        string? Value(string target) =>
            engine.Definition.Fields.Where(f => f.Target == target).Select(f => state.Values.GetValueOrDefault(f.Name)).FirstOrDefault(v => v is not null);
        var text = Value("text") ?? "";
        var missing = engine.Missing(state).Select(f => f.Label.In(state.Language)).Concat(state.Skipped.Select(n => engine.Definition.Field(n)!.Label.In(state.Language)));
        var incompleteNote = state.Incomplete ? $"\n\n[对话未完成 dialog incomplete; missing: {string.Join(", ", missing.Distinct())}]" : "";
        return new InboundMessage
        {
            Channel = conversation.Channel,
            ExternalId = "dialog:" + conversation.Id,
            Sender = customer,
            SenderName = Value("complainantName"),
            Subject = (state.Incomplete ? "[未完成] " : "") + (text.Length > 60 ? text[..60] + "…" : text),
            Text = text + incompleteNote,
            ReceivedAt = state.StartedAt,
            Thread = new ThreadHints { SessionKey = conversation.Id },
            Fields = Fields(state),
        };
    }

    private CaseFields Fields(DialogState state)
    {
        string? Value(string target) =>
            engine.Definition.Fields.Where(f => f.Target == target).Select(f => state.Values.GetValueOrDefault(f.Name)).FirstOrDefault(v => v is not null);
        return new CaseFields
        {
            ComplainantName = Value("complainantName"), ContactPhone = Value("contactPhone"), ContactEmail = Value("contactEmail"),
            OccurredAt = Value("occurredAt"), Location = Value("location"), CustomerRequest = Value("customerRequest"), Category = Value("category"),
        };
    }

    /// <summary>After the dialog: the customer's message joins the case (the session key threads it).</summary>
    private async Task ToCaseAsync(Conversation conversation, ContactHandle customer, ConversationMessage message, CancellationToken cancellationToken)
    {
        if (conversation.CaseId is null) return; // cancelled before anything was said: nothing to join
        await intake.AcceptAsync(new InboundMessage
        {
            Channel = conversation.Channel,
            ExternalId = $"{conversation.Id}:{message.Id}",
            Sender = customer,
            Text = message.Text,
            ReceivedAt = message.CreatedAt,
            Thread = new ThreadHints { SessionKey = conversation.Id },
        }, cancellationToken);
    }
}
