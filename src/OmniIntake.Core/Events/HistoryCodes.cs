namespace OmniIntake.Core.Events;

/// <summary>
/// Every code a case's history can hold (issue 14 item 2: the server speaks codes, the workspace says them): the audit
/// trail's actions and the event log's kinds. The same list is kept in the workspace
/// (ClientApp/src/i18n/history-codes.json); a server test checks the two are equal and that every action written in the
/// sources is here, a workspace test that each has a zh-CN and an en message (areas/history.ts).
/// </summary>
public static class HistoryCodes
{
    /// <summary>The audit trail's actions (table audit, column action).</summary>
    public static IReadOnlyList<string> AuditActions { get; } =
    [
        // Intake (IntakeWrite) and the case's facts.
        "case.opened", "message.received", "category.unknown", "case.classified", "case.fields", "case.party-added",
        // The case's lifecycle (Core/Cases/CaseChanges, CasePauseChanges) and the agent's commands.
        "case.forwarded", "case.sent-back", "case.answered", "case.resolved", "case.reopened", "case.closed", "case.paused", "case.resumed",
        "case.note", "case.help-requested", "case.public-reply", "case.merged", "case.merged-in", "case.withdrawn",
        // Escalation on breach and at risk (Data/Escalation/CaseEscalations) and macros (Data/Macros/MacroStore).
        "case.escalated", "macro.applied",
        // Assignment (Core/Assignment/CaseAssigned, AssignmentStore).
        "case.claimed", "case.released", "case.assigned", "case.unassigned", "case.reassigned",
        // Similar complaints (Classes).
        "case.linked-similar", "case.similar-confirmed", "case.similar-removed",
        // Replies, automatic replies and delivery reports (Outbox).
        "reply.queued", "reply.report", "auto-reply.queued", "auto-reply.rate-limited",
        // What the sender answered for a queued message (Outbox/OutboxStore, DeliveryRecorded: "reply." + OutboxStatus).
        "reply.sent", "reply.retrying", "reply.failed", "reply.manual",
        // Deadlines and the supervisors' notifications.
        "deadline.atRisk", "deadline.breached", "deadline.recomputed", "notification.queued",
        // Follow-ups.
        "follow-up.sent", "follow-up.answered", "follow-up.by-phone",
    ];

    /// <summary>The event log's kinds (<see cref="CaseEventKinds"/>).</summary>
    public static IReadOnlyList<string> EventKinds { get; } =
        [.. typeof(CaseEventKinds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    /// <summary>Both lists, each code once.</summary>
    public static IReadOnlyList<string> All { get; } = [.. AuditActions.Concat(EventKinds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
