namespace OmniIntake.Channels.Sms.Setup;

/// <summary>Bound from configuration section "Channels:Sms".</summary>
public sealed class SmsOptions
{
    public const string Section = "Channels:Sms";

    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }

    /// <summary>The organisation's number (E.164) replies are sent from, unless <see cref="MessagingServiceSid"/> is set.</summary>
    public string? From { get; set; }

    public string? MessagingServiceSid { get; set; }

    /// <summary>
    /// The public base URL Twilio calls (e.g. https://hub.example.org), as configured in Twilio's console. Behind a
    /// reverse proxy the signature is computed over THIS URL, not the one the hub sees. When unset, the request's own
    /// scheme and host (after forwarded headers) are used.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Where the Twilio REST API is (tests point it at a local stand-in).</summary>
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>The organisation's contact line, the answer to HELP.</summary>
    public string HelpText { get; set; } = "投诉热线 Complaints: reply with your complaint, or call the service centre.";

    /// <summary>Messages one number may send per minute before it gets 429.</summary>
    public int MessagesPerMinutePerNumber { get; set; } = 20;

    /// <summary>How far back the reconciliation looks for messages the webhook never delivered.</summary>
    public TimeSpan ReconcileWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// The only hosts MMS media are fetched from (issue 16 item 4): Twilio's API host and its media CDN. A MediaUrl or a
    /// redirect to any other host is not followed (the message is kept with a note).
    /// </summary>
    /// <remarks>Null means the default; configured lists replace it (the binder would add to a pre-filled list).</remarks>
    public List<string>? MediaHosts { get; set; }

    public IReadOnlyList<string> EffectiveMediaHosts => MediaHosts is { Count: > 0 } listed ? listed : ["api.twilio.com", "media.twiliocdn.com"];

    /// <summary>An https URL on a listed host (http only for a listed loopback host, the tests' stand-in).</summary>
    public bool AllowsMediaHost(Uri url) =>
        EffectiveMediaHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase) && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));

    public bool IsConfigured => !string.IsNullOrEmpty(AccountSid) && !string.IsNullOrEmpty(AuthToken);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(AccountSid) != string.IsNullOrEmpty(AuthToken))
            errors.Add("Channels:Sms:AccountSid and Channels:Sms:AuthToken are set together or not at all.");
        if (IsConfigured && string.IsNullOrEmpty(From) && string.IsNullOrEmpty(MessagingServiceSid))
            errors.Add("Channels:Sms needs From (an E.164 number) or MessagingServiceSid to send replies.");
        if (PublicUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
            errors.Add($"Channels:Sms:PublicUrl must be an absolute URL (got '{url}').");
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out _)) errors.Add($"Channels:Sms:ApiBaseUrl must be an absolute URL (got '{ApiBaseUrl}').");
        if (MessagesPerMinutePerNumber < 1) errors.Add("Channels:Sms:MessagesPerMinutePerNumber must be at least 1.");
        return errors;
    }
}
