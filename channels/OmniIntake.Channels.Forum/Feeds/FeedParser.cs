using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using OmniIntake.Core.Text;

namespace OmniIntake.Channels.Forum.Feeds;

/// <summary>One post as the hub sees it, whatever shape its feed had.</summary>
public sealed record FeedPost(string Id, string Title, string Text, string? Html, string? Link, string? Author, IReadOnlyList<string> Categories,
    DateTimeOffset? Published, string ThreadKey);

/// <summary>An item of a feed that could not become a post, kept with its reason and its content as it came, XML or JSON (issue 12: nothing dropped without trace).</summary>
/// <param name="Position">Its place in the feed, from 1.</param>
public sealed record SetAsideItem(int Position, string Reason, string Content);

/// <summary>What a feed held: its format ("rss 2.0", "rss 1.0", "atom 0.3"...), its posts and the items set aside; a warning
/// when the XML was not well-formed and only what came before the fault could be read.</summary>
public sealed record FeedReading(string Format, IReadOnlyList<FeedPost> Posts, IReadOnlyList<SetAsideItem> SetAside, string? Warning = null);

/// <summary>
/// Reads RSS (0.90 to 2.0, with or without a version, empty), RSS 1.0/RDF, Atom 0.3 and 1.0 and CDF, by element names
/// whatever their namespace, as mainstream feed readers do (issue 12: the previous reader refused 167 of 405 files
/// of a feed parser's test suite). The bytes are decoded first (<see cref="FeedDecoding"/>), the XML repaired when it
/// is not well-formed (<see cref="FeedXml"/>); each item is read on its own, so one flawed item is set aside with its
/// reason and never rejects the feed. Relative links resolve against xml:base and the feed's URL; HTML in titles
/// becomes text (the intake sanitises the HTML it keeps); an item with no id is identified by its link, else by a
/// hash of what it says (so a later poll dedupes it); a missing date is left empty.
/// </summary>
public static class FeedParser
{
    public static IReadOnlyList<FeedPost> Parse(Stream content, Uri feedUrl) => Read(content, feedUrl).Posts;

    public static FeedReading Read(Stream content, Uri feedUrl)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var (document, warning) = FeedXml.Load(FeedDecoding.Decode(buffer.ToArray()));
        var root = document.Root ?? throw new InvalidFeedException("The document has no root element.", new FormatException());
        var (format, items) = Shape(root);
        var posts = new List<FeedPost>();
        var aside = new List<SetAsideItem>();
        var position = 0;
        foreach (var item in items)
        {
            position++;
            string? reason;
            try
            {
                var post = FeedItems.Read(item, format, feedUrl, out reason);
                if (post is not null)
                {
                    posts.Add(post);
                    continue;
                }
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or System.Xml.XmlException)
            {
                reason = $"The item could not be read: {ex.Message}";
            }
            aside.Add(new SetAsideItem(position, reason ?? "The item could not be read.", item.ToString(SaveOptions.DisableFormatting)));
        }
        return new FeedReading(format, posts, aside, warning);
    }

    /// <summary>The feed's format and its items, from the root element.</summary>
    private static (string Format, IEnumerable<XElement> Items) Shape(XElement root)
    {
        var channel = FeedItems.Child(root, "channel");
        switch (root.Name.LocalName.ToLowerInvariant())
        {
            case "rss":
                var version = root.Attribute("version")?.Value.Trim();
                return (string.IsNullOrEmpty(version) ? "rss" : "rss " + version, Items(root, channel, "item"));
            case "rdf":
                var ns = (channel ?? FeedItems.Child(root, "item"))?.Name.NamespaceName ?? "";
                return (ns.Contains("0.9", StringComparison.Ordinal) ? "rss 0.90" : "rss 1.0", Items(root, channel, "item"));
            case "feed":
                var atom = root.Name.NamespaceName == "http://www.w3.org/2005/Atom" ? "atom 1.0"
                    : root.Name.NamespaceName.StartsWith("http://purl.org/atom", StringComparison.Ordinal) || root.Attribute("version")?.Value == "0.3" ? "atom 0.3"
                    : "atom";
                return (atom, root.Elements().Where(e => FeedItems.Is(e, "entry") || FeedItems.Is(e, "item")));
            case "channel":
                return ("cdf", root.Descendants().Where(e => FeedItems.Is(e, "item")));
            default:
                throw new InvalidFeedException($"Not an RSS, RDF or Atom feed: the document's root is <{root.Name.LocalName}>.", new FormatException());
        }
    }

    // Items belong in the channel; RSS 0.90 and RDF put them beside it, and some feeds do so in RSS 2.0 too.
    private static IEnumerable<XElement> Items(XElement root, XElement? channel, string name) =>
        (channel?.Elements() ?? []).Concat(root.Elements()).Where(e => FeedItems.Is(e, name));
}

