using System.Data.Common;
using Dapper;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;

namespace OmniIntake.Data.Cases;

/// <summary>
/// Loads a <see cref="Case"/> for a decision (row-locked on PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises
/// writers) and persists a done <see cref="CaseDecision"/> inside the caller's transaction: the message it adds, the
/// case row (or the row its record touches: the pause, a party), the clocks, the audit entry and the event, then the
/// records the change set off. It writes what the decision says and decides nothing (issue 13). Every case command
/// goes through here, status-moving or not (issue 13 item 1).
/// </summary>
internal static class CaseStore
{
    private sealed class Row
    {
        public long Id { get; init; }
        public string Number { get; init; } = "";
        public string Status { get; init; } = "";
        public string Channel { get; init; } = "";
        public long? DepartmentId { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
        public long ContactId { get; init; }
        public string Class { get; init; } = "";
        public string? Category { get; init; }
        public bool ClassByHand { get; init; }
        public string? WaitingFor { get; init; }
        public string? PauseReason { get; init; }
        public string? PausedBy { get; init; }
        public DateTimeOffset? PausedAt { get; init; }
        public string? ClaimedBy { get; init; }
    }

    private sealed class ClockRow
    {
        public long CaseId { get; init; }
        public string Kind { get; init; } = "";
        public string State { get; init; } = "";
        public DateTimeOffset DueAt { get; init; }
        public long? RemainingSeconds { get; init; }

        public DeadlineKind ParsedKind => Enum.Parse<DeadlineKind>(Kind, ignoreCase: true);
    }

    public static async Task<Case?> LoadAsync(DbConnection c, DbTransaction tx, Database database, long caseId, CancellationToken ct)
    {
        // With the pause in force (issue 13): a transition of a waiting case may start its clocks paused. The clocks it owes
        // now and those a pause stopped: a pause stops them, a public reply meets its own. Both in ONE round trip (issue 17:
        // every case command loads its case); the clocks' statement runs after the row lock is taken, with its own snapshot.
        await using var results = await c.QueryMultipleAsync(new CommandDefinition(
            $"""
             SELECT c.id, c.number, c.status, c.channel, c.department_id, c.received_at, c.contact_id, c.class, c.category, c.class_by_hand,
                    c.claimed_by, p.waiting_for, p.reason AS pause_reason, p.paused_by, p.paused_at
             FROM cases c LEFT JOIN case_pauses p ON p.case_id = c.id AND p.resumed_at IS NULL WHERE c.id = @caseId{database.Dialect.ForUpdateOf("c")};
             SELECT kind, state, due_at, remaining_seconds FROM deadlines WHERE case_id = @caseId AND state IN ('pending', 'paused')
             """, new { caseId }, tx, cancellationToken: ct));
        var row = await results.ReadFirstOrDefaultAsync<Row>();
        var clocks = (await results.ReadAsync<ClockRow>()).AsList();
        return row is null ? null : Build(row, clocks);
    }

    /// <summary>
    /// These cases (each row-locked, in id order so two callers cannot deadlock), built exactly as one is: a set-based
    /// writer (issue 17 item 6, the class sweep) loads a batch in two statements, not two per case. Missing ids are left out.
    /// </summary>
    public static async Task<IReadOnlyList<Case>> LoadManyAsync(DbConnection c, DbTransaction tx, Database database, IReadOnlyCollection<long> caseIds,
        CancellationToken ct)
    {
        if (caseIds.Count == 0) return [];
        var ids = caseIds.Distinct().Order().ToArray();
        // With the pause in force (issue 13): a transition of a waiting case may start its clocks paused.
        // The clocks it owes now and those a pause stopped: a pause stops them, a public reply meets its own (issue 13). One
        // round trip for both (a missing id has no clocks either).
        await using var results = await c.QueryMultipleAsync(new CommandDefinition(
            $"""
             SELECT c.id, c.number, c.status, c.channel, c.department_id, c.received_at, c.contact_id, c.class, c.category, c.class_by_hand,
                    c.claimed_by, p.waiting_for, p.reason AS pause_reason, p.paused_by, p.paused_at
             FROM cases c LEFT JOIN case_pauses p ON p.case_id = c.id AND p.resumed_at IS NULL WHERE {database.In("c.id", "@ids")} ORDER BY c.id{database.Dialect.ForUpdateOf("c")};
             SELECT case_id, kind, state, due_at, remaining_seconds FROM deadlines WHERE {database.In("case_id", "@ids")} AND state IN ('pending', 'paused')
             """, new { ids }, tx, cancellationToken: ct));
        var rows = (await results.ReadAsync<Row>()).AsList();
        var clocks = (await results.ReadAsync<ClockRow>()).ToLookup(k => k.CaseId);
        if (rows.Count == 0) return [];
        return [.. rows.DistinctBy(r => r.Id).Select(row => Build(row, [.. clocks[row.Id]]))];
    }

