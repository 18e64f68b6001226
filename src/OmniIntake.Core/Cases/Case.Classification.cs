using OmniIntake.Core.Audit;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Cases;

/// <summary>Classification (policy 5.5): by a person, and raised by the rules (age, collective size, similarity, repeats).</summary>
public sealed partial class Case
{
    /// <summary>
    /// A person sets the class and/or the category (<paramref name="categoryConfigured"/>: the category exists). A class a
    /// person sets is theirs from then on, even when it confirms the class as it is: automatic raising leaves it alone. A
    /// case made major owes its first answer (4.1.2); a class raised to hot or major is told to supervisors.
    /// </summary>
    public CaseDecision Classify(CaseClass? caseClass, string? category, bool categoryConfigured, string actor, string? reason, DateTimeOffset now,
        IDeadlinePolicy policy)
    {
        if (caseClass is null && category is null) return CaseDecision.Refused(CommandResult.Invalid("Give a class, a category or both."));
        if (category is not null && !categoryConfigured) return CaseDecision.Refused(CommandResult.Invalid($"Category '{category}' is not configured."));
        var toClass = caseClass ?? Class;
        var toCategory = category ?? Category;
        if (toClass == Class && toCategory == Category && caseClass is null) return CaseDecision.Unchanged;
        var raised = caseClass is { } set && set > Class ? set : (CaseClass?)null;
        var change = new CaseClassified(actor, now, Status, Class, toClass, Category, toCategory, reason, ByHand: caseClass is not null, Automatic: false,
            Raised: raised, NotifyReason: reason ?? $"set by {actor}");
        return Reclassify(change, toClass, toCategory, caseClass is not null, policy);
    }

    /// <summary>
    /// A rule of policy 5.5 raises the class (<see cref="RaiseByAge"/>, <see cref="RaiseByCollectiveSize"/>,
    /// <see cref="SameComplaintFromMany"/>, <see cref="RepeatComplaintAfterHandling"/>): it only ever raises, and leaves
    /// alone a class a person set (refused, with why, otherwise).
    /// </summary>
    public CaseDecision Raise(ClassRaise raise, DateTimeOffset now, IDeadlinePolicy policy)
    {
        if (ClassByHand) return CaseDecision.Refused(CommandResult.Conflict($"Case {Number}'s class was set by a person; rules leave it alone."));
        if (Class >= raise.To)
            return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is {Class.ToName()} already; a rule never lowers a class."));
        var change = new CaseClassified(AuditActors.System, now, Status, Class, raise.To, Category, Category, raise.Reason, ByHand: false, Automatic: true,
            Raised: raise.To, NotifyReason: raise.Reason);
        return Reclassify(change, raise.To, Category, byHand: false, policy);
    }

    private CaseDecision Reclassify(CaseClassified change, CaseClass toClass, string? toCategory, bool byHand, IDeadlinePolicy policy)
    {
        // A case made major owes its first answer, counted from its receipt (4.1.2, MajorFirstAnswerWindow).
        var clocks = toClass == CaseClass.Major && Class != CaseClass.Major
            ? new ClockChanges([Started(DeadlineClock.Classification(ReceivedAt), policy)], [], [])
            : ClockChanges.None;
        _class = toClass;
        _category = toCategory;
        _classByHand |= byHand;
        return CaseDecision.Done(change, clocks);
    }

    private StartedClock Started(DeadlineClock clock, IDeadlinePolicy policy) => new(clock, clock.Due(policy, Channel));
}
