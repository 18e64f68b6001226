using System.Net;
using System.Security.Cryptography;

namespace OmniIntake.Testing;

/// <summary>
/// A local HTTP server that serves one feed document with an ETag and Last-Modified, answers 304 to a matching
/// conditional GET, and can be switched to answer errors: the forum sources' stand-in.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private byte[] _content = [];
    private string _etag = "\"0\"";
    private DateTimeOffset _modified = DateTimeOffset.UtcNow;

    public FeedServer()
    {
        var port = FreePort.Next();
        Url = $"http://127.0.0.1:{port}/feed.xml";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public string Url { get; }

    public int Requests { get; private set; }

    /// <summary>The path and headers of the last request (an API key, a conditional GET).</summary>
    public (string Path, System.Collections.Specialized.NameValueCollection Headers)? LastRequest { get; private set; }
    public int NotModifiedAnswers { get; private set; }

    /// <summary>Replies posted to POST /posts.json (Discourse), as sent.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<System.Text.Json.JsonElement> Posted { get; } = new();

    /// <summary>Posts that broke Discourse's published API description (openapi.json): a test asserts none.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>An HTTP status to answer instead of the feed (500, 503...), or null to serve it.</summary>
    public int? FailWith { get; set; }

    public void Serve(byte[] content)
    {
        _content = content;
        _etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..16] + "\"";
        _modified = DateTimeOffset.UtcNow;
    }

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
            Requests++;
            LastRequest = (context.Request.Url!.AbsolutePath, context.Request.Headers);
            var response = context.Response;
            if (context.Request.HttpMethod == "POST")
            {
                await AcceptPostAsync(context);
                continue;
            }
            if (FailWith is { } status)
            {
                response.StatusCode = status;
                response.Close();
                continue;
            }
            if (context.Request.Headers["If-None-Match"] == _etag)
            {
                NotModifiedAnswers++;
                response.StatusCode = 304;
                response.Close();
                continue;
            }
            response.StatusCode = 200;
            response.ContentType = "application/rss+xml";
            response.Headers["ETag"] = _etag;
            response.Headers["Last-Modified"] = _modified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            response.ContentLength64 = _content.Length;
            await response.OutputStream.WriteAsync(_content);
            response.Close();
        }
    }

    /// <summary>POST /posts.json checked against the published description: JSON, the schema's properties, "raw" required, the API headers.</summary>
    private async Task AcceptPostAsync(HttpListenerContext context)
    {
        using var contract = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(SharedTestData.Path("forums/discourse/openapi.json")));
        var schema = contract.RootElement.GetProperty("paths").GetProperty("/posts.json").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var allowed = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        var required = schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).ToList();
        if (context.Request.Url!.AbsolutePath != "/posts.json") Violations.Enqueue($"POST {context.Request.Url.AbsolutePath}: not /posts.json");
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true) Violations.Enqueue("not JSON");
        if (string.IsNullOrEmpty(context.Request.Headers["Api-Key"]) || string.IsNullOrEmpty(context.Request.Headers["Api-Username"]))
            Violations.Enqueue("Api-Key / Api-Username missing");
        using var reader = new StreamReader(context.Request.InputStream);
        var body = System.Text.Json.JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
        foreach (var property in body.EnumerateObject().Where(p => !allowed.Contains(p.Name))) Violations.Enqueue($"field '{property.Name}' is not in the contract");
        foreach (var name in required.Where(r => !body.TryGetProperty(r, out _))) Violations.Enqueue($"required field '{name}' is missing");
        Posted.Enqueue(body);
        var topic = body.TryGetProperty("topic_id", out var t) ? t.GetInt64() : 0;
        var answer = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
        {
            id = 900 + Posted.Count, name = "", username = context.Request.Headers["Api-Username"], avatar_template = "/a/{size}.png",
            created_at = DateTimeOffset.UtcNow.ToString("O"), cooked = "<p>reply</p>", post_number = 5, post_type = 1, posts_count = 5,
            updated_at = DateTimeOffset.UtcNow.ToString("O"), topic_id = topic, topic_slug = "lift-broken",
        });
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(answer);
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
