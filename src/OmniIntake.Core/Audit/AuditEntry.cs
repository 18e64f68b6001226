namespace OmniIntake.Core.Audit;

/// <summary>One change of a case: who, when, what (PRODUCT.md "The case").</summary>
public sealed record AuditEntry(long CaseId, DateTimeOffset At, string Actor, string Action, string Detail);

public static class AuditActors
{
    /// <summary>The customer, for what arrives through a channel.</summary>
    public const string Customer = "customer";

    /// <summary>The hub itself (deadline engine, automatic rules).</summary>
    public const string System = "system";
}
