using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using OmniIntake.Core.Text;

namespace OmniIntake.Channels.Forum.Feeds;

/// <summary>One post as the hub sees it, whatever shape its feed had.</summary>
public sealed record FeedPost(string Id, string Title, string Text, string? Html, string? Link, string? Author, IReadOnlyList<string> Categories,
    DateTimeOffset? Published, string ThreadKey);

/// <summary>
/// Reads RSS 2.0 and Atom 1.0 with System.ServiceModel.Syndication (the maintained .NET feed library): the encoding
/// declared in the XML prolog (GBK included), relative links resolved against xml:base or the feed's URL, HTML in
/// titles turned into text (the intake sanitises the HTML it keeps), a missing id replaced by the link, a missing date left empty.
/// </summary>
public static class FeedParser
{
    static FeedParser() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<FeedPost> Parse(Stream content, Uri feedUrl)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1_000_000 };
        SyndicationFeed feed;
        try
        {
            using var reader = XmlReader.Create(content, settings);
            feed = SyndicationFeed.Load(reader);
        }
        catch (Exception ex) when (ex is XmlException or NotSupportedException or ArgumentException)
        {
            throw new InvalidFeedException(ex.Message, ex);
        }
        var posts = new List<FeedPost>();
        foreach (var item in feed.Items)
        {
            var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.GetAbsoluteUri()
                       ?? item.Links.FirstOrDefault()?.GetAbsoluteUri();
            if (link is { IsAbsoluteUri: false }) link = new Uri(item.BaseUri ?? feed.BaseUri ?? feedUrl, link);
            else if (link is null && item.Links.FirstOrDefault()?.Uri is { } relative) link = new Uri(feed.BaseUri ?? feedUrl, relative);
            var id = !string.IsNullOrWhiteSpace(item.Id) ? item.Id.Trim() : link?.ToString();
            if (id is null) continue; // nothing identifies it: it could not be deduplicated
            var html = (item.Content as TextSyndicationContent)?.Text ?? item.Summary?.Text;
            var text = html is null ? "" : HtmlCleaner.ToPlainText(html).Trim();
            var title = HtmlCleaner.ToPlainText(item.Title?.Text ?? "").Trim();
            var author = item.Authors.Select(a => a.Name ?? a.Email).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))
                         ?? item.ElementExtensions.Where(e => e.OuterName == "creator").Select(e => e.GetObject<string>()).FirstOrDefault();
            var published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : (DateTimeOffset?)null;
            var thread = link is null ? id : new UriBuilder(link) { Fragment = "" }.Uri.ToString();
            posts.Add(new FeedPost(id, title, text.Length > 0 ? text : title, html, link?.ToString(), author,
                item.Categories.Select(c => c.Label ?? c.Name).Where(c => !string.IsNullOrWhiteSpace(c)).ToList(), published, thread));
        }
        return posts;
    }
}

/// <summary>The source sent something that is not an RSS 2.0 or Atom 1.0 feed.</summary>
public sealed class InvalidFeedException(string message, Exception inner) : FormatException(message, inner);
