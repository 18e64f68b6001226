using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Escalation;
using OmniIntake.Core.Events;
using OmniIntake.Core.Resilience;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Escalation;
using OmniIntake.Data.Notifications;

namespace OmniIntake.Data.Deadlines;

/// <summary>Deadline rows: what is due soon, and the firing itself as a compare-and-set on the row.</summary>
public sealed class DeadlineStore(Database database, TimeProvider clock, IEventLogSignal signal, SupervisorNotificationOptions? notifications = null,
    EscalationRules? escalation = null)
{
    private readonly SupervisorNotificationOptions _notifications = notifications ?? SupervisorNotificationOptions.None;

    /// <summary>What a clock at risk or breached sets off (issue 13 item 5); by default a breach notifies the supervisors.</summary>
    private readonly EscalationRules _escalation = escalation ?? EscalationRules.Default;

    /// <summary>Pending deadlines that breach, or owe their at-risk warning, at or before <paramref name="until"/>; earliest first.</summary>
    public async Task<IReadOnlyList<Deadline>> PendingDueByAsync(DateTimeOffset until, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Two index-backed halves (deadlines_pending_due, deadlines_pending_warn) rather than one OR.
        var rows = await connection.ListAsync<DeadlineRow>(
            """
            SELECT d.id, d.case_id, c.number AS case_number, d.kind, d.due_at, d.rule, d.state, d.closed_at, d.warn_at, d.warned_at
            FROM deadlines d JOIN cases c ON c.id = d.case_id
            WHERE d.id IN (SELECT id FROM (SELECT id FROM deadlines WHERE state = 'pending' AND due_at <= @until ORDER BY due_at LIMIT @limit) due
                           UNION
                           SELECT id FROM (SELECT id FROM deadlines WHERE state = 'pending' AND warned_at IS NULL AND warn_at <= @until
                                           ORDER BY warn_at LIMIT @limit) warn)
            ORDER BY d.due_at LIMIT @limit
            """, new { until, limit }, null, cancellationToken);
        return rows.Select(r => r.ToDeadline()).ToList();
    }

    /// <summary>
    /// Gives the at-risk warning once (compare-and-set on warned_at), never before its time nor after a breach or a met
    /// deadline; kept on the case and pushed live, so the supervisors see it (issue 6).
    /// </summary>
    public async Task<bool> TryWarnAsync(long deadlineId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var warned = await connection.OneOrDefaultAsync<DeadlineRow>(
            """
            UPDATE deadlines SET warned_at = @now
            WHERE id = @deadlineId AND state = 'pending' AND warned_at IS NULL AND warn_at <= @now AND due_at > @now
            RETURNING id, case_id, kind, due_at, rule, state, closed_at, warn_at, warned_at, starts_at
            """, new { deadlineId, now }, transaction, cancellationToken);
        if (warned is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        var number = await connection.OneAsync<string>("SELECT number FROM cases WHERE id = @CaseId", warned, transaction, cancellationToken);
        await CaseJournal.WriteAsync(connection, transaction, warned.CaseId, number, new DeadlineAtRisk(now, deadlineId, warned.Kind, warned.DueAt, warned.Rule),
            null, cancellationToken);
        await CaseEscalations.EscalateAsync(connection, transaction, database, _escalation, _notifications, warned.Fired, EscalationPhase.AtRisk, now,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.EventsCommitted();
        return true;
    }

    public async Task<IReadOnlyList<Deadline>> ForCaseAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ListAsync<DeadlineRow>(
            """
            SELECT d.id, d.case_id, c.number AS case_number, d.kind, d.due_at, d.rule, d.state, d.closed_at, d.warn_at, d.warned_at
            FROM deadlines d JOIN cases c ON c.id = d.case_id WHERE d.case_id = @caseId ORDER BY d.due_at
            """, new { caseId }, null, cancellationToken);
        return rows.Select(r => r.ToDeadline()).ToList();
    }

    /// <summary>
    /// Marks the deadline breached if it is still pending and due: a compare-and-set, so two processes or a retried
    /// job fire it once. The breach is kept on the case (audit) and published (event) in the same transaction.
    /// </summary>
    /// <returns>true when this call fired it.</returns>
    public async Task<bool> TryBreachAsync(long deadlineId, CancellationToken cancellationToken = default) =>
        await TryBreachManyAsync([deadlineId], cancellationToken) == 1;

    /// <summary>
    /// Fires these deadlines as <see cref="TryBreachAsync"/> fires one, all in ONE transaction: one compare-and-set
    /// statement for the rows, the breaches' journal as multi-row inserts, then each one's escalation. Issue 17 "Done
    /// means": a third of a thousand breaches a second beside intake at full rate, one transaction each, left the firing
    /// ~15 % above the rate it had to keep, so any stall of a second or two took many seconds to drain; a batch costs
    /// a few round trips whatever its size. When a batch fails for any reason but a transient one (a deadline whose
    /// escalation cannot be written), each is tried alone, so one bad deadline never holds the others back.
    /// </summary>
    /// <returns>How many this call fired (the others were not pending, not due yet, or fired elsewhere).</returns>
    public async Task<int> TryBreachManyAsync(IReadOnlyCollection<long> deadlineIds, CancellationToken cancellationToken = default)
    {
        if (deadlineIds.Count == 0) return 0;
        try
        {
            return await BreachInOneTransactionAsync(deadlineIds, cancellationToken);
        }
        catch (Exception ex) when (deadlineIds.Count > 1 && !TransientFailure.Is(ex) && ex is not OperationCanceledException)
        {
            var fired = 0;
            foreach (var id in deadlineIds) fired += await TryBreachManyAsync([id], cancellationToken);
            return fired;
        }
    }

    private async Task<int> BreachInOneTransactionAsync(IReadOnlyCollection<long> deadlineIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        // The rows are locked in id order, so two batches that share deadlines (a timer's and the sweep's) wait for
        // each other instead of deadlocking.
        var ids = deadlineIds.Distinct().ToArray();
        var fired = await connection.ListAsync<DeadlineRow>(
            $"""
             UPDATE deadlines SET state = 'breached', closed_at = @now
             WHERE id IN (SELECT id FROM deadlines WHERE {database.In("id", "@ids")} AND state = 'pending' AND due_at <= @now
                          ORDER BY id{database.Dialect.ForUpdate})
               AND state = 'pending' AND due_at <= @now
             RETURNING id, case_id, kind, due_at, rule, state, closed_at, warn_at, warned_at, starts_at
             """, new { ids, now }, transaction, cancellationToken);
        if (fired.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }
        var caseIds = fired.Select(f => f.CaseId).Distinct().ToArray();
        var numbers = (await connection.ListAsync<(long Id, string Number)>($"SELECT id, number FROM cases WHERE {database.In("id", "@caseIds")}",
            new { caseIds }, transaction, cancellationToken)).ToDictionary(c => c.Id, c => c.Number);
        var ordered = fired.OrderBy(f => f.Id).ToList();
        await CaseJournal.WriteManyAsync(connection, transaction,
            [.. ordered.Select(f => (f.CaseId, numbers[f.CaseId], (CaseRecord)new DeadlineBreached(now, f.Id, f.Kind, f.DueAt, f.Rule, now - f.DueAt)))],
            cancellationToken);
        // The breach notice (Notifications:OnBreach), the raised class and the supervisor's assignment: the clock's escalation rule.
        foreach (var f in ordered)
            await CaseEscalations.EscalateAsync(connection, transaction, database, _escalation, _notifications, f.Fired, EscalationPhase.Breach, now,
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.EventsCommitted();
        return fired.Count;
    }

    internal sealed class DeadlineRow
    {
        public long Id { get; init; }
        public long CaseId { get; init; }
        public string CaseNumber { get; init; } = "";
        public string Kind { get; init; } = "";
        public DateTimeOffset DueAt { get; init; }
        public string Rule { get; init; } = "";
        public string State { get; init; } = "";
        public DateTimeOffset? ClosedAt { get; init; }
        public DateTimeOffset? WarnAt { get; init; }
        public DateTimeOffset? WarnedAt { get; init; }
        public DateTimeOffset? StartsAt { get; init; }

        public CaseEscalations.FiredClock Fired => new(Id, CaseId, Enum.Parse<DeadlineKind>(Kind, true), DueAt, Rule, StartsAt);

        public Deadline ToDeadline() => new(Id, CaseId, CaseNumber, Enum.Parse<DeadlineKind>(Kind, true), DueAt, Rule,
            Enum.Parse<DeadlineState>(State, true), ClosedAt, WarnAt, WarnedAt);
    }
}
