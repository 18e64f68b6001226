using Microsoft.AspNetCore.SignalR;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Conversations;
using OmniIntake.Core.Outbound;

namespace OmniIntake.Channels.WebChat.Hub;

/// <summary>
/// Delivers an agent's reply into the web chat: stored in the conversation (so a widget that is offline gets it on
/// Resume) and pushed live to the widgets connected to this node.
/// </summary>
public sealed class ChatSender(IConversationStore store, IHubContext<ChatHub, IChatClient> hub) : IChannelSender
{
    public Channel Channel => Channel.Chat;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        var conversation = await store.FindAsync(message.Recipient, cancellationToken);
        if (conversation is null) return SendResult.Failed($"The chat conversation {message.Recipient} does not exist.");
        // The outbox id as client id: a retried send after a crash is stored once.
        var (stored, _) = await store.AppendAsync(conversation.Id, MessageDirections.Agent, message.Text, $"outbox-{message.OutboxId}", cancellationToken);
        await hub.Clients.Group(ChatHub.Group(conversation.Id)).Messages([new ChatMessage(stored.Id, stored.Direction, stored.Text, stored.CreatedAt)], cancellationToken);
        return SendResult.Sent($"chat-message-{stored.Id}");
    }
}
