using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Policy;

/// <summary>A class a rule of policy 5.5 raises a case to, and why (kept in the audit trail and told to supervisors).</summary>
public sealed record ClassRaise(CaseClass To, string Reason);
