namespace OmniIntake.Channels.Forum.Setup;

/// <summary>Bound from configuration section "Channels:Forum".</summary>
public sealed class ForumOptions
{
    public const string Section = "Channels:Forum";

    public List<FeedSourceOptions> Sources { get; set; } = [];

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (source, i) in Sources.Select((s, i) => (s, i)))
        {
            var at = $"Channels:Forum:Sources:{i}";
            if (string.IsNullOrWhiteSpace(source.Name) || source.Name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
                errors.Add($"{at}:Name must be letters, digits, '-' or '_' (got '{source.Name}').");
            if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                errors.Add($"{at}:Url must be an http(s) URL (got '{source.Url}').");
            if (source.PollInterval < TimeSpan.FromSeconds(1)) errors.Add($"{at}:PollInterval must be at least 1 second.");
        }
        foreach (var duplicate in Sources.GroupBy(s => s.Name).Where(g => g.Count() > 1)) errors.Add($"Channels:Forum: the source name '{duplicate.Key}' is used twice.");
        return errors;
    }
}

/// <summary>One source (an RSS 2.0 / Atom feed, or a Discourse forum) and the filters that say which posts are complaints.</summary>
public sealed class FeedSourceOptions
{
    public string Name { get; set; } = "";

    /// <summary>The feed's URL; for Discourse, the forum's base URL (its /posts.json is read).</summary>
    public string Url { get; set; } = "";

    public SourceKind Kind { get; set; } = SourceKind.Feed;

    /// <summary>Discourse: the Api-Key and Api-Username headers, where the forum needs them.</summary>
    public string? ApiKey { get; set; }

    public string? ApiUsername { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>false: no recurring poll; the source is read only when a supervisor polls it now (POST
    /// /api/channels/forum/{name}/poll, the button on /channels.html) or a test runs its job.</summary>
    public bool Scheduled { get; set; } = true;

    /// <summary>Only posts in these categories (any, when empty); Discourse categories by their numeric id.</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>Only posts carrying one of these tags (any, when empty); a feed's &lt;category&gt; elements are its tags.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Only posts by these authors (any, when empty).</summary>
    public List<string> Authors { get; set; } = [];

    /// <summary>Only posts whose title or text contains one of these words, Chinese or English (any, when empty).</summary>
    public List<string> Keywords { get; set; } = [];

    public int MaxFeedBytes { get; set; } = 20 * 1024 * 1024;
}

public enum SourceKind
{
    Feed,
    Discourse,
}
