using System.Collections.Specialized;
using System.Security.Cryptography;
using System.Text;
using Twilio.Security;

namespace OmniIntake.Channels.Sms.Webhooks;

/// <summary>
/// X-Twilio-Signature (https://www.twilio.com/docs/usage/security): the Twilio SDK's RequestValidator decides. The SDK
/// reads repeated parameter names from a NameValueCollection as one comma-joined value, which does not match what
/// Twilio signs (each value, sorted); for that case only, the documented algorithm is applied here, checked against
/// Twilio's published vectors.
/// </summary>
public static class TwilioSignature
{
    public static bool IsValid(string url, NameValueCollection form, string signature, string authToken)
    {
        if (string.IsNullOrEmpty(signature)) return false;
        var repeated = form.AllKeys.Any(k => k is not null && (form.GetValues(k)?.Length ?? 0) > 1);
        if (!repeated) return new RequestValidator(authToken).Validate(url, form, signature);
        return Variants(url).Any(u => Matches(Compute(u, form, authToken), signature));
    }

    /// <summary>As the SDKs do: the URL as called, and with its port removed or the scheme's port added.</summary>
    private static IEnumerable<string> Variants(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) yield break;
        var withoutPort = new UriBuilder(uri) { Port = -1 }.Uri.ToString();
        var withPort = new UriBuilder(uri) { Port = uri.Port }.Uri.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped);
        yield return withoutPort;
        yield return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}:{uri.Port}{uri.PathAndQuery}" : withPort;
    }

    private static string Compute(string url, NameValueCollection form, string authToken)
    {
        var text = new StringBuilder(url);
        foreach (var key in form.AllKeys.Where(k => k is not null).Order(StringComparer.Ordinal))
        {
            foreach (var value in (form.GetValues(key) ?? []).Order(StringComparer.Ordinal)) text.Append(key).Append(value);
        }
#pragma warning disable CA5350 // Twilio's algorithm is HMAC-SHA1.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(text.ToString())));
#pragma warning restore CA5350
    }

    private static bool Matches(string computed, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(presented));
}
