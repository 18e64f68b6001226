namespace OmniIntake.Core.Events;

/// <summary>
/// One entry of the event log. <see cref="Position"/> is dense and follows commit order, so a client that
/// saw position N asks for everything after N and misses nothing (see EventSequencer in Data).
/// </summary>
public sealed record CaseEvent(long Position, string Kind, long CaseId, string CaseNumber, DateTimeOffset OccurredAt, string Data);

public static class CaseEventKinds
{
    public const string CaseOpened = "case.opened";
    public const string MessageReceived = "message.received";
    public const string ReplyQueued = "reply.queued";
    public const string DeliveryChanged = "reply.delivery";
    public const string Forwarded = "case.forwarded";
    public const string Answered = "case.answered";
    public const string Classified = "case.classified";
    public const string Resolved = "case.resolved";
    public const string Reopened = "case.reopened";
    public const string Closed = "case.closed";
    public const string Claimed = "case.claimed";
    public const string NoteAdded = "case.note";
    public const string SentBack = "case.sent-back";
    public const string HelpRequested = "case.help-requested";
    public const string Merged = "case.merged";
    public const string FollowUpSent = "followUp.sent";
    public const string FollowUpAnswered = "followUp.answered";
    public const string FieldsFilled = "case.fields";
    public const string DeadlineBreached = "deadline.breached";
    public const string DeadlineAtRisk = "deadline.atRisk";
    public const string Paused = "case.paused";
    public const string Resumed = "case.resumed";
    public const string Withdrawn = "case.withdrawn";
}

/// <summary>Reads the event log for catch-up.</summary>
public interface ICaseEventReader
{
    Task<IReadOnlyList<CaseEvent>> ReadAfterAsync(long position, int limit, CancellationToken cancellationToken = default);

    Task<long> LastPositionAsync(CancellationToken cancellationToken = default);
}
