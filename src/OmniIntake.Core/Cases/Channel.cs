namespace OmniIntake.Core.Cases;

/// <summary>Where a message came from or goes to. Phone, walk-in and letter are the policies'
/// registered-by-hand channels (first-responder rule); api is an integration.</summary>
public enum Channel
{
    Email,
    Sms,
    Chat,
    Forum,
    Phone,
    WalkIn,
    Letter,
    Api,
}

public static class ChannelNames
{
    private static readonly Dictionary<string, Channel> ByName = Enum.GetValues<Channel>()
        .ToDictionary(c => ToName(c), c => c, StringComparer.OrdinalIgnoreCase);

    /// <summary>The lower-case name stored in the database and used in the API.</summary>
    public static string ToName(this Channel channel) => channel.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out Channel channel) =>
        ByName.TryGetValue(name ?? string.Empty, out channel);

    public static Channel Parse(string name) =>
        TryParse(name, out var channel)
            ? channel
            : throw new ArgumentException($"Unknown channel '{name}'. Known: {string.Join(", ", ByName.Keys)}.", nameof(name));

    public static IReadOnlyCollection<string> All => ByName.Keys;

    /// <summary>Channels a customer cannot be answered through automatically.</summary>
    public static bool IsManual(this Channel channel) => channel is Channel.Phone or Channel.WalkIn or Channel.Letter;
}
