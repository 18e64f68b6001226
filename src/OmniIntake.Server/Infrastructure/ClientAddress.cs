namespace OmniIntake.Server.Infrastructure;

/// <summary>The caller's address as limits and lockouts count it: the connection's, or a known proxy's X-Forwarded-For (KnownProxies).</summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString() : "unknown";
}
