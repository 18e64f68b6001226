using System.Collections.Concurrent;

namespace OmniIntake.Server.Supervision;

/// <summary>Who has the console open on this server process (the agent hub's connections, per user).</summary>
public sealed class Presence
{
    private readonly ConcurrentDictionary<string, string> _connections = new();

    public void Connected(string connectionId, string user) => _connections[connectionId] = user;

    public void Disconnected(string connectionId) => _connections.TryRemove(connectionId, out _);

    public IReadOnlyList<string> Online() => [.. _connections.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
