namespace OmniIntake.Core.Escalation;

/// <summary>The moment of a clock an escalation acts on (issue 13 item 5): at risk (a share of its window gone) or breached.</summary>
public enum EscalationPhase
{
    AtRisk,
    Breach,
}

public static class EscalationPhaseNames
{
    /// <summary>As stored and configured: atRisk, breach.</summary>
    public static string ToName(this EscalationPhase phase) => phase == EscalationPhase.AtRisk ? "atRisk" : "breach";

    public static bool TryParse(string? name, out EscalationPhase phase)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "atrisk" or "at-risk":
                phase = EscalationPhase.AtRisk;
                return true;
            case "breach" or "breached":
                phase = EscalationPhase.Breach;
                return true;
            default:
                phase = default;
                return false;
        }
    }
}
