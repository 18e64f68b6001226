using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Conversations;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Promises;
using OmniIntake.Core.Text;
using OmniIntake.Dialogs.Engine;

namespace OmniIntake.Dialogs.Running;

/// <summary>
/// Runs the engine over a stored conversation, for any channel: each customer message is stored once (its client id),
/// the dialog takes its turn, and the new state is saved with the bot's replies and the message marked answered in one
/// write with an optimistic version (another node's concurrent turn makes this one read again). A chat turn starts
/// from the state the store keeps in memory and is written once, in one unit with the registration it makes (issue 17 item 4: <see cref="QuickTurnAsync"/>). A message delivered
/// again finds its answer, or takes its turn if a crash came first: each message is answered exactly once (issue 12
/// item 3). The case is registered through the intake spine when the dialog ends: confirmed, handed off, or abandoned.
/// After the dialog, the customer's messages go to the case like any other.
/// </summary>
/// <param name="promise">Fills "{forwardBy}" in the replies, and answers "when?" after the dialog (issue 16 item 3); without it both say nothing of times.</param>
/// <param name="statusLinks">The status page's link under a chat's registration and hand-off (issue 16 items 3 and 5); none without it.</param>
/// <param name="units">Runs a turn's writes as one unit (issue 17 items 1 and 4); without it each store write commits on its own.</param>
public sealed class DialogRunner(DialogEngine engine, IConversationStore store, IIntake intake, ICaseFieldsWriter fieldsWriter, TimeProvider clock,
    ILogger<DialogRunner> logger, ForwardingPromise? promise = null, IStatusLinks? statusLinks = null, IInboundUnits? units = null) : IDialogService
{
    private readonly IInboundUnits _units = units ?? NoInboundUnits.Instance;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public DialogEngine Engine => engine;

    /// <summary>
    /// Creates the conversation and opens its dialog in one write (issue 12 item 2: never a conversation without a state).
    /// Opened before (the same first message delivered again): the same answer.
    /// </summary>
    public async Task<DialogReply> StartAsync(Conversation conversation, DialogStyle style, ContactHandle customer,
        IReadOnlyDictionary<string, string> known, string? firstText, string? firstClientId, CancellationToken cancellationToken = default)
    {
        var turn = engine.Start(conversation.Language, style, known, clock.GetUtcNow(), firstText);
        var next = await ApplyAsync(conversation, turn, customer, cancellationToken);
        var opening = new DialogOpening(firstText, firstClientId, Replies(turn, next));
        // One unit (issue 17 item 1): it may share its commit with other messages' units.
        var replies = await _units.RunAsync(ct => store.CreateAsync(next, opening, ct), cancellationToken);
        if (replies is not null) return new DialogReply(replies, next.Status, next.CaseNumber);
        return await OpeningOfAsync(conversation.Id, customer, firstText, firstClientId, cancellationToken)
               ?? throw new InvalidOperationException($"Conversation {conversation.Id} exists already.");
    }

    public async Task<DialogReply> HandleAsync(string conversationId, ContactHandle customer, string text, string? clientId,
        CancellationToken cancellationToken = default)
    {
        if (clientId is not null && await QuickTurnAsync(conversationId, customer, text, clientId, cancellationToken) is { } quick) return quick;
        return await StoredTurnAsync(conversationId, customer, text, clientId, cancellationToken);
    }

    /// <summary>
    /// A dialog turn from the state kept in memory, written once (issue 17 item 4): no read of the conversation, and the
    /// customer's message, the state and the replies go in one unit. Null when the turn must take the stored way: not a
    /// dialog in progress (after it the message joins the case), the memory was stale, or the message was stored before.
    /// </summary>
    private async Task<DialogReply?> QuickTurnAsync(string conversationId, ContactHandle customer, string text, string clientId,
        CancellationToken cancellationToken)
    {
        var conversation = await store.FindRecentAsync(conversationId, cancellationToken);
        if (conversation is not { Status: ConversationStatus.Dialog, DialogState: { } json }) return null;
        var turn = engine.Handle(JsonSerializer.Deserialize<DialogState>(json, Json) ?? throw new JsonException("The dialog state is null."), text,
            clock.GetUtcNow());
        var runs = 0;
        // One unit for the whole turn, the registration included (the intake and the case's fields join it): one commit.
        // The work writes through the stores only; a run again (a conflict undid it, or a shared commit failed) hands the
        // turn to the stored way, which reads everything afresh. The memory is updated after the commit (by the store).
        return await _units.RunAsync(async ct =>
        {
            if (++runs > 1) return null;
            Conversation next;
            if (WritesOutside(conversation, turn))
            {
                // The registration or the case's fields are written too: first make sure this message was not taken
                // before (delivered again), as the stored way does.
                if (await store.FindCustomerMessageAsync(conversationId, clientId, ct) is not null) return null;
                next = await ApplyAsync(conversation, turn, customer, ct);
            }
            else next = Next(conversation, turn, conversation.CaseId, conversation.CaseNumber);
            var replies = await store.TakeTurnAsync(next, new CustomerTurn(text, clientId, Replies(turn, next)), ct);
            return replies is null ? null : new DialogReply(replies, next.Status, next.CaseNumber);
        }, cancellationToken);
    }

    /// <summary>Whether <see cref="ApplyAsync"/> writes something besides the conversation for this turn.</summary>
    private bool WritesOutside(Conversation conversation, DialogTurn turn) =>
        conversation.CaseId is not null || turn.Action is DialogAction.HandOff || (turn.Action is DialogAction.Register && HasComplaint(turn.State));

    /// <summary>
    /// The stored way (issue 12 item 3): the message is stored first, the conversation read, and the turn saved with an
    /// optimistic version; a message delivered again finds its answer.
    /// </summary>
    private async Task<DialogReply> StoredTurnAsync(string conversationId, ContactHandle customer, string text, string? clientId,
        CancellationToken cancellationToken)
    {
        var (stored, _) = await store.AppendAsync(conversationId, MessageDirections.Customer, text, clientId, cancellationToken);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (stored.AnsweredAt is not null)
            {
                // Delivered again (a reconnect, a retried webhook): it was answered; the same answer, nothing new.
                var answered = await store.FindAsync(conversationId, cancellationToken);
                return new DialogReply(await store.RepliesToAsync(stored.Id, cancellationToken), answered?.Status ?? "", answered?.CaseNumber);
            }
            var conversation = await store.FindAsync(conversationId, cancellationToken)
                               ?? throw new InvalidOperationException($"Conversation {conversationId} does not exist.");
            if (conversation.Status != ConversationStatus.Dialog)
            {
                var joined = await ToCaseAsync(conversation, customer, stored, cancellationToken);
                var (after, said) = AfterDialog(conversation, text, joined);
                if (said.Count == 0)
                {
                    await store.MarkAnsweredAsync(stored.Id, cancellationToken);
                    return new DialogReply([], after.Status, after.CaseNumber);
                }
                if (await store.SaveAsync(after with { UpdatedAt = clock.GetUtcNow() }, new DialogTurnWrite([stored.Id], stored.Id, said), cancellationToken)
                    is { } sent)
                    return new DialogReply(sent, after.Status, after.CaseNumber);
                stored = await store.FindMessageAsync(stored.Id, cancellationToken) ?? stored;
                continue;
            }
            var current = await StateAsync(conversation, customer, stored.Id, cancellationToken);
            var turn = engine.Handle(current.State, text, clock.GetUtcNow());
            if (await FinishTurnAsync(conversation, turn, customer, [.. current.Unanswered, stored.Id], stored.Id, cancellationToken) is { } reply)
                return reply;
            stored = await store.FindMessageAsync(stored.Id, cancellationToken) ?? stored;
        }
        throw new InvalidOperationException($"Conversation {conversationId} kept changing under this turn.");
    }

    /// <returns>The opening (the case number's question); the same one when opened before, so a caller that died before sending it can send it now.</returns>
    public async Task<DialogReply?> OpenForCaseAsync(CaseDialog dialog, string firstText, string? clientId, CancellationToken cancellationToken = default)
    {
        var id = CaseConversationId(dialog.Channel, dialog.CaseId);
        if (await OpeningOfAsync(id, dialog.Customer, firstText, clientId, cancellationToken) is { } before) return before;
        var now = clock.GetUtcNow();
        var conversation = new Conversation(id, dialog.Channel, null, dialog.Language, null, ConversationStatus.Dialog, dialog.CaseId, dialog.CaseNumber,
            now, now, 0);
        return await StartAsync(conversation, dialog.Style, dialog.Customer, dialog.Known, firstText, clientId, cancellationToken);
    }

    public async Task<DialogReply?> ContinueForCaseAsync(Channel channel, long caseId, ContactHandle customer, string text, string? clientId,
        CancellationToken cancellationToken = default)
    {
        var conversation = await store.FindAsync(CaseConversationId(channel, caseId), cancellationToken);
        if (conversation is null) return null;
        // A message this dialog took before (delivered again after a crash) gets its answer even if it ended the dialog.
        if (conversation.Status != ConversationStatus.Dialog && !await HasAnsweredAsync(conversation.Id, clientId, cancellationToken)) return null;
        return await HandleAsync(conversation.Id, customer, text, clientId, cancellationToken);
    }

    private async Task<bool> HasAnsweredAsync(string conversationId, string? clientId, CancellationToken cancellationToken) =>
        clientId is not null
        && (await store.MessagesAsync(conversationId, 0, cancellationToken))
            .Any(m => m.Direction == MessageDirections.Customer && m.ClientId == clientId && m.AnsweredAt is not null);

    /// <summary>
    /// The answer a conversation's opening got, when it exists; a conversation a crash left without a state (before issue
    /// 12 item 2) is repaired here and answered as if it opened now.
    /// </summary>
    private async Task<DialogReply?> OpeningOfAsync(string id, ContactHandle customer, string? firstText, string? clientId,
        CancellationToken cancellationToken)
    {
        var conversation = await store.FindAsync(id, cancellationToken);
        if (conversation is null) return null;
        var messages = await store.MessagesAsync(id, 0, cancellationToken);
        var first = clientId is null ? null : messages.FirstOrDefault(m => m.Direction == MessageDirections.Customer && m.ClientId == clientId);
        if (conversation.DialogState is null && conversation.Status == ConversationStatus.Dialog && first is not null)
        {
            for (var attempt = 0; attempt < 5 && conversation is not null; attempt++)
            {
                var rebuilt = await StateAsync(conversation, customer, null, cancellationToken);
                var turn = new DialogTurn(rebuilt.State, rebuilt.LastReplies, DialogAction.None);
                if (await FinishTurnAsync(conversation, turn, customer, rebuilt.Unanswered, first.Id, cancellationToken) is { } repaired) return repaired;
                conversation = await store.FindAsync(id, cancellationToken);
            }
        }
        var replies = first is null ? [] : await store.RepliesToAsync(first.Id, cancellationToken);
        return new DialogReply(replies, conversation?.Status ?? "", conversation?.CaseNumber);
    }

    private static string CaseConversationId(Channel channel, long caseId) =>
        $"{channel.ToName()}-case-{caseId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Dialogs untouched for the definition's time-out: registered as they stand (incomplete), never lost. One that cannot
    /// be handled is set aside with the reason and the others go on (issue 12 item 2); a database failure stops the run
    /// (the job runs again next minute).
    /// </summary>
    public async Task<int> ExpireIdleAsync(Func<Conversation, ContactHandle> customerOf, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var idle = await store.IdleDialogsAsync(now - TimeSpan.FromMinutes(engine.Definition.TimeoutMinutes), 100, cancellationToken);
        var expired = 0;
        foreach (var conversation in idle)
        {
            try
            {
                var customer = customerOf(conversation);
                var current = await StateAsync(conversation, customer, null, cancellationToken);
                var turn = engine.Expire(current.State, now);
                if (await FinishTurnAsync(conversation, turn, customer, current.Unanswered, null, cancellationToken) is not null) expired++;
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or DbException or TimeoutException))
            {
                var reason = $"The dialog-expiry job could not handle it: {ex.GetType().Name}: {ex.Message}";
                await store.SetAsideAsync(conversation.Id, reason, cancellationToken);
                logger.LogWarning("Dialog {Conversation} was set aside by the expiry job ({Error}); the others go on.", conversation.Id, ex.GetType().Name);
                logger.LogDebug(ex, "Dialog {Conversation} set aside.", conversation.Id);
            }
        }
        return expired;
    }

    /// <summary>
    /// The conversation's dialog state; one a crash left without a state (before issue 12 item 2) is rebuilt by taking the
    /// customer's stored messages again (all but <paramref name="except"/>, the one being handled now).
    /// </summary>
    private async Task<CurrentState> StateAsync(Conversation conversation, ContactHandle customer, long? except,
        CancellationToken cancellationToken)
    {
        if (conversation.DialogState is { } json)
            return new CurrentState(JsonSerializer.Deserialize<DialogState>(json, Json) ?? throw new JsonException("The dialog state is null."), [], []);
        var said = (await store.MessagesAsync(conversation.Id, 0, cancellationToken))
            .Where(m => m.Direction == MessageDirections.Customer && m.Id != except).ToList();
        var style = conversation.Channel switch { Channel.Sms => DialogStyle.Sms, Channel.Email => DialogStyle.Email, _ => DialogStyle.Chat };
        var turn = engine.Start(conversation.Language, style, Known(customer), conversation.CreatedAt, said.FirstOrDefault()?.Text);
        foreach (var message in said.Skip(1)) turn = engine.Handle(turn.State, message.Text, message.CreatedAt);
        logger.LogInformation("Dialog {Conversation} had no state (left by a crash): rebuilt from its {Count} customer messages.", conversation.Id,
            said.Count);
        return new CurrentState(turn.State, said.Where(m => m.AnsweredAt is null).Select(m => m.Id).ToList(), turn.Replies);
    }

    /// <param name="Unanswered">The stored messages a rebuild took that were never answered (this turn answers them).</param>
    /// <param name="LastReplies">What the rebuild's last turn would have answered.</param>
    private sealed record CurrentState(DialogState State, IReadOnlyList<long> Unanswered, IReadOnlyList<string> LastReplies);

    /// <summary>What the channel knows of the customer (the dialog does not ask it), as the channels pass it when they open.</summary>
    private static Dictionary<string, string> Known(ContactHandle customer) => customer.Kind switch
    {
        ContactHandleKind.Phone => new Dictionary<string, string> { ["phone"] = customer.Value },
        ContactHandleKind.Email => new Dictionary<string, string> { ["email"] = customer.Value },
        _ => [],
    };

    /// <returns>Null when the conversation was saved by someone else meanwhile (the caller reads again).</returns>
    private async Task<DialogReply?> FinishTurnAsync(Conversation conversation, DialogTurn turn, ContactHandle customer, IReadOnlyList<long> answered,
        long? replyTo, CancellationToken cancellationToken)
    {
        var next = await ApplyAsync(conversation, turn, customer, cancellationToken);
        var replies = await store.SaveAsync(next, new DialogTurnWrite(answered, replyTo, Replies(turn, next)), cancellationToken);
        return replies is null ? null : new DialogReply(replies, next.Status, next.CaseNumber);
    }

    /// <summary>What the turn does outside the conversation (the case's fields, the registration), and the conversation it leaves.</summary>
    private async Task<Conversation> ApplyAsync(Conversation conversation, DialogTurn turn, ContactHandle customer, CancellationToken cancellationToken)
    {
        var state = turn.State;
        long? caseId = conversation.CaseId;
        var caseNumber = conversation.CaseNumber;
        if (caseId is { } open)
        {
            // The case was opened before the dialog (e-mail): each turn writes what it learned onto it.
            await fieldsWriter.FillAsync(open, Fields(state), "dialog", cancellationToken);
        }
        // A hand-off is registered even before the problem was described: a person must see the customer who asked for
        // one, and the customer gets the number (issue 16 item 3; first-responder responsibility).
        else if (turn.Action is DialogAction.HandOff || (turn.Action is DialogAction.Register && HasComplaint(state)))
        {
            // Registered before the state is saved: if the save loses a race, the retry finds the same case
            // (the registration's external id is the conversation's), never a second one.
            // Files the customer sent before this (issue 16 item 3) are attachments of the case's first message.
            var pending = conversation.Channel == Channel.Chat ? await store.PendingFilesAsync(conversation.Id, cancellationToken) : [];
            var result = await intake.AcceptAsync(Registration(conversation, state, customer) with { Attachments = pending }, cancellationToken);
            (caseId, caseNumber) = (result.CaseId, result.CaseNumber);
            logger.LogInformation("Dialog {Conversation} registered case {CaseNumber} ({Outcome}, incomplete: {Incomplete}).", conversation.Id,
                caseNumber, result.Outcome, state.Incomplete);
        }
        return Next(conversation, turn, caseId, caseNumber);
    }

    /// <summary>The conversation the turn leaves: its state, the status its phase means, the case it registered.</summary>
    private Conversation Next(Conversation conversation, DialogTurn turn, long? caseId, string? caseNumber) => conversation with
    {
        DialogState = JsonSerializer.Serialize(turn.State, Json), Status = StatusOf(turn.State.Phase), CaseId = caseId, CaseNumber = caseNumber,
        UpdatedAt = clock.GetUtcNow(),
    };

    private static string StatusOf(DialogPhase phase) => phase switch
    {
        DialogPhase.Registered => ConversationStatus.Registered,
        DialogPhase.HandedOff => ConversationStatus.HandedOff,
        DialogPhase.Cancelled => ConversationStatus.Cancelled,
        DialogPhase.Expired => ConversationStatus.Expired,
        _ => ConversationStatus.Dialog,
    };

    private List<string> Replies(DialogTurn turn, Conversation next)
    {
        var replies = turn.Replies.Select(text => text.Replace("{number}", next.CaseNumber ?? "", StringComparison.Ordinal)
            .Replace("{forwardBy}", ForwardBy(next.Channel, turn.State.StartedAt, next.Language), StringComparison.Ordinal)).ToList();
        // The chat's acknowledgement (registered or handed off) ends with the status page's link, which the widget makes
        // tappable; an SMS got it in its opening receipt and an e-mail in its acknowledgement.
        if (turn.Action is DialogAction.Register or DialogAction.HandOff && next.CaseNumber is { } number && replies.Count > 0)
            replies[^1] += StatusLine(next.Channel, number, next.Language);
        return replies;
    }

    /// <summary>"查询处理进度：https://…/status?case=…" on a line of its own, in a chat only.</summary>
    private string StatusLine(Channel channel, string caseNumber, string language) =>
        channel != Channel.Chat || statusLinks is null ? ""
        : language == Languages.Chinese ? $"\n查询处理进度：{statusLinks.For(caseNumber)}" : $"\nFollow your case: {statusLinks.For(caseNumber)}";

    /// <summary>When the complaint is forwarded, from the policy and the calendar (issue 16 item 3); empty without a promise.</summary>
    private string ForwardBy(Channel channel, DateTimeOffset receivedAt, string language) =>
        promise is null ? "" : promise.Sentence(promise.DueAt(channel, receivedAt), clock.GetUtcNow(), language);

    /// <summary>
    /// What the customer hears after the dialog (issue 16 item 3): a message that opened a new case (the last one was
    /// closed) is acknowledged with the new number and the closed one's; a "when?" gets the number and the forwarding
    /// time; anything else joins the case silently (an agent answers). The conversation follows the new case.
    /// </summary>
    private (Conversation Conversation, IReadOnlyList<string> Replies) AfterDialog(Conversation conversation, string text, IntakeResult? joined)
    {
        var zh = conversation.Language == Languages.Chinese;
        if (joined is { Taken: IntakeOutcome.NewCase } opened && opened.CaseNumber != conversation.CaseNumber)
        {
            var forward = ForwardBy(conversation.Channel, clock.GetUtcNow(), conversation.Language);
            var earlier = conversation.CaseNumber is { } closed
                ? zh ? $"您之前的投诉（编号 {closed}）已办结，" : $"Your earlier case {closed} is closed, so "
                : "";
            var reply = zh
                ? $"{earlier}这条消息已登记为新的投诉，编号 {opened.CaseNumber}。{forward}"
                : $"{earlier}this message is registered as a new case, number {opened.CaseNumber}. {forward}";
            return (conversation with { CaseId = opened.CaseId, CaseNumber = opened.CaseNumber },
                [reply.Trim() + StatusLine(conversation.Channel, opened.CaseNumber, conversation.Language)]);
        }
        if (conversation.CaseNumber is { } number && WhenQuestion.Matches(text))
        {
            var forward = promise is null ? "" : ForwardBy(conversation.Channel, conversation.CreatedAt, conversation.Language);
            var reply = zh
                ? $"您的投诉已登记，编号 {number}。{forward}处理人员会在这里答复您。"
                : $"Your complaint is registered as case {number}. {forward} The person handling it will answer you here.";
            return (conversation, [reply.Replace("  ", " ", StringComparison.Ordinal)]);
        }
        return (conversation, []);
    }
    private bool HasComplaint(DialogState state) =>
        engine.Definition.Fields.Where(f => f.Target == "text").Any(f => state.Values.ContainsKey(f.Name));

    private InboundMessage Registration(Conversation conversation, DialogState state, ContactHandle customer)
    {
        string? Value(string target) =>
            engine.Definition.Fields.Where(f => f.Target == target).Select(f => state.Values.GetValueOrDefault(f.Name)).FirstOrDefault(v => v is not null);
        var text = Value("text") ?? (state.Phase == DialogPhase.HandedOff
            ? state.Language == Languages.Chinese ? "（客户要求转人工，尚未描述问题）" : "(The customer asked for a person before describing the problem.)"
            : "");
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
    private async Task<IntakeResult?> ToCaseAsync(Conversation conversation, ContactHandle customer, ConversationMessage message,
        CancellationToken cancellationToken)
    {
        if (conversation.CaseId is null) return null; // cancelled before anything was said: nothing to join
        return await intake.AcceptAsync(new InboundMessage
        {
            Channel = conversation.Channel,
            ExternalId = $"{conversation.Id}:{message.Id}",
            Sender = customer,
            // The case's number as the subject: a message after the case closed opens a new case linked to it (issue 16 item 3).
            Subject = conversation.CaseNumber,
            Text = message.Text,
            ReceivedAt = message.CreatedAt,
            Thread = new ThreadHints { SessionKey = conversation.Id },
        }, cancellationToken);
    }
}
