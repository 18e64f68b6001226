using OmniIntake.Core.Assignment;

namespace OmniIntake.Core.Tests.Assignment;

/// <summary>Automatic assignment's choice (issue 15 item 5): online, not away, under capacity, longest since their last case.</summary>
public sealed class RoundRobinTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheNextAgent_IsTheOneGivenACaseLongestAgo_NeverGivenFirst_TiesByName()
    {
        var agents = new[]
        {
            new AgentAvailability("wang", true, false, 1, T0.AddMinutes(5)),
            new AgentAvailability("li", true, false, 1, T0),
            new AgentAvailability("zhou", true, false, 0, null),
            new AgentAvailability("chen", true, false, 0, null),
        };

        Assert.Equal("chen", RoundRobin.Next(agents, 10)!.Username);
        Assert.Equal("li", RoundRobin.Next(agents.Where(a => a.LastAssignedAt is not null), 10)!.Username);
    }

    [Fact]
    public void AwayOfflineAndFullAgents_AreSkipped_AndNobodyLeftMeansTheCaseWaits()
    {
        var agents = new[]
        {
            new AgentAvailability("away", true, true, 0, null),
            new AgentAvailability("offline", false, false, 0, null),
            new AgentAvailability("full", true, false, 3, null),
            new AgentAvailability("free", true, false, 2, T0),
        };

        Assert.Equal("free", RoundRobin.Next(agents, 3)!.Username);
        Assert.Null(RoundRobin.Next(agents, 2));
    }
}
