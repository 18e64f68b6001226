using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using OmniIntake.Channels.WebChat.Limits;
using OmniIntake.Channels.WebChat.Setup;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Conversations;
using OmniIntake.Core.Outbound;
using OmniIntake.Core.Text;

namespace OmniIntake.Channels.WebChat.Hub;

public sealed record ChatMessage(long Id, string Direction, string Text, DateTimeOffset At);

/// <param name="CanEmailTranscript">The hub has an e-mail sender: the widget offers the transcript only then (issue 16 item 3).</param>
public sealed record ChatSession(string Token, string ConversationId, IReadOnlyList<ChatMessage> Messages, string Status, string? CaseNumber,
    bool CanEmailTranscript = false);

public sealed record ChatTurn(IReadOnlyList<ChatMessage> Messages, string Status, string? CaseNumber);

/// <summary>
/// /hubs/chat, the widget's transport. A customer starts a conversation and gets its secret token; only that token
/// reads or writes the conversation (it is stored hashed). Each message carries a client id, so a message re-sent
/// after a reconnect is one message; Resume returns everything after the last message the widget has.
/// </summary>
public sealed class ChatHub(IConversationStore store, IDialogService dialogs, IAutomaticReplies replies, WebChatOptions options, TimeProvider clock,
    ChatAllowance allowance, IEnumerable<IChannelSender> senders)
    : Hub<IChatClient>
{
    public const string Path = "/hubs/chat";

    /// <summary>Only a configured e-mail sender can deliver a transcript; without one the widget does not offer it.</summary>
    private bool CanEmail => senders.Any(s => s.Channel == Channel.Email);

    public static string Group(string conversationId) => "chat:" + conversationId;

    public async Task<ChatSession> Start(string? language)
    {
        Limit("starts", options.StartsPerMinute);
        // Per client address too, not only per connection (issue 12 item 12).
        if (allowance.TryStartConversation(Context.GetHttpContext()?.Connection.RemoteIpAddress) is { } wait)
            throw new HubException(ChatAllowance.Refusal("conversations", wait, Languages.FromTag(language) == Languages.Chinese));
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var id = "chat-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var now = clock.GetUtcNow();
        var conversation = new Conversation(id, Channel.Chat, Hash(token), Languages.FromTag(language), null, ConversationStatus.Dialog, null, null, now, now, 0);
        // Created with its first state in one write (issue 12 item 2).
        var reply = await dialogs.StartAsync(conversation, DialogStyle.Chat, Customer(id), new Dictionary<string, string>(), null, null,
            Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(id), Context.ConnectionAborted);
        return new ChatSession(token, id, reply.Messages.Select(View).ToList(), reply.Status, reply.CaseNumber, CanEmail);
    }

    public async Task<ChatSession> Resume(string token, long afterId)
    {
        var conversation = await FindAsync(token);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(conversation.Id), Context.ConnectionAborted);
        var messages = await store.MessagesAsync(conversation.Id, Math.Max(0, afterId), Context.ConnectionAborted);
        return new ChatSession(token, conversation.Id, messages.Select(View).ToList(), conversation.Status, conversation.CaseNumber, CanEmail);
    }

    public async Task<ChatTurn> Send(string token, string clientId, string text)
    {
        Limit("messages", options.MessagesPerMinute);
        if (string.IsNullOrWhiteSpace(text)) throw new HubException("The message is empty.");
        if (text.Length > options.MaxMessageLength)
            throw new HubException($"A message is at most {options.MaxMessageLength} characters (this one has {text.Length}).");
        if (string.IsNullOrWhiteSpace(clientId) || clientId.Length > 64) throw new HubException("Each message needs a client id of 1-64 characters.");
        var conversation = await KnownAsync(token);
        // Per conversation too, however many connections carry it (issue 12 item 12).
        if (allowance.TrySendMessage(conversation.Id) is { } wait)
            throw new HubException(ChatAllowance.Refusal("messages", wait, conversation.Language == Languages.Chinese));
        var reply = await dialogs.HandleAsync(conversation.Id, Customer(conversation.Id), text.Trim(), clientId, Context.ConnectionAborted);
        var messages = reply.Messages.Select(View).ToList();
        // The customer's other tabs see the exchange too.
        await Clients.OthersInGroup(Group(conversation.Id)).Messages(messages, Context.ConnectionAborted);
        return new ChatTurn(messages, reply.Status, reply.CaseNumber);
    }

    /// <summary>
    /// E-mails the conversation to the customer (once the complaint is registered, so it carries the case number):
    /// queued through the outbox like any reply, at most 3 an hour per address.
    /// </summary>
    public async Task<string> EmailTranscript(string token, string address)
    {
        Limit("transcripts", 3);
        var conversation = await FindAsync(token);
        var zh = conversation.Language == Languages.Chinese;
        // Never "sent" when nothing can send it (issue 16 item 3): without an e-mail sender the request is refused.
        if (!CanEmail) throw new HubException(zh ? "本站暂未开通邮件发送，无法发送对话记录。" : "This site cannot send e-mail, so the transcript cannot be sent.");
        if (conversation.CaseId is not { } caseId)
            throw new HubException(zh ? "投诉登记后才能发送对话记录。" : "A transcript can be e-mailed once the complaint is registered.");
        if (!ContactHandle.TryCreate(ContactHandleKind.Email, address, out var email, out var error)) throw new HubException(error);
        var messages = await store.MessagesAsync(conversation.Id, 0, Context.ConnectionAborted);
        var lines = messages.Select(m => $"[{m.CreatedAt:yyyy-MM-dd HH:mm} UTC] {Speaker(m.Direction, zh)}: {m.Text}");
        var text = (zh ? $"您与客服的对话记录（编号 {conversation.CaseNumber}）：" : $"Your conversation with us (case {conversation.CaseNumber}):")
                   + "\n\n" + string.Join("\n\n", lines);
        var outcome = await replies.QueueToAsync(caseId, Channel.Email, email.Value, text, new AutomaticReplyLimit(3, TimeSpan.FromHours(1)),
            Context.ConnectionAborted);
        return outcome.ToString().ToLowerInvariant();
    }

    private static string Speaker(string direction, bool zh) => direction switch
    {
        MessageDirections.Customer => zh ? "您" : "You",
        MessageDirections.Agent => zh ? "客服" : "Agent",
        _ => zh ? "系统" : "Assistant",
    };

    /// <summary>Returns the text unchanged: a transport check for the widget and the benchmark's raw baseline (rate limited like Send).</summary>
    public string Echo(string text)
    {
        Limit("messages", options.MessagesPerMinute);
        return text.Length > options.MaxMessageLength ? throw new HubException($"A message is at most {options.MaxMessageLength} characters.") : text;
    }

    /// <summary>The customer is typing: agents' consoles may show it (pushed to the conversation's group).</summary>
    public async Task Typing(string token)
    {
        var conversation = await KnownAsync(token);
        await Clients.OthersInGroup(Group(conversation.Id)).Typing(ChatTypists.Customer, Context.ConnectionAborted);
    }

    private async Task<Conversation> FindAsync(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) throw new HubException("Unknown conversation.");
        return await store.FindByTokenAsync(Hash(token), Context.ConnectionAborted) ?? throw new HubException("Unknown conversation.");
    }

    /// <summary>
    /// The token's conversation as this connection found it before (issue 17 item 4: a turn reads nothing it already
    /// knows). Only what a token never changes is used from it (the id, the language); the dialog reads its own state.
    /// One token per connection is kept, so the memory a connection holds is bounded.
    /// </summary>
    private async Task<KnownConversation> KnownAsync(string token)
    {
        var hash = string.IsNullOrEmpty(token) || token.Length > 100 ? "" : Hash(token);
        if (Context.Items[KnownKey] is KnownConversation known && known.TokenSha256 == hash) return known;
        var conversation = await FindAsync(token);
        var found = new KnownConversation(hash, conversation.Id, conversation.Language);
        Context.Items[KnownKey] = found;
        return found;
    }

    private const string KnownKey = "chat:conversation";

    private sealed record KnownConversation(string TokenSha256, string Id, string Language);

    /// <summary>A sliding one-minute window per connection and kind.</summary>
    private void Limit(string kind, int perMinute)
    {
        var now = clock.GetUtcNow();
        var key = "rate:" + kind;
        if (Context.Items[key] is not Queue<DateTimeOffset> recent) Context.Items[key] = recent = new Queue<DateTimeOffset>();
        while (recent.Count > 0 && now - recent.Peek() > TimeSpan.FromMinutes(1)) recent.Dequeue();
        if (recent.Count >= perMinute) throw new HubException($"Too many {kind} (at most {perMinute} a minute): please wait a moment.");
        recent.Enqueue(now);
    }

    private static ContactHandle Customer(string conversationId) => ContactHandle.Create(ContactHandleKind.Chat, conversationId);

    private static ChatMessage View(ConversationMessage m) => new(m.Id, m.Direction, m.Text, m.CreatedAt);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
