using System.Diagnostics.CodeAnalysis;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Intake;

namespace OmniIntake.Core.Cases;

/// <summary>
/// The work on a case that leaves its status alone (issue 13 item 1: decided here, no longer in Data): claiming and
/// releasing it, notes, an owner's request for help, the forum's public reply and the registration fields.
/// </summary>
public sealed partial class Case
{
    public const int MaxNoteLength = 10_000;

    private string? _holder;

    /// <summary>The agent who holds (claimed or was assigned) the case, or null: it is in the queue.</summary>
    public string? Holder
    {
        get => _holder;
        init => _holder = value;
    }

    /// <summary>
    /// An agent takes the case (issue 7): a compare-and-set on <see cref="Holder"/>, so two agents cannot both hold it.
    /// A supervisor may take over a case a colleague holds (<paramref name="takeOver"/>), recorded with whom it was taken
    /// from. A handled case (closed, withdrawn, merged) is nobody's work any more: refused, as <see cref="Assign"/> does.
    /// </summary>
    public CaseDecision Claim(string actor, bool takeOver, DateTimeOffset now)
    {
        if (CaseLifecycle.IsHandled(Status))
            return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is {Status.ToName()}: a handled case is not claimed."));
        if (_holder == actor) return CaseDecision.Unchanged;
        if (_holder is { } holder && !takeOver) return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is claimed by {holder}."));
        var change = new CaseClaimed(actor, now, _holder);
        _holder = actor;
        return CaseDecision.Done(change, ClockChanges.None);
    }

    /// <summary>Gives the case back to the queue: only its holder, or a supervisor (<paramref name="anyHolder"/>).</summary>
    public CaseDecision Release(string actor, bool anyHolder, DateTimeOffset now)
    {
        if (_holder is not { } holder) return CaseDecision.Unchanged;
        if (holder != actor && !anyHolder) return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is claimed by {holder}, not by you."));
        _holder = null;
        return CaseDecision.Done(new CaseReleased(actor, now, holder), ClockChanges.None);
    }

    /// <summary>An internal note for colleagues, in any status (a withdrawn case still takes notes): never sent to the customer.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "A transition of the aggregate like every other (issue 13); a note is welcome in every state.")]
    public CaseDecision AddNote(string text, string actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text)) return CaseDecision.Refused(CommandResult.Invalid("A note needs text."));
        if (text.Length > MaxNoteLength) return CaseDecision.Refused(CommandResult.Invalid($"A note is at most {MaxNoteLength} characters (got {text.Length})."));
        return CaseDecision.Done(new NoteAdded(actor, now), ClockChanges.None,
            new CaseMessageDraft(CaseMessageDirections.Note, "agent", actor, null, text));
    }

    /// <summary>
    /// The owner asks the centre for help: a note the agents see (its subject "help") and an event that reaches their
    /// consoles. <paramref name="owner"/> limits an owner to cases forwarded to them now.
    /// </summary>
    public CaseDecision AskHelp(string text, OwnerScope owner, string actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text)) return CaseDecision.Refused(CommandResult.Invalid("Say what help you need."));
        if (!owner.Covers(DepartmentId, Status)) return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is not forwarded to your department."));
        return CaseDecision.Done(new HelpRequested(actor, now), ClockChanges.None,
            new CaseMessageDraft(CaseMessageDirections.Note, "owner", actor, "help", text));
    }

    /// <summary>
    /// The public reply was posted in the forum thread at <paramref name="link"/> (policy 5.3.1: answered in public, in
    /// the centre's name): the only thing that meets the public-reply clock. Only for a case from a forum, with an
    /// http(s) link; recorded whether or not the clock was still owed (the record says which).
    /// </summary>
    public CaseDecision RecordPublicReply(string link, string actor, DateTimeOffset now)
    {
        if (Channel != Channel.Forum) return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} did not come from a forum."));
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return CaseDecision.Refused(CommandResult.Invalid($"The link to the posted reply must be an http(s) URL (got '{link}')."));
        // A paused clock is owed too: the reply posted while the case waits still meets it.
        var owed = OpenClocks.Any(c => c.Kind == DeadlineKind.PublicReply) || PausedClocks.Any(c => c.Kind == DeadlineKind.PublicReply);
        return CaseDecision.Done(new PublicReplyRecorded(actor, now, link, owed), new ClockChanges([], [DeadlineKind.PublicReply], []));
    }

    /// <summary>
    /// Fills in the registration fields a dialog asked for after the case opened (a null field stays as it is). The
    /// category is written only when it is configured (<paramref name="categoryConfigured"/>); the audit keeps what was given.
    /// </summary>
    public CaseDecision Fill(CaseFields fields, bool categoryConfigured, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var category = fields.Category is not null && categoryConfigured ? fields.Category : null;
        if (category is not null) _category = category;
        return CaseDecision.Done(new CaseFieldsFilled(actor, now, fields, category), ClockChanges.None);
    }

    /// <summary>
    /// A complainant joins the collective complaint (policy 5.5): <paramref name="contactId"/> is the person as the
    /// contacts know them, <paramref name="parties"/> the case's other complainants so far. Refused for a case that takes
    /// no more complainants (<see cref="CaseLifecycle.TakesComplainants"/>), for the one who opened it and for one already
    /// on it. The record counts the complainants now; raising the class by that size is its own decision (<see cref="Raise"/>).
    /// </summary>
    public CaseDecision AddComplainant(long contactId, string? name, IReadOnlyList<string> handles, IReadOnlyList<long> parties, string actor,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(handles);
        ArgumentNullException.ThrowIfNull(parties);
        if (handles.Count == 0)
            return CaseDecision.Refused(CommandResult.Invalid("A complainant needs a phone number or an e-mail address, to be answered."));
        if (!CaseLifecycle.TakesComplainants(Status)) return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} was {Status.ToName()}."));
        if (contactId == ContactId) return CaseDecision.Refused(CommandResult.Conflict($"That is the complainant who opened case {Number}."));
        if (parties.Contains(contactId)) return CaseDecision.Refused(CommandResult.Conflict($"That person is already a complainant of case {Number}."));
        var complainants = parties.Distinct().Count() + 2; // the opener, the others so far and this one
        return CaseDecision.Done(new ComplainantAdded(actor, now, contactId, name, handles, complainants), ClockChanges.None);
    }
}
