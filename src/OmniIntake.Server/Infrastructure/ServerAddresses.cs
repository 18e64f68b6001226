using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OmniIntake.Server.Infrastructure;

public static class ServerAddresses
{
    public static IReadOnlyList<string> All(IServer server) => [.. server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    /// <summary>The first address the hub listens on, as a browser on this machine reaches it (wildcards become localhost).</summary>
    public static string First(IServer server) =>
        (All(server) is [var first, ..] ? first : null)?.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal)
            .Replace("+", "localhost", StringComparison.Ordinal).TrimEnd('/') ?? "http://localhost:5000";
}