    private static Case Build(Row row, IReadOnlyList<ClockRow> clocks) =>
        new Case(row.Id, row.Number, Enum.Parse<CaseStatus>(row.Status, ignoreCase: true), ChannelNames.Parse(row.Channel), row.DepartmentId,
            row.ReceivedAt)
        {
            ContactId = row.ContactId,
            Class = CaseClassNames.TryParse(row.Class, out var caseClass) ? caseClass : CaseClass.General,
            Category = row.Category,
            ClassByHand = row.ClassByHand,
            Pause = row.PausedAt is { } since && WaitingForNames.TryParse(row.WaitingFor, out var waitingFor)
                ? new CasePause(waitingFor, row.PauseReason ?? "", row.PausedBy ?? "", since)
                : null,
            Holder = row.ClaimedBy,
            OpenClocks = [.. clocks.Where(k => k.State == DeadlineState.Pending.ToName()).Select(k => new OpenClock(k.ParsedKind, k.DueAt))],
            PausedClocks =
            [
                .. clocks.Where(k => k.State == DeadlineState.Paused.ToName())
                    .Select(k => new PausedClock(k.ParsedKind, TimeSpan.FromSeconds(k.RemainingSeconds ?? 0))),
            ],
        };

    public static async Task SaveAsync(DbConnection c, DbTransaction tx, Database database, Case kase, CaseDecision decision, CancellationToken ct)
    {
        if (!decision.IsDone || decision.Change is not { } change) throw new InvalidOperationException("Only a done decision is saved.");
        long? messageId = decision.Message is { } message
            ? await CaseMessages.AddAsync(c, tx, kase.Id, kase.Channel.ToName(), message, change.At, ct)
            : null;
        // A reply goes out through the outbox: one row per recipient, sent by a job (ARCHITECTURE.md).
        foreach (var delivery in decision.Deliveries ?? [])
            await c.ExecAsync(
                """
                INSERT INTO outbox (case_id, message_id, channel, recipient, status, attempts, next_attempt_at, created_at)
                VALUES (@caseId, @messageId, @Channel, @Recipient, 'pending', 0, @at, @at)
                """, new { caseId = kase.Id, messageId, delivery.Channel, delivery.Recipient, at = change.At }, tx, ct);
        await WriteRowAsync(c, tx, database, kase.Id, change, ct);
        await CaseClocks.ApplyAsync(c, tx, database, kase.Id, decision.Clocks, change.At, ct);
        await CaseJournal.WriteAsync(c, tx, kase.Id, kase.Number, change, messageId, ct);
        foreach (var then in decision.Then)
        {
            await WriteRowAsync(c, tx, database, kase.Id, then, ct);
            await CaseJournal.WriteAsync(c, tx, kase.Id, kase.Number, then, null, ct);
        }
    }

    /// <summary>The row a record changes: the case row (its status only for a <see cref="CaseChange"/> that moves it), the pause, a party.</summary>
    private static Task<int> WriteRowAsync(DbConnection c, DbTransaction tx, Database database, long caseId, CaseRecord record, CancellationToken ct) =>
        record switch
        {
            CaseChange change => WriteCaseRowAsync(c, tx, database, caseId, change, ct),
            CaseClaimed claimed => c.ExecAsync("UPDATE cases SET claimed_by = @Actor, claimed_at = @At, updated_at = @At WHERE id = @caseId",
                new { claimed.Actor, claimed.At, caseId }, tx, ct),
            CaseReleased released => c.ExecAsync("UPDATE cases SET claimed_by = NULL, claimed_at = NULL, updated_at = @At WHERE id = @caseId",
                new { released.At, caseId }, tx, ct),
            CaseFieldsFilled filled => c.ExecAsync(
                """
                UPDATE cases SET complainant_name = COALESCE(@ComplainantName, complainant_name), contact_phone = COALESCE(@ContactPhone, contact_phone),
                       contact_email = COALESCE(@ContactEmail, contact_email), occurred_at = COALESCE(@OccurredAt, occurred_at),
                       location = COALESCE(@Location, location), customer_request = COALESCE(@CustomerRequest, customer_request),
                       category = COALESCE(@Category, category), updated_at = @At
                WHERE id = @caseId
                """, new
                {
                    filled.Fields.ComplainantName, filled.Fields.ContactPhone, filled.Fields.ContactEmail, filled.Fields.OccurredAt, filled.Fields.Location,
                    filled.Fields.CustomerRequest, filled.Category, filled.At, caseId,
                }, tx, ct),
            ComplainantAdded added => c.ExecAsync(
                """
                INSERT INTO case_parties (case_id, contact_id, added_at, added_by) VALUES (@caseId, @ContactId, @At, @Actor)
                ON CONFLICT (case_id, contact_id) DO NOTHING
                """, new { caseId, added.ContactId, added.At, added.Actor }, tx, ct),
            // The message is the note or the request; the public reply's clock is in the decision's clocks.
            NoteAdded or HelpRequested or PublicReplyRecorded => Task.FromResult(0),
            _ => throw new InvalidOperationException($"No row write for {record.GetType().Name}."),
        };

