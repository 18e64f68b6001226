using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;

namespace OmniIntake.Testing;

/// <summary>
/// A local stand-in for Twilio's REST API (nothing external is reachable): it checks each request against Twilio's
/// published OpenAPI contract (../shared/testdata/twilio/twilio_api_v2010.json: the path, basic auth, the form fields
/// the Messages create operation defines and requires) and answers with the Message JSON shape of that contract. A
/// test can script failures (429, 500, an API error code such as 21610) and seed inbound messages for listing.
/// </summary>
public sealed class TwilioStandIn : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "test-auth-token-0123456789";

    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly HashSet<string> _createFields;
    private readonly HashSet<string> _createRequired;
    private readonly HashSet<string> _listParameters;
    private readonly ConcurrentQueue<(int Status, int Code)> _failures = new();

    public TwilioStandIn()
    {
        using var contract = JsonDocument.Parse(File.ReadAllBytes(SharedTestData.Path("twilio/twilio_api_v2010.json")));
        var path = contract.RootElement.GetProperty("paths").GetProperty("/2010-04-01/Accounts/{AccountSid}/Messages.json");
        var schema = path.GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/x-www-form-urlencoded").GetProperty("schema");
        _createFields = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        _createRequired = schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).ToHashSet();
        _listParameters = path.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToHashSet();
        var port = OmniIntake.Testing.FreePort.Next();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public string BaseUrl { get; }

    /// <summary>Every Messages create the hub made, as form fields.</summary>
    public ConcurrentQueue<Dictionary<string, string>> Created { get; } = new();

    /// <summary>Requests that broke the contract (path, auth, unknown or missing fields): a test asserts none.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Inbound messages Twilio "holds", returned by the list operation (the reconciliation reads them).</summary>
    public ConcurrentQueue<(string Sid, string From, string To, string Body, DateTimeOffset Sent)> Inbound { get; } = new();

    /// <summary>MMS media the stand-in serves as Twilio's API does (GET .../Messages/{MM}/Media/{ME}, basic auth): path → content.</summary>
    public ConcurrentDictionary<string, byte[]> Media { get; } = new();

    /// <summary>Every media fetch the hub made: the path asked for, and whether it carried the account's basic auth.</summary>
    public ConcurrentQueue<(string Path, bool Authorised)> MediaRequests { get; } = new();

    /// <returns>The MediaUrl Twilio would put in the webhook for this content.</returns>
    public string AddMedia(byte[] content)
    {
        var path = $"/2010-04-01/Accounts/{AccountSid}/Messages/MM{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}/Media/ME{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        Media[path] = content;
        return BaseUrl + path;
    }

    /// <summary>The next creates fail like this, in order: an HTTP status, and Twilio's error code (0 for none).</summary>
    public void FailNext(int status, int code = 0) => _failures.Enqueue((status, code));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                await HandleAsync(context);
            }
            catch (Exception ex) when (ex is IOException or HttpListenerException or JsonException or FormatException)
            {
                Violations.Enqueue("stand-in error: " + ex.Message);
                context.Response.StatusCode = 500;
                context.Response.Close();
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var expectedPath = $"/2010-04-01/Accounts/{AccountSid}/Messages.json";
        var auth = request.Headers["Authorization"];
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        if (request.HttpMethod == "GET" && request.Url!.AbsolutePath.Contains("/Media/", StringComparison.Ordinal))
        {
            MediaRequests.Enqueue((request.Url.AbsolutePath, auth == basic));
            if (auth != basic || !Media.TryGetValue(request.Url.AbsolutePath, out var medium))
            {
                await RespondAsync(context, auth != basic ? 401 : 404, new { code = auth != basic ? 20003 : 20404, message = "media", status = auth != basic ? 401 : 404 });
                return;
            }
            context.Response.StatusCode = 200;
            context.Response.ContentType = "image/jpeg";
            context.Response.ContentLength64 = medium.Length;
            await context.Response.OutputStream.WriteAsync(medium);
            context.Response.Close();
            return;
        }
        if (auth != basic)
        {
            Violations.Enqueue($"{request.HttpMethod} {request.Url!.AbsolutePath}: missing or wrong basic auth");
            await RespondAsync(context, 401, new { code = 20003, message = "Authenticate", status = 401 });
            return;
        }
        if (request.Url!.AbsolutePath != expectedPath)
        {
            Violations.Enqueue($"{request.HttpMethod} {request.Url.AbsolutePath}: not a path of the contract");
            await RespondAsync(context, 404, new { code = 20404, message = "Not found", status = 404 });
            return;
        }
        if (request.HttpMethod == "POST")
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var form = HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
            var fields = form.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => form[k]!);
            foreach (var unknown in fields.Keys.Where(k => !_createFields.Contains(k))) Violations.Enqueue($"create: field '{unknown}' is not in the contract");
            foreach (var missing in _createRequired.Where(r => !fields.ContainsKey(r))) Violations.Enqueue($"create: required field '{missing}' is missing");
            if (!fields.ContainsKey("From") && !fields.ContainsKey("MessagingServiceSid")) Violations.Enqueue("create: neither From nor MessagingServiceSid");
            if (!fields.ContainsKey("Body") && !fields.ContainsKey("MediaUrl") && !fields.ContainsKey("ContentSid")) Violations.Enqueue("create: no Body");
            Created.Enqueue(fields);
            if (_failures.TryDequeue(out var failure))
            {
                await RespondAsync(context, failure.Status, new { code = failure.Code == 0 ? 20000 + failure.Status : failure.Code, message = $"scripted failure {failure.Status}", more_info = "https://www.twilio.com/docs/errors", status = failure.Status });
                return;
            }
            var body = fields.GetValueOrDefault("Body", "");
            await RespondAsync(context, 201, Message("SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), fields.GetValueOrDefault("From", ""),
                fields["To"], body, "outbound-api", "queued", DateTimeOffset.UtcNow, Segments(body)));
            return;
        }
        foreach (var name in request.QueryString.AllKeys.Where(k => k is not null && !_listParameters.Contains(k!)))
            Violations.Enqueue($"list: parameter '{name}' is not in the contract");
        var to = request.QueryString["To"];
        var after = request.QueryString["DateSent>"] is { } since ? DateTimeOffset.Parse(since, CultureInfo.InvariantCulture) : DateTimeOffset.MinValue;
        var listed = Inbound.Where(m => (to is null || m.To == to) && m.Sent.UtcDateTime.Date >= after.UtcDateTime.Date)
            .Select(m => Message(m.Sid, m.From, m.To, m.Body, "inbound", "received", m.Sent, 1)).ToList();
        await RespondAsync(context, 200, new Dictionary<string, object?>
        {
            ["messages"] = listed, ["end"] = Math.Max(0, listed.Count - 1), ["first_page_uri"] = expectedPath, ["next_page_uri"] = null, ["page"] = 0,
            ["page_size"] = 50, ["previous_page_uri"] = null, ["start"] = 0, ["uri"] = expectedPath,
        });
    }

    private static Dictionary<string, object?> Message(string sid, string from, string to, string body, string direction, string status, DateTimeOffset at,
        int segments) => new()
    {
        ["sid"] = sid, ["account_sid"] = AccountSid, ["from"] = from, ["to"] = to, ["body"] = body, ["direction"] = direction, ["status"] = status,
        ["num_segments"] = segments.ToString(CultureInfo.InvariantCulture), ["num_media"] = "0", ["api_version"] = "2010-04-01",
        ["date_created"] = at.ToString("R", CultureInfo.InvariantCulture), ["date_sent"] = at.ToString("R", CultureInfo.InvariantCulture),
        ["date_updated"] = at.ToString("R", CultureInfo.InvariantCulture), ["error_code"] = null, ["error_message"] = null, ["messaging_service_sid"] = null,
        ["price"] = null, ["price_unit"] = "USD", ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{sid}.json", ["subresource_uris"] = new Dictionary<string, string>(),
    };

    private static int Segments(string body) => body.Any(c => c > 127) ? (body.Length <= 70 ? 1 : (body.Length + 66) / 67) : (body.Length <= 160 ? 1 : (body.Length + 152) / 153);

    private static async Task RespondAsync(HttpListenerContext context, int status, object body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}

/// <summary>Signs a webhook as Twilio does (https://www.twilio.com/docs/usage/security): URL + sorted name/value pairs, HMAC-SHA1, base64.</summary>
public static class TwilioSigner
{
    public static string Sign(string url, IEnumerable<KeyValuePair<string, string>> parameters, string authToken)
    {
        var text = new StringBuilder(url);
        foreach (var group in parameters.GroupBy(p => p.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in group.Select(p => p.Value).Order(StringComparer.Ordinal)) text.Append(group.Key).Append(value);
        }
#pragma warning disable CA5350 // Twilio's signature algorithm is HMAC-SHA1; the test signs exactly as Twilio does.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(text.ToString())));
#pragma warning restore CA5350
    }
}
