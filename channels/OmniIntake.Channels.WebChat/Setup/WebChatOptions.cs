namespace OmniIntake.Channels.WebChat.Setup;

/// <summary>Bound from configuration section "Channels:WebChat".</summary>
public sealed class WebChatOptions
{
    public const string Section = "Channels:WebChat";

    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Messages one connection may send per minute; more get a clear "slow down" error.</summary>
    public int MessagesPerMinute { get; set; } = 20;

    /// <summary>New conversations one connection may start per minute.</summary>
    public int StartsPerMinute { get; set; } = 5;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxMessageLength is < 10 or > 20_000) errors.Add($"Channels:WebChat:MaxMessageLength must be 10-20000 (got {MaxMessageLength}).");
        if (MessagesPerMinute is < 1 or > 600) errors.Add($"Channels:WebChat:MessagesPerMinute must be 1-600 (got {MessagesPerMinute}).");
        if (StartsPerMinute is < 1 or > 600) errors.Add($"Channels:WebChat:StartsPerMinute must be 1-600 (got {StartsPerMinute}).");
        return errors;
    }
}
