using OmniIntake.Core.Cases;

namespace OmniIntake.Data.Intake;

/// <param name="RepeatOf">The status of the sender's own earlier case this new one names, if any (policy 5.5: complained again).</param>
internal sealed record ThreadDecision(CandidateCase? Target, long? RelatedCaseId, string Reason, CaseStatus? RepeatOf = null);

/// <summary>
/// Threading rules, strongest first (issue 2): a case number quoted in the subject or text; email
/// In-Reply-To/References; the same chat session; the same phone within the window. Never by subject alone.
/// A message never joins a case whose party it is not (Zammad #5064), nor a case that is no longer open: then it
/// opens a new case linked to the one it named, or to the sender's latest case of the same phone within the window.
/// The rules only name the case (issue 13 item 1): whether it takes the message, and what that does, is the aggregate's
/// (<see cref="Case.TakesMessages"/>, <see cref="Case.Thread"/>, <see cref="Case.Register"/>).
/// </summary>
internal static class ThreadingRules
{
    private static readonly (string Rule, string Reason)[] Order =
    [
        ("quoted", "case number quoted"), ("reply", "email reply"), ("session", "chat session"), ("phone", "same phone within window"),
    ];

    /// <param name="publicThread">
    /// The message was posted in a public forum thread: everyone in the thread is a party to it (issue 8), so a reply
    /// by anyone joins the thread's open case.
    /// </param>
    public static ThreadDecision Decide(IReadOnlyList<CandidateCase> candidates, long? senderContactId, bool publicThread = false)
    {
        CandidateCase? related = null;
        var explicitReference = false;
        foreach (var (rule, reason) in Order)
        {
            var named = candidates.Where(c => c.Rule == rule).ToList();
            var hit = named.FirstOrDefault(c => (c.ContactId == senderContactId || c.SenderIsParty || (publicThread && rule == "session"))
                                                && c.CaseStatus is { } status && Case.TakesMessages(status));
            if (hit is not null) return new ThreadDecision(hit, null, reason);
            // An explicit reference (a quoted number, a reply) links a new case to the one it named.
            if (rule is "quoted" or "reply" && named.Count > 0 && related is null) (related, explicitReference) = (named[0], true);
            // The same phone after its case closed (issue 16 item 3): linked to the sender's own latest case, so the agent
            // sees the history; not taken as a repeat complaint by itself (a "thank you" after closure is not one).
            if (rule == "phone" && related is null && named.FirstOrDefault(c => c.ContactId == senderContactId || c.SenderIsParty) is { } own)
                related = own;
        }
        // The sender names their own earlier case: a repeat complaint, which RepeatComplaintAfterHandling classifies.
        CaseStatus? repeatOf = explicitReference && related is not null && (related.ContactId == senderContactId || related.SenderIsParty)
                                ? related.CaseStatus : null;
        var outcome = related is null ? "new" : explicitReference ? "named case closed or not the sender's" : "same phone, earlier case closed";
        return new ThreadDecision(null, related?.Id, outcome, repeatOf);
    }
}
