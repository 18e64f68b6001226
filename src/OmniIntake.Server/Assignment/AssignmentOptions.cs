namespace OmniIntake.Server.Assignment;

/// <summary>Bound from configuration section "Assignment" (issue 15 item 5).</summary>
public sealed class AssignmentOptions
{
    public const string Section = "Assignment";

    /// <summary>
    /// Give new cases to online agents automatically. Off by default: a centre whose agents take work from the queue
    /// would otherwise find cases pushed onto them the day it upgrades; an operator turns it on knowingly.
    /// </summary>
    public bool Automatic { get; set; }

    /// <summary>The most open cases automatic assignment gives one agent (a person may still assign more by hand).</summary>
    public int Capacity { get; set; } = 10;

    /// <summary>How often waiting cases are looked at besides every local commit (other processes' new cases, agents coming back).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<string> Validate()
    {
        if (Capacity is < 1 or > 1000) yield return $"Assignment:Capacity must be 1-1000 (got {Capacity}).";
        if (Interval < TimeSpan.FromMilliseconds(100) || Interval > TimeSpan.FromMinutes(10))
            yield return $"Assignment:Interval must be between 100 ms and 10 minutes (got '{Interval}').";
    }
}
