namespace OmniIntake.Server.Infrastructure;

/// <summary>
/// Issue 12 item 11: the agents' live feed and the job dashboard answer their own pages only. A SignalR negotiation,
/// a long poll and a WebSocket upgrade are GETs and POSTs a page on any site can start with the staff's cookie (the
/// write-only CSRF check let the upgrade, a GET, through); a browser always says where such a request comes from
/// (Origin on every WebSocket handshake and cross-origin fetch, Sec-Fetch-Site besides). Top-level navigation to
/// /jobs (a link) carries neither Origin nor a non-navigate fetch mode and still works.
/// </summary>
public static class StaffOrigins
{
    private static readonly string[] Paths = ["/hubs/agents", "/jobs"];

    /// <returns>Why the request is refused, or null when it comes from our own pages (or from no browser at all).</returns>
    public static string? ForeignOrigin(HttpRequest request)
    {
        if (!Paths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))) return null;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsSameOrigin(origin, request))
            return $"{request.Path} answers the hub's own pages only, not {origin}.";
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var mode = request.Headers["Sec-Fetch-Mode"].ToString();
        if (site is "cross-site" or "same-site" && mode != "navigate")
            return $"{request.Path} answers the hub's own pages only, not another site ({site}).";
        return null;
    }

    /// <summary>"null" (sandboxed frames, privacy redirects) and anything unparsable is never our own page.</summary>
    public static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var from)
        && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
