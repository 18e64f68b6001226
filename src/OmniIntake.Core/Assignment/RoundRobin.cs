namespace OmniIntake.Core.Assignment;

/// <summary>An agent as automatic assignment sees them: online (a live console, not away), how many open cases they hold, when they were last given one.</summary>
public sealed record AgentAvailability(string Username, bool Online, bool Away, int OpenCases, DateTimeOffset? LastAssignedAt);

/// <summary>
/// Automatic assignment (issue 15 item 5): round robin over the agents who are online and not away, each up to a
/// capacity of open cases. The next is whoever was given a case longest ago (never first); a tie goes by name, so two
/// server processes pick alike.
/// </summary>
public static class RoundRobin
{
    /// <returns>The agent to give the next case to, or null when nobody can take one (the case waits in the queue).</returns>
    public static AgentAvailability? Next(IEnumerable<AgentAvailability> agents, int capacity) =>
        agents.Where(a => a.Online && !a.Away && a.OpenCases < capacity)
            .OrderBy(a => a.LastAssignedAt ?? DateTimeOffset.MinValue)
            .ThenBy(a => a.Username, StringComparer.Ordinal)
            .FirstOrDefault();
}
