using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using OmniIntake.Channels.Sms.Setup;
using OmniIntake.Core.Attachments;
using OmniIntake.Core.Messages;

namespace OmniIntake.Channels.Sms.Media;

/// <summary>
/// Fetches the media of an MMS (MediaUrl0..N of the webhook) with the account's credentials and keeps them in the
/// attachment store (issue 16 item 4). Only from the hosts in Channels:Sms:MediaHosts (Twilio's): a webhook naming any
/// other host is not followed, so the hub never fetches an address a sender chose, and the credentials go to Twilio's API
/// host only (a redirect to Twilio's media CDN is followed without them). What cannot be fetched or kept is recorded
/// with its reason, and the message is kept all the same.
/// </summary>
public sealed class MmsMediaFetcher(SmsOptions options, IAttachmentStore store, ILogger<MmsMediaFetcher> logger) : IDisposable
{
    private const int MaxRedirects = 3;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <param name="messageSid">The message's SID: a webhook delivered again (Twilio retries, the reconciliation) finds its media
    /// kept under "twilio:&lt;sid&gt;:&lt;index&gt;" and fetches nothing twice (issue 16 item 3).</param>
    public async Task<IReadOnlyList<Attachment>> FetchAsync(string messageSid, IReadOnlyList<(string Url, string ContentType)> media,
        CancellationToken cancellationToken)
    {
        var kept = new List<Attachment>(media.Count);
        for (var i = 0; i < media.Count; i++)
        {
            var name = $"media-{i + 1}";
            var declared = media[i].ContentType.ToLowerInvariant();
            if (!Uri.TryCreate(media[i].Url, UriKind.Absolute, out var url) || !options.AllowsMediaHost(url))
            {
                logger.LogWarning("An MMS named a media host that is not in Channels:Sms:MediaHosts ({Host}); the medium was not fetched.", url?.Host);
                kept.Add(new Attachment(name, declared, 0, null, MediaRefusals.HostNotAllowed));
                continue;
            }
            var origin = $"twilio:{messageSid}:{i}";
            if (await store.FindByOriginAsync(origin, cancellationToken) is { } keptBefore)
            {
                kept.Add(keptBefore);
                continue;
            }
            var content = await DownloadAsync(url, cancellationToken);
            if (content is null)
            {
                kept.Add(new Attachment(name, declared, 0, null, MediaRefusals.NotFetched));
                continue;
            }
            kept.Add(await store.KeepOnceAsync(origin, name, content, cancellationToken));
        }
        return kept;
    }

    private async Task<byte[]?> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.AccountSid}:{options.AuthToken}"));
        var apiHost = new Uri(options.ApiBaseUrl).Host;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            // The account's credentials only to the API host itself, never to where it redirects.
            if (string.Equals(url.Host, apiHost, StringComparison.OrdinalIgnoreCase))
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                    if (!options.AllowsMediaHost(next))
                    {
                        logger.LogWarning("Twilio redirected an MMS medium to a host not in Channels:Sms:MediaHosts ({Host}); not followed.", next.Host);
                        return null;
                    }
                    url = next;
                    continue;
                }
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    logger.LogWarning("An MMS medium could not be fetched: HTTP {Status}.", (int)response.StatusCode);
                    return null;
                }
                return await response.Content.ReadAsByteArrayAsync(cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning("An MMS medium could not be fetched: {Error}", ex.Message);
                return null;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("An MMS medium could not be fetched in time.");
                return null;
            }
        }
        return null;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>The reasons recorded on an MMS medium that was not kept (the workspace words them for the agent).</summary>
public static class MediaRefusals
{
    public const string HostNotAllowed = "attachment.host-not-allowed";
    public const string NotFetched = "attachment.not-fetched";
}
