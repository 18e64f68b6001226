namespace OmniIntake.Testing;

/// <summary>
/// Twilio's incoming-message webhook as Twilio sends it: the form fields of an SMS and the request signed
/// (X-Twilio-Signature) for the URL the hub is known by, so every test sends it the same way.
/// </summary>
public static class TwilioWebhook
{
    public const string Path = "/channels/sms/twilio";

    /// <summary>An incoming SMS's fields, with a fresh MessageSid unless one is given (a redelivery repeats it).</summary>
    public static Dictionary<string, string> IncomingSms(string from, string to, string body, string? messageSid = null) => new()
    {
        ["MessageSid"] = messageSid ?? "SM" + Guid.NewGuid().ToString("N"), ["AccountSid"] = TwilioStandIn.AccountSid,
        ["From"] = from, ["To"] = to, ["Body"] = body, ["NumMedia"] = "0",
    };

    /// <summary>
    /// The webhook request for <paramref name="form"/>, signed for <paramref name="publicUrl"/> + <paramref name="path"/>;
    /// sent to <paramref name="requestUri"/> when the client has no base address (else to the path).
    /// </summary>
    public static HttpRequestMessage SignedRequest(string publicUrl, Dictionary<string, string> form, string path = Path, string? requestUri = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, requestUri ?? path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSigner.Sign(publicUrl + path, form, TwilioStandIn.AuthToken));
        return request;
    }
}