/// <summary>Reads one item or entry into a post; null with the reason when there is nothing to take.</summary>
internal static class FeedItems
{
    private static readonly string[] DateElements = ["pubDate", "published", "issued", "created", "date", "updated", "modified"];

    public static bool Is(XElement element, string localName) => string.Equals(element.Name.LocalName, localName, StringComparison.OrdinalIgnoreCase);

    public static XElement? Child(XElement parent, params string[] names) =>
        names.Select(n => parent.Elements().FirstOrDefault(e => Is(e, n))).FirstOrDefault(e => e is not null);

    public static FeedPost? Read(XElement item, string format, Uri feedUrl, out string? reason)
    {
        reason = null;
        var atom = format.StartsWith("atom", StringComparison.Ordinal);
        var titleElement = Child(item, "title");
        var (titleHtml, titleText) = titleElement is null ? (null, "") : Content(titleElement, html: !atom);
        var title = (titleHtml is null ? titleText : HtmlCleaner.ToPlainText(titleHtml)).Trim();
        string[] bodies = atom ? ["content", "summary"] : ["encoded", "description", "summary", "body", "fullitem", "abstract", "content", "subtitle"];
        // The first that says something: an empty <content src="..."/> leaves the summary to speak.
        var body = bodies.SelectMany(n => item.Elements().Where(e => Is(e, n))).FirstOrDefault(e => e.HasElements || !string.IsNullOrWhiteSpace(e.Value));
        var (html, plain) = body is null ? (null, "") : Content(body, html: !atom);
        var text = (html is null ? plain : HtmlCleaner.ToPlainText(html)).Trim();
        var link = Link(item, feedUrl);
        var id = Text(Child(item, "guid", "id"))
                 ?? (item.Attributes().FirstOrDefault(a => a.Name.LocalName == "about")?.Value.Trim() is { Length: > 0 } about ? about : null)
                 ?? link?.ToString();
        if (id is null)
        {
            if (title.Length == 0 && text.Length == 0 && string.IsNullOrWhiteSpace(html))
            {
                reason = "The item has no id, link, title or text: there is nothing to take.";
                return null;
            }
            // No identity of its own: what it says identifies it, so the next poll finds the same post (a duplicate).
            id = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{title}\n{html ?? text}")))[..32];
        }
        var published = DateElements.Select(n => FeedDates.Parse(Text(Child(item, n)))).FirstOrDefault(d => d is not null)
                        ?? FeedDates.Parse(item.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals("lastmod", StringComparison.OrdinalIgnoreCase))?.Value);
        var thread = link is null ? id : new UriBuilder(link) { Fragment = "" }.Uri.ToString();
        return new FeedPost(id, title, text.Length > 0 ? text : title, html, link?.ToString(), Author(item), Categories(item), published, thread);
    }

    private static string? Text(XElement? element) => element?.Value.Trim() is { Length: > 0 } value ? value : null;

    /// <summary>
    /// A text construct as HTML or as plain text: Atom's type (text, html, xhtml, a MIME type) and Atom 0.3's mode
    /// (escaped, xml, base64); RSS elements are HTML. An unknown type is read as text, never refused.
    /// </summary>
    private static (string? Html, string Text) Content(XElement element, bool html)
    {
        var type = element.Attribute("type")?.Value.Trim().ToLowerInvariant() ?? "";
        var mode = element.Attribute("mode")?.Value.Trim().ToLowerInvariant() ?? "";
        var isHtml = html || type.Contains("html", StringComparison.Ordinal) || mode == "escaped";
        if (type is "xhtml" or "application/xhtml+xml" || mode == "xml" || element.HasElements)
        {
            var nodes = element.Elements().Count() == 1 && element.Nodes().All(n => n is XElement || (n is XText t && string.IsNullOrWhiteSpace(t.Value)))
                ? element.Elements().Single().Nodes()
                : element.Nodes();
            return (string.Concat(nodes.Select(n => n.ToString(SaveOptions.DisableFormatting))), "");
        }
        var binary = mode == "base64" || (type.Length > 0 && type is not ("text" or "html") && !type.StartsWith("text/", StringComparison.Ordinal)
                                          && !type.EndsWith("xml", StringComparison.Ordinal) && !type.Contains("html", StringComparison.Ordinal));
        var value = element.Value;
        if (binary)
        {
            try
            {
                value = Encoding.UTF8.GetString(Convert.FromBase64String(value.Trim()));
            }
            catch (FormatException)
            {
                // Not base64 after all: the text as it stands.
            }
        }
        return isHtml ? (value, "") : (null, value);
    }

    /// <summary>The item's own page: an alternate link, else any link, a permalink guid, CDF's href or RDF's about; resolved against xml:base.</summary>
    private static Uri? Link(XElement item, Uri feedUrl)
    {
        var links = item.Elements().Where(e => Is(e, "link")).ToList();
        var chosen = links.FirstOrDefault(l => l.Attribute("href") is not null && (l.Attribute("rel")?.Value ?? "alternate") == "alternate")
                     ?? links.FirstOrDefault(l => Text(l) is not null)
                     ?? links.FirstOrDefault(l => l.Attribute("href") is not null);
        var raw = chosen is null ? null : chosen.Attribute("href")?.Value ?? Text(chosen);
        var at = chosen ?? item;
        if (raw is null && Child(item, "guid") is { } guid && guid.Attribute("isPermaLink")?.Value.Trim() != "false"
            && Uri.TryCreate(Text(guid), UriKind.Absolute, out var permalink) && permalink.Scheme is "http" or "https")
            raw = permalink.ToString();
        raw ??= item.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals("href", StringComparison.OrdinalIgnoreCase))?.Value;
        if (string.IsNullOrWhiteSpace(raw)) return null;
        return Uri.TryCreate(Base(at, feedUrl), raw.Trim(), out var link) && link.Scheme is "http" or "https" ? link : null;
    }

    /// <summary>The base URI in effect at an element: the feed's URL, then each xml:base from the root down.</summary>
    private static Uri Base(XElement element, Uri feedUrl)
    {
        var current = feedUrl;
        foreach (var ancestor in element.AncestorsAndSelf().Reverse())
            if (ancestor.Attribute(XNamespace.Xml + "base")?.Value is { } value && Uri.TryCreate(current, value.Trim(), out var next))
                current = next;
        return current;
    }

    private static string? Author(XElement item)
    {
        foreach (var element in item.Elements().Where(e => Is(e, "author") || Is(e, "creator") || Is(e, "contributor")))
        {
            var name = Child(element, "name") is { } named ? Text(named) : Text(Child(element, "email")) ?? (element.HasElements ? null : Text(element));
            if (name is not null) return name;
        }
        return null;
    }

    private static List<string> Categories(XElement item) =>
        [.. item.Elements().Where(e => Is(e, "category") || Is(e, "subject"))
            .Select(e => Text(e) ?? e.Attribute("label")?.Value.Trim() ?? e.Attribute("term")?.Value.Trim())
            .OfType<string>().Where(c => c.Length > 0)];
}

/// <summary>The source sent something that is not a feed this reader knows (or not XML at all).</summary>
public sealed class InvalidFeedException(string message, Exception inner) : FormatException(message, inner);
