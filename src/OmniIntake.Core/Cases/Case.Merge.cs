using OmniIntake.Core.Deadlines;

namespace OmniIntake.Core.Cases;

/// <summary>Merging a duplicate into the case that answers for it.</summary>
public sealed partial class Case
{
    /// <summary>
    /// Merges this case, a duplicate, into <paramref name="target"/>: this case is kept (status merged, its messages and
    /// audit intact) and points at the survivor; its complainants (<paramref name="parties"/> and the one who opened it)
    /// become the survivor's, so they are answered under the surviving number on their own channels; its open clocks are
    /// cancelled (the survivor owes its own) and a pause it was in ends. Only into a case that still answers (not merged, not withdrawn).
    /// </summary>
    public MergeDecision MergeInto(Case target, IReadOnlyList<long> parties, string reason, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Id == Id) return MergeDecision.Refused(CommandResult.Invalid("A case cannot be merged into itself."));
        if (string.IsNullOrWhiteSpace(reason)) return MergeDecision.Refused(CommandResult.Invalid("Merging needs a reason."));
        if (!CaseLifecycle.CanMove(Status, CaseStatus.Merged))
            return MergeDecision.Refused(CommandResult.Conflict($"Case {Number} is {Status.ToName()} and cannot be merged."));
        if (target.Status is CaseStatus.Merged or CaseStatus.Withdrawn)
            return MergeDecision.Refused(CommandResult.Conflict($"Case {target.Number} is {target.Status.ToName()}: merge into the case that answers."));
        List<long> complainants = [.. parties.Append(ContactId).Where(id => id != target.ContactId).Distinct()];
        var merged = new CaseMerged(actor, now, Status, target.Id, target.Number, reason);
        var mergedIn = new CaseMergedIn(actor, now, target.Status, Id, Number, reason, complainants);
        Status = CaseStatus.Merged;
        return new MergeDecision(CommandResult.Done,
            EndingThePause(CaseDecision.Done(merged, new ClockChanges([], [], DeadlineKinds.All)), actor, now),
            CaseDecision.Done(mergedIn, ClockChanges.None));
    }
}

/// <summary>What a merge decided: refused with a reason, or the duplicate's change and the survivor's.</summary>
public sealed record MergeDecision(CommandResult Result, CaseDecision? Source, CaseDecision? Target)
{
    public bool IsDone => Result.IsDone;

    public static MergeDecision Refused(CommandResult why) => new(why, null, null);
}
