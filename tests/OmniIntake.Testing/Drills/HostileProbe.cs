namespace OmniIntake.Testing.Drills;

/// <summary>One hostile input against one entry point. It sends itself and says how the hub answered.</summary>
public sealed record HostileProbe(string EntryPoint, string Name, Func<DrillTarget, CancellationToken, Task<ProbeAnswer>> Send);

/// <summary>How the hub answered a probe: an HTTP status (a chat hub call maps to 200 / 400 / 500).</summary>
public sealed record ProbeAnswer(int Status, string? Detail = null)
{
    public bool IsServerError => Status >= 500;
}
