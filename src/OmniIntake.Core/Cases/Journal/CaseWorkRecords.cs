using OmniIntake.Core.Events;
using OmniIntake.Core.Intake;

namespace OmniIntake.Core.Cases;

// The journal records of an agent's or owner's work on a case that does not move its status (issue 13 item 7): one
// record per audit action, carrying its parameters; the details and payloads are the JSON the workspace always read.

/// <summary>An agent took the case (<paramref name="From"/>: the colleague a supervisor took it over from).</summary>
public sealed record CaseClaimed(string Actor, DateTimeOffset At, string? From) : CaseRecord(Actor, At)
{
    public override string AuditAction => "case.claimed";
    public override string EventKind => CaseEventKinds.Claimed;
    public override object AuditDetail(long? messageId) => new { from = From };
    public override object EventData(long? messageId) => new { claimedBy = Actor };
}

/// <summary>The case went back to the queue from <paramref name="From"/>.</summary>
public sealed record CaseReleased(string Actor, DateTimeOffset At, string From) : CaseRecord(Actor, At)
{
    public override string AuditAction => "case.released";
    public override string EventKind => CaseEventKinds.Claimed;
    public override object AuditDetail(long? messageId) => new { from = From };
    public override object EventData(long? messageId) => new { claimedBy = (string?)null };
}

/// <summary>The owner asked the centre for help (the message is the request).</summary>
public sealed record HelpRequested(string Actor, DateTimeOffset At) : CaseRecord(Actor, At)
{
    public override string AuditAction => "case.help-requested";
    public override string EventKind => CaseEventKinds.HelpRequested;
    public override object AuditDetail(long? messageId) => new { messageId };
    public override object EventData(long? messageId) => new { messageId };
}

/// <summary>An internal note for colleagues (the message is the note).</summary>
public sealed record NoteAdded(string Actor, DateTimeOffset At) : CaseRecord(Actor, At)
{
    public override string AuditAction => "case.note";
    public override string EventKind => CaseEventKinds.NoteAdded;
    public override object AuditDetail(long? messageId) => new { messageId };
    public override object EventData(long? messageId) => new { messageId };
}

/// <summary>The public reply was posted in the forum thread at <paramref name="Link"/> (5.3.1); <paramref name="DeadlineMet"/>: it met the clock.</summary>
public sealed record PublicReplyRecorded(string Actor, DateTimeOffset At, string Link, bool DeadlineMet) : CaseRecord(Actor, At)
{
    public override string AuditAction => "case.public-reply";
    public override string EventKind => CaseEventKinds.ReplyQueued;
    public override object AuditDetail(long? messageId) => new { link = Link, deadlineMet = DeadlineMet };
    public override object EventData(long? messageId) => new { link = Link, publicReply = true };
}

/// <summary>
/// Registration fields were filled in (a null field was left as it was). <paramref name="Fields"/> as given (the audit
/// keeps them); <paramref name="Category"/> the category written, null when none was given or it is not configured.
/// </summary>
public sealed record CaseFieldsFilled(string Actor, DateTimeOffset At, CaseFields Fields, string? Category) : CaseRecord(Actor, At)
{
    public override string AuditAction => "case.fields";
    public override string EventKind => CaseEventKinds.FieldsFilled;
    public override object AuditDetail(long? messageId) => Fields;
}

/// <summary>A complainant joined a collective complaint (policy 5.5), which now has <paramref name="Complainants"/>.</summary>
public sealed record ComplainantAdded(string Actor, DateTimeOffset At, long ContactId, string? Name, IReadOnlyList<string> Handles, int Complainants)
    : CaseRecord(Actor, At)
{
    public override string AuditAction => "case.party-added";
    public override string EventKind => CaseEventKinds.FieldsFilled;
    public override object AuditDetail(long? messageId) => new { contactId = ContactId, name = Name, handles = Handles, complainants = Complainants };
    public override object EventData(long? messageId) => new { complainants = Complainants };
}

/// <summary>The category the customer gave is not configured: the case stays uncategorised (audit only).</summary>
public sealed record UnknownCategoryGiven(DateTimeOffset At, string? Given) : CaseRecord(Audit.AuditActors.System, At)
{
    public override string AuditAction => "category.unknown";
    public override object AuditDetail(long? messageId) => new { given = Given };
}
