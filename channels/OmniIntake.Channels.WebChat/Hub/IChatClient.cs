using Microsoft.AspNetCore.SignalR;

namespace OmniIntake.Channels.WebChat.Hub;

/// <summary>
/// What the chat hub (<see cref="ChatHub"/>) pushes to the customer's widget (issue 13 item 7: SignalR messages typed).
/// The widget (ClientApp/widget/widget.ts) subscribes through the same names, checked by the server's HubContractTests
/// against ClientApp/src/live/hub-contract.json.
/// </summary>
public interface IChatClient
{
    public const string MessagesMethod = "messages";
    public const string TypingMethod = "typing";

    /// <summary>New messages of the conversation (an agent's reply, another tab's exchange, a file sent).</summary>
    [HubMethodName(MessagesMethod)]
    Task Messages(IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken);

    /// <summary>The other side is typing: <see cref="ChatTypists.Agent"/> or <see cref="ChatTypists.Customer"/>.</summary>
    [HubMethodName(TypingMethod)]
    Task Typing(string who, CancellationToken cancellationToken);
}

/// <summary>Who a "typing" push says is typing.</summary>
public static class ChatTypists
{
    public const string Agent = "agent";
    public const string Customer = "customer";
}
