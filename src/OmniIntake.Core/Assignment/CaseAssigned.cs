using OmniIntake.Core.Cases;
using OmniIntake.Core.Events;

namespace OmniIntake.Core.Assignment;

/// <summary>
/// A case given to a colleague, taken from one and given to another, or given back to the queue (<see cref="To"/> null).
/// The event is the claim event every console already follows (its <c>claimedBy</c> is the new holder), with who
/// assigned it and the holder's display name, so every queue updates live (issue 15 item 5).
/// </summary>
public sealed record CaseAssigned(string Actor, DateTimeOffset At, CaseStatus FromStatus, string? From, string? To, string? ToDisplayName,
    string? Note, bool Automatic) : CaseChange(Actor, At, FromStatus)
{
    public const string SystemActor = "system";

    public override string AuditAction => To is null ? "case.unassigned" : From is null ? "case.assigned" : "case.reassigned";
    public override string EventKind => CaseEventKinds.Claimed;
    public override CaseStatus ToStatus => FromStatus;

    public override object AuditDetail(long? messageId) => new { from = From, to = To, note = Note, automatic = Automatic };

    public override object EventData(long? messageId) => new { claimedBy = To, claimedByName = ToDisplayName, assignedBy = Actor, from = From, automatic = Automatic };
}
