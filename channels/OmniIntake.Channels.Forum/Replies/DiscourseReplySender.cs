using System.Net.Http.Json;
using System.Text.Json;
using OmniIntake.Channels.Forum.Setup;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Outbound;

namespace OmniIntake.Channels.Forum.Replies;

/// <summary>
/// Posts an agent's reply in the forum thread, in the centre's name (policy 5.3.3): for a Discourse source with an API
/// key, POST /posts.json {topic_id, raw} as ApiUsername, and the new post's link comes back as the reply's provider id
/// (the dispatcher records it as the public reply). For a feed source there is no API: the reply is marked for posting
/// by hand, and the agent records the posted link on the case.
/// </summary>
public sealed class DiscourseReplySender(ForumOptions options, IHttpClientFactory http) : IChannelSender
{
    public Channel Channel => Channel.Forum;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        // The case's thread key is "forum:<source>:<thread>", a Discourse thread being "topic:<id>".
        var parts = message.ThreadKey?.Split(':', 4) ?? [];
        var source = parts.Length >= 3 ? options.Sources.FirstOrDefault(s => s.Name == parts[1]) : null;
        if (source is not { Kind: SourceKind.Discourse, ApiKey.Length: > 0 } || parts.Length < 4 || parts[2] != "topic"
            || !long.TryParse(parts[3], System.Globalization.CultureInfo.InvariantCulture, out var topic))
            return SendResult.Manual("Post this reply in the forum thread (its link is on the case), in the centre's name, then record it as posted.");

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(source.Url), "/posts.json"))
        {
            Content = JsonContent.Create(new { topic_id = topic, raw = message.Text }),
        };
        request.Headers.TryAddWithoutValidation("Api-Key", source.ApiKey);
        request.Headers.TryAddWithoutValidation("Api-Username", source.ApiUsername ?? "system");
        HttpResponseMessage response;
        try
        {
            response = await http.CreateClient("forum").SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return SendResult.Retry($"The forum could not be reached: {ex.Message}");
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if ((int)response.StatusCode is 429 or >= 500) return SendResult.Retry($"The forum answered {(int)response.StatusCode}.");
            if (!response.IsSuccessStatusCode) return SendResult.Failed($"The forum refused the reply: {(int)response.StatusCode} {Trim(body)}");
            using var post = JsonDocument.Parse(body);
            var root = post.RootElement;
            var slug = root.TryGetProperty("topic_slug", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : "topic";
            var number = root.TryGetProperty("post_number", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : 1;
            return SendResult.Sent(new Uri(new Uri(source.Url), $"/t/{slug}/{topic}/{number}").ToString());
        }
    }

    private static string Trim(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
