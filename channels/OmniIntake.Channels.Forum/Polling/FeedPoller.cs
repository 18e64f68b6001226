using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Logging;
using OmniIntake.Channels.Forum.Feeds;
using OmniIntake.Channels.Forum.Setup;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Polling;
using OmniIntake.Core.Resilience;

namespace OmniIntake.Channels.Forum.Polling;

/// <summary>One poll's outcome: the items the feed held, taken, ignored by the filters, set aside (kept with their reason in
/// the raw messages as failed, issue 12), the error that failed the poll, and a warning when the feed had to be repaired.</summary>
public sealed record FeedPollResult(bool NotModified, int Items, int Taken, int Ignored, string? Error = null, int SetAside = 0, string? Warning = null);

/// <summary>
/// One poll of one source (run by its Hangfire recurring job): a conditional GET (If-None-Match / If-Modified-Since
/// from the source's cursor), the feed parsed, each post that passes the filters taken in through the intake (which
/// dedupes on the post's id, so a restart or an overlapping poll repeats nothing), the rest ignored and counted. A
/// failing source backs off (1, 2, 4... minutes, at most an hour) and shows as failing to supervisors. An item that
/// cannot become a post is kept as a failed raw message with its reason (the supervisors' list), never dropped.
/// Issue 17 items 1 and 2: each post is one unit (<see cref="IInboundUnits"/>), and a feed's posts go in as concurrent
/// units, up to <see cref="Parallelism"/> at once, one thread's posts in feed order; the cursor (the feed's validators)
/// is stored only when every post's unit committed, so it never passes a post that was not taken.
/// </summary>
public sealed class FeedPoller(IHttpClientFactory http, IIntake intake, IPollerStateStore state, IRawMessageStore raw, TimeProvider clock,
    ILogger<FeedPoller> logger, IInboundUnits? units = null)
{
    /// <summary>How many posts of one feed are taken in at once.</summary>
    public const int Parallelism = 16;

    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public static string PollerName(FeedSourceOptions source) => "forum:" + source.Name;

    /// <param name="now">A supervisor's "poll now" (issue 12): no back-off, the source is read at once.</param>
    public async Task<FeedPollResult> PollAsync(FeedSourceOptions source, CancellationToken cancellationToken, bool now = false)
    {
        var name = PollerName(source);
        var known = await state.FindAsync(name, cancellationToken);
        if (!now && known is { Failures: > 0, LastAttemptAt: { } last }
            && clock.GetUtcNow() - last < TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, known.Failures - 1))))
            return new FeedPollResult(false, 0, 0, 0, "backing off");
        if (!await state.TryLeaseAsync(name, _holder, TimeSpan.FromMinutes(2), cancellationToken)) return new FeedPollResult(false, 0, 0, 0, "polled elsewhere");
        try
        {
            var result = await FetchAndTakeAsync(source, name, cancellationToken);
            await state.RecordAsync(name, result.Error, cancellationToken);
            return result;
        }
        finally
        {
            await state.ReleaseAsync(name, _holder, CancellationToken.None);
        }
    }

    private async Task<FeedPollResult> FetchAndTakeAsync(FeedSourceOptions source, string name, CancellationToken cancellationToken)
    {
        var cursor = await state.CursorAsync(name, cancellationToken);
        var (etag, modified) = Validators(cursor);
        var url = source.Kind == SourceKind.Discourse ? new Uri(new Uri(source.Url), "/posts.json") : new Uri(source.Url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (source.Kind == SourceKind.Discourse && source.ApiKey is { Length: > 0 } key)
        {
            request.Headers.TryAddWithoutValidation("Api-Key", key);
            request.Headers.TryAddWithoutValidation("Api-Username", source.ApiUsername ?? "system");
        }
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (modified is not null) request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
        HttpResponseMessage response;
        try
        {
            response = await http.CreateClient("forum").SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return Failed(source, $"The source could not be reached: {ex.Message}");
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotModified) return new FeedPollResult(true, 0, 0, 0);
            if (!response.IsSuccessStatusCode) return Failed(source, $"The source answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            if (response.Content.Headers.ContentLength > source.MaxFeedBytes)
                return Failed(source, $"The feed is {response.Content.Headers.ContentLength} bytes, above MaxFeedBytes ({source.MaxFeedBytes}).");
            FeedReading reading;
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                reading = source.Kind == SourceKind.Discourse ? DiscourseParser.Read(body, new Uri(source.Url)) : FeedParser.Read(body, new Uri(source.Url));
            }
            catch (Exception ex) when (ex is XmlException or FormatException or InvalidOperationException)
            {
                return Failed(source, $"The feed could not be read: {ex.Message}");
            }
            var posts = reading.Posts;
            foreach (var item in reading.SetAside) await SetAsideAsync(source, item, cancellationToken);
            var chosen = posts.Where(p => Filters.Pass(source, p)).ToList();
            var ignored = posts.Count - chosen.Count;
            var (taken, error) = await TakeAsync(source, chosen, cancellationToken);
            if (error is not null)
            {
                // Issue 17 item 2: a post was not committed, so the cursor does not move: the next poll fetches the whole
                // feed again (no 304) and takes what is missing; what was taken meanwhile is a duplicate by its id.
                logger.LogWarning("Forum source {Source}: {Taken} taken, then a post could not be taken ({Error}); the feed is read again next time.",
                    source.Name, taken, error);
                return new FeedPollResult(false, posts.Count + reading.SetAside.Count, taken, ignored, error, reading.SetAside.Count, reading.Warning);
            }
            // A feed read only up to a fault keeps no validators: the next poll fetches it whole instead of hearing 304.
            var next = reading.Warning is null ? Serialize(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R")) : Serialize(null, null);
            await state.TryLeaseAsync(name, _holder, TimeSpan.FromMinutes(2), cancellationToken);
            await state.AdvanceAsync(name, _holder, new PollerCursor(next, posts.Count), taken, cancellationToken);
            // The count of the feed as it stands now (a feed carries its recent posts again and again).
            await state.RecordIgnoredAsync(name, ignored, cancellationToken);
            if (taken > 0 || ignored > 0 || reading.SetAside.Count > 0)
                logger.LogInformation("Forum source {Source}: {Taken} taken, {Ignored} ignored by the filters, {SetAside} set aside.", source.Name, taken, ignored,
                    reading.SetAside.Count);
            if (reading.Warning is not null) logger.LogInformation("Forum source {Source}: {Warning}", source.Name, reading.Warning);
            return new FeedPollResult(false, posts.Count + reading.SetAside.Count, taken, ignored, null, reading.SetAside.Count, reading.Warning);
        }
    }

    /// <summary>
    /// The chosen posts as concurrent units: one lane per thread (its posts in feed order, each committed before the next,
    /// so a reply finds the case its topic opened), up to <see cref="Parallelism"/> lanes at once. A post the intake refuses
    /// is set aside alone; a failure of the database stops that lane and is returned, and the cursor stays where it was.
    /// </summary>
    private async Task<(int Taken, string? Error)> TakeAsync(FeedSourceOptions source, List<FeedPost> chosen, CancellationToken cancellationToken)
    {
        var taken = 0;
        string? error = null;
        var lanes = chosen.Select((post, position) => (post, position)).GroupBy(p => p.post.ThreadKey, StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(lanes, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (lane, ct) =>
            {
                foreach (var (post, position) in lane)
                {
                    try
                    {
                        var result = await InUnitAsync(c => intake.AcceptAsync(Message(source, post), c), ct);
                        if (result.Outcome != IntakeOutcome.Duplicate) Interlocked.Increment(ref taken);
                    }
                    catch (InvalidInboundMessageException ex)
                    {
                        // The post itself cannot become a case: kept with its reason, the others go on.
                        await SetAsideAsync(source, new SetAsideItem(position, ex.Message, $"{post.Id}\n{post.Title}\n{post.Text}"), ct);
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested && TransientFailure.Is(ex))
                    {
                        Interlocked.CompareExchange(ref error, TransientFailure.Describe(ex), null);
                        return; // the rest of this thread waits for the next poll, in order
                    }
                }
            });
        return (taken, error);
    }

    private Task<T> InUnitAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        (units ?? NoInboundUnits.Instance).RunAsync(work, cancellationToken);

    /// <summary>Keeps the item as it came as a failed forum raw message with its reason; the same item polled again is kept once.</summary>
    private async Task SetAsideAsync(FeedSourceOptions source, SetAsideItem item, CancellationToken cancellationToken)
    {
        var content = Encoding.UTF8.GetBytes(item.Content);
        var externalId = $"{source.Name}:item:{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}";
        // One unit: the item is kept and settled together.
        var id = await InUnitAsync(async ct =>
        {
            var kept = await raw.KeepAsync(new RawMessage(Channel.Forum, externalId, content,
                source.Kind == SourceKind.Discourse ? "application/json" : "application/xml", clock.GetUtcNow()), ct);
            await raw.SettleAsync(kept, RawDisposition.Failed, null, $"Feed item {item.Position}: {item.Reason}", ct);
            return kept;
        }, cancellationToken);
        logger.LogDebug("Forum source {Source}: item {Position} set aside as raw message {RawId}: {Reason}", source.Name, item.Position, id, item.Reason);
    }

    private InboundMessage Message(FeedSourceOptions source, FeedPost post)
    {
        var now = clock.GetUtcNow();
        var author = string.IsNullOrWhiteSpace(post.Author) ? "anonymous" : post.Author.Trim();
        return new InboundMessage
        {
            Channel = Channel.Forum,
            ExternalId = $"{source.Name}:{post.Id}",
            Sender = ContactHandle.Create(ContactHandleKind.Forum, $"{source.Name}:{author}"),
            SenderName = author,
            Subject = post.Title.Length > 0 ? post.Title : null,
            Text = post.Link is null ? post.Text : $"{post.Text}\n\n{post.Link}",
            Html = post.Html,
            // A post's own date, when it has one and it is not in the future; else when the hub saw it.
            ReceivedAt = post.Published is { } published && published <= now ? published : now,
            Thread = new ThreadHints { SessionKey = $"forum:{source.Name}:{post.ThreadKey}" },
        };
    }

    private FeedPollResult Failed(FeedSourceOptions source, string error)
    {
        logger.LogWarning("Forum source {Source}: {Error}", source.Name, error);
        return new FeedPollResult(false, 0, 0, 0, error);
    }

    /// <summary>The cursor's epoch holds the validators of the last good response: "etag\nlast-modified".</summary>
    private static (string? ETag, string? LastModified) Validators(PollerCursor? cursor)
    {
        if (cursor is null) return (null, null);
        var parts = cursor.Epoch.Split('\n');
        return (parts[0].Length > 0 ? parts[0] : null, parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }

    private static string Serialize(string? etag, string? lastModified) => $"{etag}\n{lastModified}";
}

/// <summary>Which posts are complaints: category, tag, author and keyword filters (each passes when empty).</summary>
public static class Filters
{
    public static bool Pass(FeedSourceOptions source, FeedPost post) =>
        (source.Categories.Count == 0 || post.Categories.Any(c => source.Categories.Contains(c, StringComparer.OrdinalIgnoreCase)))
        && (source.Tags.Count == 0 || post.Categories.Any(c => source.Tags.Contains(c, StringComparer.OrdinalIgnoreCase)))
        && (source.Authors.Count == 0 || (post.Author is { } a && source.Authors.Contains(a, StringComparer.OrdinalIgnoreCase)))
        && (source.Keywords.Count == 0 || source.Keywords.Any(k => post.Title.Contains(k, StringComparison.OrdinalIgnoreCase)
                                                                   || post.Text.Contains(k, StringComparison.OrdinalIgnoreCase)));
}
