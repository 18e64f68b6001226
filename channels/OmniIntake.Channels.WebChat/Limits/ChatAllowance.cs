using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using OmniIntake.Channels.WebChat.Setup;

namespace OmniIntake.Channels.WebChat.Limits;

/// <summary>
/// Issue 12 item 12: the chat's allowances per client address and per conversation token, not per connection (100
/// connections once opened 500 conversations in 9 s, each a case when it expired). The client address is the
/// connection's, or the X-Forwarded-For of a configured known proxy (ASP.NET Core's forwarded headers, set up in the
/// server); an address nobody vouches for is never taken from a header.
/// </summary>
public sealed class ChatAllowance : IDisposable
{
    private readonly PartitionedRateLimiter<string> _conversations;
    private readonly PartitionedRateLimiter<string> _messages;

    public ChatAllowance(WebChatOptions options)
    {
        _conversations = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetSlidingWindowLimiter(address,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = options.ConversationsPerAddress, Window = options.ConversationWindow, SegmentsPerWindow = 10, QueueLimit = 0,
            }));
        _messages = PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetSlidingWindowLimiter(conversation,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = options.MessagesPerMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0,
            }));
    }

    /// <summary>Takes one new conversation from the address's allowance; null when allowed, else how long to wait.</summary>
    public TimeSpan? TryStartConversation(IPAddress? address) => Take(_conversations, Key(address));

    /// <summary>Takes one message from the conversation's allowance; null when allowed.</summary>
    public TimeSpan? TrySendMessage(string conversationId) => Take(_messages, conversationId);

    public static string Key(IPAddress? address) =>
        address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    private static TimeSpan? Take(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
    }

    /// <summary>What the widget shows, in the customer's language (zh-CN or English), with a stable code first.</summary>
    public static string Refusal(string what, TimeSpan retryAfter, bool chinese)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return what == "conversations"
            ? chinese
                ? $"rate-limited: 您所在的网络新建对话过于频繁，请 {seconds} 秒后再试。"
                : $"rate-limited: Too many new conversations from your network; please try again in {seconds} s."
            : chinese
                ? $"rate-limited: 消息发送过于频繁，请 {seconds} 秒后再试。"
                : $"rate-limited: Too many messages; please try again in {seconds} s.";
    }

    public void Dispose()
    {
        _conversations.Dispose();
        _messages.Dispose();
    }
}
