namespace OmniIntake.Core.Messages;

/// <summary>An attachment as recorded on a message. The bytes live in attachment storage under <see cref="StorageKey"/>;
/// a refused attachment keeps its name and the reason so the case shows what was not taken.</summary>
public sealed record Attachment(string FileName, string ContentType, long Size, string? StorageKey, string? RefusedReason = null);

public enum MessageDirection
{
    Inbound,
    Outbound,
}
