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
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
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

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
