using System.Globalization;
using System.Text.Json;
using OmniIntake.Core.Text;

namespace OmniIntake.Channels.Forum.Feeds;

/// <summary>
/// Reads Discourse's latest posts (GET /posts.json: latest_posts[] with id, topic_id, topic_slug, topic_title,
/// post_number, username, cooked HTML, category_id, created_at) into posts; a topic is a thread. A post without an id
/// or a topic is set aside with its reason (issue 12: it was dropped without trace).
/// </summary>
public static class DiscourseParser
{
    public static IReadOnlyList<FeedPost> Parse(Stream content, Uri baseUrl) => Read(content, baseUrl).Posts;

    public static FeedReading Read(Stream content, Uri baseUrl)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException ex)
        {
            throw new InvalidFeedException($"Not Discourse JSON: {ex.Message}", ex);
        }
        using (document)
        {
            if (!document.RootElement.TryGetProperty("latest_posts", out var latest) || latest.ValueKind != JsonValueKind.Array)
                throw new InvalidFeedException("Not a Discourse /posts.json answer: latest_posts is missing.", new FormatException());
            var posts = new List<FeedPost>();
            var aside = new List<SetAsideItem>();
            var position = 0;
            foreach (var post in latest.EnumerateArray())
            {
                position++;
                if (!post.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.Number
                    || !post.TryGetProperty("topic_id", out var topic) || topic.ValueKind != JsonValueKind.Number)
                {
                    aside.Add(new SetAsideItem(position, "The post has no numeric id or topic_id: it cannot be identified.", post.GetRawText()));
                    continue;
                }
                var cooked = Text(post, "cooked") ?? Text(post, "raw") ?? "";
                var slug = Text(post, "topic_slug") ?? "topic";
                var number = post.TryGetProperty("post_number", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : 1;
                var link = new Uri(baseUrl, $"/t/{slug}/{topic.GetInt64()}/{number}").ToString();
                var category = post.TryGetProperty("category_id", out var c) && c.ValueKind == JsonValueKind.Number
                    ? [c.GetInt64().ToString(CultureInfo.InvariantCulture)]
                    : Array.Empty<string>();
                var created = Text(post, "created_at") is { } at && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : (DateTimeOffset?)null;
                var text = HtmlCleaner.ToPlainText(cooked).Trim();
                posts.Add(new FeedPost($"post:{id.GetInt64()}", HtmlCleaner.ToPlainText(Text(post, "topic_title") ?? "").Trim(), text.Length > 0 ? text : "(empty post)",
                    cooked, link, Text(post, "username"), category, created, $"topic:{topic.GetInt64()}"));
            }
            return new FeedReading("discourse", posts, aside);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
