using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OmniIntake.Server.Infrastructure;

/// <summary>
/// Bound from configuration section "Proxies" (issue 12 items 12 and 13): the reverse proxies (load balancers) whose
/// X-Forwarded-For and X-Forwarded-Proto are believed. Only these: the client address the chat's limits and the
/// sign-in lockout count by, and whether the request was HTTPS (the Secure cookie, HSTS), cannot be set by a client.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxies";

    /// <summary>Addresses of the proxies, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR form, e.g. "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Proxies in a row in front of the hub (each appends one X-Forwarded-For entry).</summary>
    public int ForwardLimit { get; set; } = 1;
}

public static class KnownProxies
{
    public static void AddKnownProxies(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        var proxies = options.KnownProxies.Select(p => IPAddress.TryParse(p, out var a) ? a
            : throw new InvalidOperationException($"Proxies:KnownProxies holds '{p}', which is not an IP address.")).ToList();
        var networks = options.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n, out var net) ? net
            : throw new InvalidOperationException($"Proxies:KnownNetworks holds '{n}', which is not a network like 10.0.0.0/24.")).ToList();
        if (options.ForwardLimit is < 1 or > 10)
            throw new InvalidOperationException($"Proxies:ForwardLimit must be 1-10 (got {options.ForwardLimit}).");
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = options.ForwardLimit;
            // Not even loopback by default: a header is believed from a configured proxy only.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }
}
