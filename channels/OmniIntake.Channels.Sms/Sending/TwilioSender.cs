using OmniIntake.Channels.Sms.Setup;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Outbound;
using OmniIntake.Core.Sms;
using OmniIntake.Core.Text;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace OmniIntake.Channels.Sms.Sending;

/// <summary>
/// Sends SMS replies through the Twilio SDK (Messages create) with a StatusCallback, so delivery is reported back.
/// 429 and 5xx are worth another try (the outbox backs off); 21610 (the number unsubscribed) never is, and records
/// the opt-out; an opted-out number is not sent to at all.
/// </summary>
public sealed class TwilioSender(SmsOptions options, TwilioClientFactory clients, IOptOutStore optOuts) : IChannelSender
{
    public Channel Channel => Channel.Sms;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        if (await optOuts.IsOptedOutAsync(message.Recipient, cancellationToken))
            return SendResult.Failed($"{message.Recipient} opted out of SMS (STOP); it gets nothing until it sends START.");
        var segments = SmsSegments.Count(message.Text).Segments;
        try
        {
            var sent = await MessageResource.CreateAsync(
                to: new PhoneNumber(message.Recipient),
                from: options.MessagingServiceSid is null ? new PhoneNumber(options.From) : null,
                messagingServiceSid: options.MessagingServiceSid,
                body: message.Text,
                statusCallback: options.PublicUrl is { Length: > 0 } url ? new Uri(url.TrimEnd('/') + Webhooks.TwilioWebhooks.StatusPath) : null,
                client: clients.Client);
            return SendResult.Sent(sent.Sid) with { Segments = int.TryParse(sent.NumSegments, out var n) ? n : segments };
        }
        catch (ApiException ex) when (ex.Code == 21610)
        {
            await optOuts.OptOutAsync(message.Recipient, "21610", cancellationToken);
            return SendResult.Failed($"Twilio 21610: {message.Recipient} has unsubscribed; recorded as opted out.");
        }
        // Status 0: the SDK could not read the error body (a proxy's page): as transient as a 5xx.
        catch (ApiException ex) when (ex.Status is 0 or 429 or >= 500)
        {
            return SendResult.Retry($"Twilio {ex.Status} ({ex.Code}): {ex.Message}");
        }
        catch (ApiException ex)
        {
            return SendResult.Failed($"Twilio {ex.Status} ({ex.Code}): {ex.Message}");
        }
        catch (ApiConnectionException ex)
        {
            return SendResult.Retry($"Twilio could not be reached: {ex.Message}");
        }
    }
}

/// <summary>One Twilio REST client for the hub, pointed at <see cref="SmsOptions.ApiBaseUrl"/> (tests: a local stand-in).</summary>
public sealed class TwilioClientFactory(SmsOptions options) : IDisposable
{
    private readonly System.Net.Http.HttpClient _http = new(new ApiBaseHandler(new Uri(options.ApiBaseUrl)) { InnerHandler = new System.Net.Http.HttpClientHandler() })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public ITwilioRestClient Client => field ??= new TwilioRestClient(options.AccountSid, options.AuthToken, httpClient: new SystemNetHttpClient(_http));

    public void Dispose() => _http.Dispose();

    /// <summary>Sends what the SDK addresses to api.twilio.com to the configured base instead.</summary>
    private sealed class ApiBaseHandler(Uri baseUri) : System.Net.Http.DelegatingHandler
    {
        protected override Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { } uri && uri.Host.EndsWith("twilio.com", StringComparison.OrdinalIgnoreCase) && baseUri.Host != uri.Host)
                request.RequestUri = new UriBuilder(uri) { Scheme = baseUri.Scheme, Host = baseUri.Host, Port = baseUri.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
