using System.Data.Common;
using OmniIntake.Core.Assignment;
using OmniIntake.Core.Audit;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Escalation;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Notifications;

namespace OmniIntake.Data.Escalation;

/// <summary>
/// Escalates a clock that was just warned or breached (issue 13 item 5), inside the transaction of that firing (a
/// compare-and-set on the deadline row, so it happens once): loads the case, its holder and the rule's supervisor, lets
/// <see cref="Case.Escalate"/> decide, and writes the escalation row (unique per clock and phase: a second node or a
/// restart inserts nothing and does nothing), the raised class, the assignment, the notice and the audit entries.
/// </summary>
internal static class CaseEscalations
{
    private sealed class CaseRow
    {
        public long Id { get; init; }
        public string Number { get; init; } = "";
        public string Status { get; init; } = "";
        public string Channel { get; init; } = "";
        public long? DepartmentId { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
        public string Class { get; init; } = "";
        public bool ClassByHand { get; init; }
        public string? ClaimedBy { get; init; }
        public string? Category { get; init; }
    }

    private sealed class UserRow
    {
        public string Username { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Roles { get; init; } = "";
    }

    /// <summary>The clock that fired: its row id, case, kind, due time, rule and start (a legacy row without a start is keyed by its due time).</summary>
    public sealed record FiredClock(long DeadlineId, long CaseId, DeadlineKind Kind, DateTimeOffset DueAt, string Rule, DateTimeOffset? StartsAt);

    public static async Task EscalateAsync(DbConnection c, DbTransaction tx, Database database, EscalationRules rules, SupervisorNotificationOptions notifications,
        FiredClock fired, EscalationPhase phase, DateTimeOffset now, CancellationToken ct)
    {
        var rule = rules.For(fired.Kind, phase);
        if (rule is null) return;
        // A breach notice is also subject to Notifications:OnBreach (the switch that existed before escalation).
        var notify = rule.Notify && notifications.Recipients.Count > 0 && (phase == EscalationPhase.AtRisk || notifications.OnBreach);
        // A rule that can do nothing here (the default's notice with nobody to tell) does not lock the case: every
        // firing took that lock and a round trip for nothing (issue 17, deadlines beside intake at full rate).
        if (!notify && !rule.RaiseClass && rule.AssignTo is null) return;
        var row = await c.OneOrDefaultAsync<CaseRow>(
            "SELECT id, number, status, channel, department_id, received_at, class, class_by_hand, claimed_by, category FROM cases WHERE id = @CaseId"
            + database.Dialect.ForUpdate, fired, tx, ct);
        if (row is null) return;
        var kase = new Case(row.Id, row.Number, Enum.Parse<CaseStatus>(row.Status, ignoreCase: true), ChannelNames.Parse(row.Channel), row.DepartmentId,
            row.ReceivedAt)
        {
            Class = CaseClassNames.TryParse(row.Class, out var caseClass) ? caseClass : CaseClass.General,
        };
        Assignee? supervisor = null;
        if (rule.AssignTo is { } name
            && await c.OneOrDefaultAsync<UserRow>("SELECT username, display_name, roles FROM users WHERE username = @name", new { name }, tx, ct) is { } user)
            supervisor = new Assignee(user.Username, user.DisplayName, user.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var fromClass = kase.Class;
        var decision = kase.Escalate(rule, fired.Kind, row.ClaimedBy, supervisor, row.ClassByHand, now);
        if (!notify && decision.Raise is null && decision.Assigned is null && decision.AssignRefusedCode is null) return;

        var inserted = await c.OneOrDefaultAsync<long?>(
            """
            INSERT INTO escalations (case_id, deadline_id, clock, phase, clock_started_at, at, notified, raise_class, assign_to,
                                     raised_from, raised_to, assigned_to, assign_refused_code)
            VALUES (@caseId, @deadlineId, @clock, @phase, @clockStartedAt, @now, @notify, @raiseClass, @assignTo,
                    @raisedFrom, @raisedTo, @assignedTo, @refused)
            ON CONFLICT (deadline_id, phase, clock_started_at) DO NOTHING
            RETURNING id
            """, new
            {
                caseId = row.Id, deadlineId = fired.DeadlineId, clock = fired.Kind.ToName(), phase = phase.ToName(),
                clockStartedAt = fired.StartsAt ?? fired.DueAt, now, notify, raiseClass = rule.RaiseClass, assignTo = rule.AssignTo,
                raisedFrom = decision.Raise is null ? null : fromClass.ToName(), raisedTo = decision.Raise?.To.ToName(),
                assignedTo = decision.Assigned?.To, refused = decision.AssignRefusedCode,
            }, tx, ct);
        if (inserted is null) return;

        if (decision.Raise is { } raise)
        {
            await c.ExecAsync("UPDATE cases SET class = @to, updated_at = @now WHERE id = @caseId", new { to = raise.To.ToName(), now, caseId = row.Id }, tx, ct);
            await CaseJournal.WriteAsync(c, tx, row.Id, row.Number, new CaseClassified(AuditActors.System, now, kase.Status, fromClass, raise.To,
                row.Category, row.Category, raise.Reason, ByHand: false, Automatic: true, Raised: raise.To, NotifyReason: raise.Reason), null, ct);
        }
        if (decision.Assigned is { } assigned)
        {
            await c.ExecAsync("UPDATE cases SET claimed_by = @To, claimed_at = @now, updated_at = @now WHERE id = @caseId",
                new { assigned.To, now, caseId = row.Id }, tx, ct);
            await CaseJournal.WriteAsync(c, tx, row.Id, row.Number, assigned, null, ct);
        }
        if (notify)
        {
            var text = phase == EscalationPhase.Breach
                ? $"【超时 Breach】{row.Number}: {fired.Kind.ToName()} 截止 due {notifications.Local(fired.DueAt)} ({fired.Rule})"
                : $"【即将超时 At risk】{row.Number}: {fired.Kind.ToName()} 截止 due {notifications.Local(fired.DueAt)} ({fired.Rule})";
            await SupervisorNotifications.QueueAsync(c, tx, database, notifications, row.Id, phase == EscalationPhase.Breach ? "deadline.breached" : "deadline.atRisk",
                text, now, ct);
        }
        await CaseJournal.WriteAsync(c, tx, row.Id, new CaseEscalated(now, fired.DeadlineId, fired.Kind.ToName(), phase.ToName(), rule.Describe(), notify,
            decision.Raise is null ? null : fromClass.ToName(), decision.Raise?.To.ToName(), decision.Assigned?.To, decision.AssignRefusedCode), ct);
    }
}
