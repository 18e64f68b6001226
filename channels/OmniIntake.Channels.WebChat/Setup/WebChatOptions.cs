namespace OmniIntake.Channels.WebChat.Setup;

/// <summary>Bound from configuration section "Channels:WebChat".</summary>
public sealed class WebChatOptions
{
    public const string Section = "Channels:WebChat";

    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Messages one connection, and one conversation (token), may send per minute; more get a clear "slow down" error.</summary>
    public int MessagesPerMinute { get; set; } = 20;

    /// <summary>New conversations one connection may start per minute.</summary>
    public int StartsPerMinute { get; set; } = 5;

    /// <summary>New conversations one client address may start per <see cref="ConversationWindow"/> (issue 12 item 12).</summary>
    public int ConversationsPerAddress { get; set; } = 20;

    public TimeSpan ConversationWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>New connections to /hubs/chat one client address may open per minute; more are answered 429.</summary>
    public int ConnectionsPerAddressPerMinute { get; set; } = 60;

    /// <summary>
    /// Sites (scheme://host[:port]) whose pages may embed the widget and open /hubs/chat, besides the hub's own pages
    /// (issue 12 item 11); "*" allows any site. Clients that are not browsers send no Origin and are not affected.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var origin in AllowedOrigins.Where(o => o != "*" && !(Uri.TryCreate(o, UriKind.Absolute, out var u) && u.AbsolutePath == "/"
                                                                         && u.Scheme is "http" or "https")))
            errors.Add($"Channels:WebChat:AllowedOrigins holds '{origin}', which is not an origin like https://www.example.com.");
        if (MaxMessageLength is < 10 or > 20_000) errors.Add($"Channels:WebChat:MaxMessageLength must be 10-20000 (got {MaxMessageLength}).");
        if (MessagesPerMinute is < 1 or > 600) errors.Add($"Channels:WebChat:MessagesPerMinute must be 1-600 (got {MessagesPerMinute}).");
        if (StartsPerMinute is < 1 or > 600) errors.Add($"Channels:WebChat:StartsPerMinute must be 1-600 (got {StartsPerMinute}).");
        if (ConversationsPerAddress is < 1 or > 100_000)
            errors.Add($"Channels:WebChat:ConversationsPerAddress must be 1-100000 (got {ConversationsPerAddress}).");
        if (ConversationWindow < TimeSpan.FromSeconds(1) || ConversationWindow > TimeSpan.FromDays(1))
            errors.Add($"Channels:WebChat:ConversationWindow must be between 1 second and 1 day (got {ConversationWindow}).");
        if (ConnectionsPerAddressPerMinute is < 1 or > 100_000)
            errors.Add($"Channels:WebChat:ConnectionsPerAddressPerMinute must be 1-100000 (got {ConnectionsPerAddressPerMinute}).");
        return errors;
    }

    /// <summary>Whether a browser page at <paramref name="origin"/> may use the chat hub of <paramref name="host"/>.</summary>
    public bool Allows(string origin, string host) =>
        AllowedOrigins.Contains("*")
        || (Uri.TryCreate(origin, UriKind.Absolute, out var from)
            && (string.Equals(from.Authority, host, StringComparison.OrdinalIgnoreCase)
                || AllowedOrigins.Any(a => Uri.TryCreate(a, UriKind.Absolute, out var allowed)
                                           && string.Equals(allowed.Scheme, from.Scheme, StringComparison.OrdinalIgnoreCase)
                                           && string.Equals(allowed.Authority, from.Authority, StringComparison.OrdinalIgnoreCase))));
}
