using OmniIntake.Core.Deadlines;

namespace OmniIntake.Core.Cases;

/// <summary>What a paused case waits for (issue 13; Zammad's "pending", Zendesk's "on hold").</summary>
public enum WaitingFor
{
    /// <summary>The customer's answer: their next message resumes the clocks.</summary>
    Customer,

    /// <summary>An outside expert's opinion (policy 5.5: the case is important); an agent or the owner resumes.</summary>
    Expertise,
}

public static class WaitingForNames
{
    public static string ToName(this WaitingFor waitingFor) => waitingFor.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out WaitingFor waitingFor) =>
        Enum.TryParse(name, ignoreCase: true, out waitingFor) && Enum.IsDefined(waitingFor) && !int.TryParse(name, out _);
}

/// <summary>Why a paused case resumed.</summary>
public enum ResumeCause
{
    /// <summary>An agent or the owner resumed it by hand.</summary>
    ByHand,

    /// <summary>The customer wrote again (any channel, a message threaded into the case).</summary>
    CustomerWrote,

    /// <summary>
    /// The case ended while it waited (closed, withdrawn, merged): it waits for nothing any more, so the pause ends with
    /// it and the reports stop counting it as time paused (issue 13 item 1).
    /// </summary>
    CaseEnded,
}

public static class ResumeCauseNames
{
    /// <summary>The name the audit trail and the pause row keep ("byHand", "customerWrote", "caseEnded").</summary>
    public static string ToName(this ResumeCause cause) => cause switch
    {
        ResumeCause.CustomerWrote => "customerWrote",
        ResumeCause.CaseEnded => "caseEnded",
        _ => "byHand",
    };
}

/// <summary>A case's pause in force: since when, waiting for what, why and by whom.</summary>
public sealed record CasePause(WaitingFor WaitingFor, string Reason, string By, DateTimeOffset Since);

/// <summary>A clock the case owes now, as a pause needs it: its kind and due time.</summary>
public sealed record OpenClock(DeadlineKind Kind, DateTimeOffset DueAt);

/// <summary>A clock a pause stopped, with the window it has left (in the measure it runs on).</summary>
public sealed record PausedClock(DeadlineKind Kind, TimeSpan Remaining);
