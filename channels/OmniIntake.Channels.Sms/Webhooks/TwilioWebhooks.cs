using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using OmniIntake.Channels.Sms.Setup;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Outbound;

namespace OmniIntake.Channels.Sms.Webhooks;

/// <summary>
/// Twilio's webhooks: POST /channels/sms/twilio (an incoming message) and POST /channels/sms/twilio/status (a
/// reply's delivery report). Both check X-Twilio-Signature with the Twilio SDK's validator against the public URL
/// Twilio called; a bad or missing signature gets 403 and writes nothing. The message is committed before the answer,
/// which is empty TwiML: replies go through the REST API, where they are tracked.
/// </summary>
public static class TwilioWebhooks
{
    public const string InboundPath = "/channels/sms/twilio";
    public const string StatusPath = "/channels/sms/twilio/status";
    private static readonly string[] RequiredFields = ["MessageSid", "From", "To"];
    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    public static void MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        // Authenticated by Twilio's signature, not by a signed-in user.
        app.MapPost(InboundPath, InboundAsync).AllowAnonymous().DisableAntiforgery().WithTags("Channels");
        app.MapPost(StatusPath, StatusAsync).AllowAnonymous().DisableAntiforgery().WithTags("Channels");
    }

    private static async Task<IResult> InboundAsync(HttpRequest request, SmsOptions options, SmsIngestor ingestor, FloodGate flood, TimeProvider clock,
        ILoggerFactory logs, CancellationToken ct)
    {
        var (form, refused) = await CheckedFormAsync(request, options, logs, ct);
        if (refused is not null) return refused;
        var missing = RequiredFields.Where(f => string.IsNullOrWhiteSpace(form![f])).ToList();
        if (missing.Count > 0) return Results.Problem($"Missing fields: {string.Join(", ", missing)}.", statusCode: 400, title: "Not a Twilio message");
        if (!MessageSids.IsValid(form!["MessageSid"]))
            return Refused(logs, 400, "MessageSid must be SM or MM followed by 32 lower-case hex digits.", "Not a Twilio message");
        var from = form!["From"]!;
        if (!flood.Allow(from, options.MessagesPerMinutePerNumber))
        {
            request.HttpContext.Response.Headers.RetryAfter = "60";
            return Results.Problem($"More than {options.MessagesPerMinutePerNumber} messages a minute from {from}.", statusCode: 429, title: "Slow down");
        }
        var media = new List<(string, string)>();
        var count = int.TryParse(form["NumMedia"], out var n) ? Math.Clamp(n, 0, 10) : 0;
        for (var i = 0; i < count; i++)
        {
            if (form[$"MediaUrl{i}"] is { Length: > 0 } url) media.Add((url, form[$"MediaContentType{i}"] ?? "application/octet-stream"));
        }
        var sms = new InboundSms(form["MessageSid"]!, from, form["To"]!, form["Body"] ?? "", media, clock.GetUtcNow(),
            SmsIngestor.FormBytes(form.AllKeys.Where(k => k is not null).Select(k => new KeyValuePair<string, string>(k!, form[k] ?? ""))),
            "application/x-www-form-urlencoded");
        var result = await ingestor.IngestAsync(sms, ct);
        if (result.Disposition == SmsDisposition.Refused)
            return Results.Problem($"{result.Error} The message is kept as a failed raw message.", statusCode: 400, title: "Message refused");
        if (result.Reply == "help")
            return Results.Text($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>{SecurityElement.Escape(options.HelpText)}</Message></Response>",
                "text/xml");
        return Results.Text(EmptyTwiml, "text/xml");
    }

    private static async Task<IResult> StatusAsync(HttpRequest request, SmsOptions options, IDeliveryReports reports, ILoggerFactory logs,
        CancellationToken ct)
    {
        var (form, refused) = await CheckedFormAsync(request, options, logs, ct);
        if (refused is not null) return refused;
        var sid = form!["MessageSid"] ?? form["SmsSid"];
        var status = form["MessageStatus"] ?? form["SmsStatus"];
        if (string.IsNullOrEmpty(sid) || string.IsNullOrEmpty(status))
            return Results.Problem("MessageSid and MessageStatus are required.", statusCode: 400, title: "Not a status report");
        if (!MessageSids.IsValid(sid))
            return Refused(logs, 400, "MessageSid must be SM or MM followed by 32 lower-case hex digits.", "Not a status report");
        var error = form["ErrorCode"] is { Length: > 0 } code ? $"{code} {form["ErrorMessage"]}".Trim() : null;
        // An unknown sid is answered 200 too: Twilio would retry nothing useful, and it may be another system's message.
        await reports.RecordAsync(Channel.Sms, sid, status, error, ct);
        return Results.Text(EmptyTwiml, "text/xml");
    }

    private static async Task<(NameValueCollection? Form, IResult? Refused)> CheckedFormAsync(HttpRequest request, SmsOptions options,
        ILoggerFactory logs, CancellationToken ct)
    {
        if (!options.IsConfigured) return (null, Results.Problem("The SMS channel is not configured (Channels:Sms).", statusCode: 503));
        if (!request.HasFormContentType) return (null, Results.Problem("Expected application/x-www-form-urlencoded.", statusCode: 415));
        // Read within Twilio-sized limits: the form comes before the signature can be checked (issue 12 item 10).
        var read = await WebhookForm.ReadAsync(request, ct);
        if (read.Fields is not { } form) return (null, Refused(logs, read.Status, read.Refusal!, read.Status == 413 ? "Too large" : "Malformed form"));
        var signature = request.Headers["X-Twilio-Signature"].ToString();
        var url = PublicUrl(request, options);
        if (!TwilioSignature.IsValid(url, form, signature, options.AuthToken!))
            return (null, Results.Problem("The X-Twilio-Signature is missing or does not match this request.", statusCode: 403, title: "Bad signature"));
        return (form, null);
    }

    /// <summary>An expected refusal of a request from outside: one line at Information, no stack trace, nothing from the request's content.</summary>
    private static IResult Refused(ILoggerFactory logs, int status, string reason, string title)
    {
        logs.CreateLogger(typeof(TwilioWebhooks).FullName!).LogInformation("Twilio webhook refused ({Status}): {Reason}", status, reason);
        return Results.Problem(reason, statusCode: status, title: title);
    }

    /// <summary>The URL Twilio called: the configured public URL (behind a proxy), else the request's own (forwarded headers applied).</summary>
    public static string PublicUrl(HttpRequest request, SmsOptions options) =>
        (options.PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}")
        + request.Path + request.QueryString;
}

/// <summary>A sliding one-minute window per sending number, so one number cannot flood the queue.</summary>
public sealed class FloodGate(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _recent = new();

    public bool Allow(string number, int perMinute)
    {
        var now = clock.GetUtcNow();
        var queue = _recent.GetOrAdd(number, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() > TimeSpan.FromMinutes(1)) queue.Dequeue();
            if (queue.Count >= perMinute) return false;
            queue.Enqueue(now);
            return true;
        }
    }
}