    private static Task<int> WriteCaseRowAsync(DbConnection c, DbTransaction tx, Database database, long caseId, CaseChange change, CancellationToken ct)
    {
        var status = change.ToStatus.ToName();
        var at = change.At;
        return change switch
        {
            CasePaused paused => PauseAsync(c, tx, caseId, paused, ct),
            CaseResumed resumed => c.ExecAsync(
                """
                UPDATE case_pauses SET resumed_at = @at, resumed_by = @Actor, resumed_because = @because WHERE case_id = @caseId AND resumed_at IS NULL;
                UPDATE cases SET updated_at = @at WHERE id = @caseId;
                """, new { at, resumed.Actor, because = resumed.Cause.ToName(), caseId }, tx, ct),
            CaseForwarded f => c.ExecAsync(
                """
                UPDATE cases SET status = @status, department_id = @DepartmentId, redispatches = redispatches + @redispatched,
                       first_forwarded_at = COALESCE(first_forwarded_at, @at), updated_at = @at WHERE id = @caseId
                """, new { status, f.DepartmentId, redispatched = f.Redispatch ? 1 : 0, at, caseId }, tx, ct),
            // Back in the centre's queue: no longer resolved or closed.
            CaseSentBack or CaseReopened => c.ExecAsync(
                "UPDATE cases SET status = @status, resolved_at = NULL, closed_at = NULL, updated_at = @at WHERE id = @caseId", new { status, at, caseId }, tx, ct),
            CaseResolved => c.ExecAsync("UPDATE cases SET status = @status, resolved_at = @at, updated_at = @at WHERE id = @caseId",
                new { status, at, caseId }, tx, ct),
            CaseClosed => c.ExecAsync("UPDATE cases SET status = @status, closed_at = @at, updated_at = @at WHERE id = @caseId", new { status, at, caseId }, tx, ct),
            CaseAnswered => c.ExecAsync(
                "UPDATE cases SET status = @status, owner_answered_at = COALESCE(owner_answered_at, @at), updated_at = @at WHERE id = @caseId",
                new { status, at, caseId }, tx, ct),
            CaseClassified k => c.ExecAsync(
                $"UPDATE cases SET class = @toClass, category = @ToCategory, updated_at = @at{(k.ByHand ? ", class_by_hand = " + database.True : "")} WHERE id = @caseId",
                new { toClass = k.ToClass.ToName(), k.ToCategory, at, caseId }, tx, ct),
            // Earlier duplicates merged into this one now point at the survivor too.
            CaseMerged m => c.ExecAsync(
                """
                UPDATE cases SET status = @status, merged_into_id = @IntoId, updated_at = @at WHERE id = @caseId;
                UPDATE cases SET merged_into_id = @IntoId WHERE merged_into_id = @caseId;
                """, new { status, m.IntoId, at, caseId }, tx, ct),
            CaseMergedIn m => AddPartiesAsync(c, tx, caseId, m, ct),
            CaseReplied => c.ExecAsync("UPDATE cases SET first_replied_at = COALESCE(first_replied_at, @at), updated_at = @at WHERE id = @caseId",
                new { at, caseId }, tx, ct),
            CaseWithdrawn => c.ExecAsync("UPDATE cases SET status = @status, updated_at = @at WHERE id = @caseId", new { status, at, caseId }, tx, ct),
            _ => throw new InvalidOperationException($"No case row write for {change.GetType().Name}."),
        };
    }

    private static async Task<int> PauseAsync(DbConnection c, DbTransaction tx, long caseId, CasePaused paused, CancellationToken ct)
    {
        var at = paused.At;
        await c.ExecAsync(
            "INSERT INTO case_pauses (case_id, waiting_for, reason, paused_by, paused_at) VALUES (@caseId, @waitingFor, @Reason, @Actor, @at)",
            new { caseId, waitingFor = paused.WaitingFor.ToName(), paused.Reason, paused.Actor, at }, tx, ct);
        foreach (var stopped in paused.Clocks)
            await c.ExecAsync(
                """
                UPDATE deadlines SET state = 'paused', paused_at = @at, remaining_seconds = @remaining
                WHERE case_id = @caseId AND kind = @kind AND state = 'pending'
                """, new { at, remaining = (long)stopped.Remaining.TotalSeconds, caseId, kind = stopped.Kind.ToName() }, tx, ct);
        // Policy 5.5: raised by the rule, not by a person, so later automatic raising may still raise it further.
        return await c.ExecAsync(
            paused.Raise is null ? "UPDATE cases SET updated_at = @at WHERE id = @caseId" : "UPDATE cases SET class = @to, updated_at = @at WHERE id = @caseId",
            new { to = paused.Raise?.To.ToName(), at, caseId }, tx, ct);
    }

    private static async Task<int> AddPartiesAsync(DbConnection c, DbTransaction tx, long caseId, CaseMergedIn merged, CancellationToken ct)
    {
        var added = 0;
        foreach (var contactId in merged.Complainants)
            added += await c.ExecAsync(
                "INSERT INTO case_parties (case_id, contact_id, added_at, added_by) VALUES (@caseId, @contactId, @At, @Actor) ON CONFLICT (case_id, contact_id) DO NOTHING",
                new { caseId, contactId, merged.At, merged.Actor }, tx, ct);
        return added;
    }
}
