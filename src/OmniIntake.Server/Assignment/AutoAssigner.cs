using OmniIntake.Core.Assignment;
using OmniIntake.Core.Resilience;
using OmniIntake.Data.Assignment;
using OmniIntake.Server.Live;

namespace OmniIntake.Server.Assignment;

/// <summary>
/// Automatic assignment (issue 15 item 5): new cases go round robin to agents who are online (a live console on any
/// server process, within the presence expiry) and not away, each up to <see cref="AssignmentOptions.Capacity"/> open
/// cases. A case nobody can take stays unassigned in the queue and is placed as soon as someone is free. Each server
/// process runs it; the case row lock decides, so a case is given once. Audited as an assignment by "system".
/// </summary>
public sealed class AutoAssigner(AgentLoadQueries loads, AssignmentStore assignments, EventLogSignal signal, AssignmentOptions options,
    TimeProvider clock, ILogger<AutoAssigner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Automatic) return;
        using var wake = signal.Subscribe();
        await new ResilientLoop("Automatic assignment", logger, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30)).RunAsync(async ct =>
        {
            await PassAsync(ct);
            await wake.WaitAsync(options.Interval, ct);
        }, stoppingToken);
    }

    /// <returns>How many cases were given to someone.</returns>
    public async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var waiting = await loads.WaitingAsync(100, cancellationToken);
        if (waiting.Count == 0) return 0;
        var agents = (await loads.ListAsync(cancellationToken)).Select(a => a.Availability).ToList();
        var given = 0;
        foreach (var caseId in waiting)
        {
            if (RoundRobin.Next(agents, options.Capacity) is not { } next) break;
            if (!await assignments.AssignAutomaticallyAsync(caseId, next.Username, options.Capacity, cancellationToken)) continue;
            given++;
            agents[agents.IndexOf(next)] = next with { OpenCases = next.OpenCases + 1, LastAssignedAt = clock.GetUtcNow() };
        }
        if (given > 0) logger.LogInformation("Automatic assignment gave {Count} case(s) to agents.", given);
        return given;
    }
}
