using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Outbound;

/// <summary>
/// Sends a reply through one channel (implemented by each channel adapter). Expected failures come back as a
/// <see cref="SendResult"/> the outbox can retry; only misuse throws.
/// </summary>
public interface IChannelSender
{
    Channel Channel { get; }

    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}

/// <summary>One reply to deliver, as queued in the outbox with the case's number (policy 5.2.1: one number on every reply).</summary>
public sealed record OutboundMessage(long OutboxId, long MessageId, long CaseId, string CaseNumber, Channel Channel, string Recipient,
    string Text, int Attempt)
{
    /// <summary>Written by the hub itself (acknowledgement, prompt), not by a person: e-mail marks it Auto-Submitted.</summary>
    public bool Automatic { get; init; }

    public string? CaseSubject { get; init; }

    /// <summary>The customer's latest e-mail Message-ID on the case, to answer it (In-Reply-To).</summary>
    public string? InReplyTo { get; init; }

    /// <summary>The case's e-mail Message-IDs, oldest first (References), so the customer's client threads the reply.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The case's session key (a chat conversation, a forum thread "forum:&lt;source&gt;:&lt;thread&gt;").</summary>
    public string? ThreadKey { get; init; }

    /// <summary>The files the reply carries, as recorded on its message (issue 16 item 4).</summary>
    public IReadOnlyList<Messages.Attachment> Attachments { get; init; } = [];

    /// <summary>Their contents, for a channel that sends files itself (e-mail); other channels get a link in the text.</summary>
    public IReadOnlyList<OutboundFile> Files { get; init; } = [];
}

/// <summary>A file sent with a reply (its sniffed type; never the sender's word).</summary>
public sealed record OutboundFile(string FileName, string ContentType, byte[] Content);

public enum SendOutcome
{
    Sent,

    /// <summary>Try again later (timeouts, 429, 5xx).</summary>
    Retry,

    /// <summary>Never going to work (unsubscribed number, invalid address): shown on the case, not retried.</summary>
    Failed,

    /// <summary>This channel cannot deliver it by itself (a forum without an API): an agent delivers it by hand.</summary>
    Manual,
}

public sealed record SendResult(SendOutcome Outcome, string? ProviderId = null, string? Error = null)
{
    /// <summary>SMS parts the message cost, when the channel counts them.</summary>
    public int? Segments { get; init; }

    public static SendResult Sent(string? providerId = null) => new(SendOutcome.Sent, providerId);

    public static SendResult Retry(string error) => new(SendOutcome.Retry, Error: error);

    public static SendResult Failed(string error) => new(SendOutcome.Failed, Error: error);

    public static SendResult Manual(string instruction) => new(SendOutcome.Manual, Error: instruction);
}
