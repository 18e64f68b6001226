using System.Collections.Specialized;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace OmniIntake.Channels.Sms.Webhooks;

/// <summary>A webhook's form, read within limits, or why it was refused (status 400 or 413, never 500).</summary>
internal sealed record WebhookForm(NameValueCollection? Fields, int Status, string? Refusal)
{
    /// <summary>
    /// Twilio's requests are small: 1,600 characters of body, ten media URLs, a few dozen fields. The form has to be
    /// read before the signature can be checked, so unsigned requests get exactly these limits (issue 12 item 10:
    /// ASP.NET's defaults of 1,024 fields, 2 KB keys and 4 MB values threw, and the webhook answered 500).
    /// </summary>
    public const int MaxBytes = 64 * 1024;
    public const int MaxFields = 200;
    public const int MaxKeyLength = 100;

    public static async Task<WebhookForm> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) return Refuse(413, $"A webhook is at most {MaxBytes} bytes (got {request.ContentLength}).");
        var body = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < body.Length && (read = await request.Body.ReadAsync(body.AsMemory(length), ct)) > 0) length += read;
        if (length > MaxBytes) return Refuse(413, $"A webhook is at most {MaxBytes} bytes.");

        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> pairs;
        try
        {
            using var reader = new FormReader(new MemoryStream(body, 0, length, writable: false), Encoding.UTF8)
            {
                ValueCountLimit = MaxFields, KeyLengthLimit = MaxKeyLength, ValueLengthLimit = MaxBytes,
            };
            pairs = await reader.ReadFormAsync(ct);
        }
        catch (InvalidDataException ex)
        {
            return Refuse(400, $"The form is malformed: {ex.Message}");
        }
        var fields = new NameValueCollection();
        foreach (var (key, values) in pairs)
        {
            // Twilio never sends U+0000, and a database text column cannot hold it.
            if (key.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
                return Refuse(400, "The form holds a NUL character.");
            foreach (var value in values) fields.Add(key, value);
        }
        return new WebhookForm(fields, 200, null);
    }

    private static WebhookForm Refuse(int status, string reason) => new(null, status, reason);
}
