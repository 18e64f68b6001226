using OmniIntake.Core.Deadlines;

namespace OmniIntake.Core.Cases;

/// <summary>Withdrawing a complaint (PRODUCT.md principles: a withdrawn case keeps its record).</summary>
public sealed partial class Case
{
    public const int MaxWithdrawalReasonLength = 1000;

    /// <summary>
    /// An agent withdraws the complaint once they checked the complainant withdraws it of their own will, with the
    /// complainant's reason: the case keeps its record, owes nothing more (its open clocks are cancelled) and is not
    /// answered or reopened any more. A pause it was in ends with it.
    /// </summary>
    public CaseDecision Withdraw(string reason, string actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) return CaseDecision.Refused(CommandResult.Invalid("Withdrawing needs the complainant's reason."));
        if (reason.Length > MaxWithdrawalReasonLength)
            return CaseDecision.Refused(CommandResult.Invalid($"A withdrawal reason is at most {MaxWithdrawalReasonLength} characters (got {reason.Length})."));
        if (!CaseLifecycle.CanMove(Status, CaseStatus.Withdrawn))
            return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is {Status.ToName()} and cannot be withdrawn."));
        var change = new CaseWithdrawn(actor, now, Status, reason.Trim());
        Status = CaseStatus.Withdrawn;
        return EndingThePause(CaseDecision.Done(change, new ClockChanges([], [], DeadlineKinds.All)), actor, now);
    }
}
