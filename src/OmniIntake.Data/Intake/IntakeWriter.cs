using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Dapper;
using OmniIntake.Core.Cases;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Dialects;

namespace OmniIntake.Data.Intake;

/// <summary>
/// The intake's one writer (issue 13 item 6): contact, case, forwarding deadline, message, audit and event, each
/// statement written once below, in SQL both databases read; what they spell differently comes from the
/// <see cref="ISqlDialect"/>. Where the dialect chains writes (PostgreSQL's data-modifying CTEs) they travel as ONE
/// statement, a round trip the benchmark counts; elsewhere (SQLite, in-process, round trips cost nothing) they run one
/// after the other. Either way they store the same values (<see cref="IntakeWrite"/>, from the aggregate's
/// <see cref="IntakeDecision"/>), and a concurrent duplicate inserts no message, so the caller rolls the whole
/// transaction back.
/// </summary>
internal static class IntakeWriter
{
    private static string CaseInsert(string number, string contactId, string from) =>
        $"""
        INSERT INTO cases (number, channel, status, class, category, contact_id, subject, complainant_name, contact_phone,
                           contact_email, occurred_at, location, customer_request, session_key, related_case_id,
                           received_at, last_inbound_at, updated_at)
        SELECT {number}, @Channel, 'received', @Class, @Category, {contactId}, @Subject, @name, @ContactPhone,
               @ContactEmail, @occurredAt, @location, @request, @session, @relatedCaseId,
               @CreatedAt, @CreatedAt, @Now{from}
        RETURNING id, number
        """;

    private static string DeadlineInsert(string caseId, string from) =>
        $"""
        INSERT INTO deadlines (case_id, kind, due_at, rule, state, warn_at, starts_at, started_by, rule_code, rule_params)
        SELECT {caseId}, @ForwardKind, @ForwardDueAt, @ForwardRule, 'pending', @ForwardWarnAt, @ForwardStartsAt, @ForwardStartedBy,
               @ForwardRuleCode, @ForwardRuleParams{from}
        """;

    private static string CaseTouch(string caseId) =>
        $"UPDATE cases SET last_inbound_at = @CreatedAt, updated_at = @Now WHERE id = {caseId} RETURNING id, number";

    private const string HandleUpsertTail = "ON CONFLICT (kind, value) DO UPDATE SET kind = excluded.kind RETURNING contact_id";

    // ---- chained (PostgreSQL): the pieces above as one statement ----

    private static string ContactPart(ISqlDialect d) =>
        $"""
        nc AS (INSERT INTO contacts (name, created_at) SELECT @SenderName, @Now WHERE {d.Typed("@contactId", "bigint")} IS NULL RETURNING id),
        h AS (INSERT INTO contact_handles (kind, value, contact_id) SELECT @kind, @value, id FROM nc
              {HandleUpsertTail}),
        who AS (SELECT COALESCE({d.Typed("@contactId", "bigint")}, (SELECT contact_id FROM h)) AS contact_id),
        named AS (UPDATE contacts SET name = @SenderName WHERE id = {d.Typed("@contactId", "bigint")} AND name IS NULL AND {d.Typed("@SenderName", "text")} IS NOT NULL)
        """;

    // The arrival's record (case.opened / message.received) carries the id of the message the statement inserts.
    private static string MessagePart(ISqlDialect d) =>
        $"""
        m AS ({MessageRow.Insert("k.id", " FROM k")}),
        a AS (INSERT INTO audit (case_id, at, actor, action, detail)
              SELECT k.id, @Now, @Actor, @AuditAction, {d.JsonWithKey("@AuditDetail", "messageId", "m.id")}
              FROM k JOIN m ON m.case_id = k.id),
        e AS (INSERT INTO events (kind, case_id, case_number, occurred_at, data)
              SELECT @EventKind, k.id, k.number, @Now, {d.JsonWithKey("@EventData", "messageId", "m.id")}
              FROM k JOIN m ON m.case_id = k.id)
        SELECT k.id AS CaseId, k.number AS Number, m.id AS MessageId FROM k LEFT JOIN m ON m.case_id = k.id
        """;

    /// <summary>One audit row (and event, when the record has one) per record of the registration's journal, named j0, j1 ...</summary>
    private static string JournalPart(IReadOnlyList<CaseRecord> journal) => string.Concat(journal.Select((record, i) =>
        $"""
        j{i} AS (INSERT INTO audit (case_id, at, actor, action, detail) SELECT id, @j{i}At, @j{i}Actor, @j{i}Action, @j{i}Detail FROM k),

        """ + (record.EventKind is null ? "" :
        $"""
        je{i} AS (INSERT INTO events (kind, case_id, case_number, occurred_at, data) SELECT @j{i}Kind, id, number, @j{i}At, @j{i}Data FROM k),

        """)));

    private static string ChainedNewCase(ISqlDialect d, IReadOnlyList<CaseRecord> journal) =>
        $"""
        WITH {ContactPart(d)},
        s(v) AS ({d.NextCaseSerial}),
        k AS ({CaseInsert($"@CaseNumberPrefix || '-' || @CaseDay || '-' || {d.ZeroPadded("s.v", 5)}", "who.contact_id", " FROM s, who")}),
        d AS ({DeadlineInsert("id", " FROM k")}),
        {JournalPart(journal)}{MessagePart(d)}
        """;

    private static string ChainedThreaded(ISqlDialect d) =>
        $"""
        WITH {ContactPart(d)},
        k AS ({CaseTouch("@targetId")}),
        {MessagePart(d)}
        """;

    // Built once per dialect and journal shape (which records have an event): the same text each time, prepared once.
    private static readonly ConcurrentDictionary<(ISqlDialect Dialect, string Shape), string> Chained = new();

    private static string ChainedSql(ISqlDialect dialect, IntakeWrite w)
    {
        var journal = w.Registration?.Journal;
        var shape = journal is null ? "threaded" : string.Concat(journal.Select(r => r.EventKind is null ? 'a' : 'e'));
        return Chained.GetOrAdd((dialect, shape), _ => journal is null ? ChainedThreaded(dialect) : ChainedNewCase(dialect, journal));
    }

    // ---- elsewhere: the same pieces one by one ----

    private static readonly string SequentialCaseInsert = CaseInsert("@number", "@contactId", "");
    private static readonly string SequentialDeadlineInsert = DeadlineInsert("@caseId", "");
    private static readonly string SequentialCaseTouch = CaseTouch("@caseId");
    private static readonly string SequentialMessageInsert = MessageRow.Insert();

    /// <returns>null when the message turned out to be a concurrent duplicate.</returns>
    public static Task<(long CaseId, string Number, long MessageId)?> WriteAsync(DbConnection connection, DbTransaction transaction, ISqlDialect dialect,
        IntakeWrite w, CancellationToken ct) =>
        dialect.ChainsWritesInOneStatement
            ? WriteChainedAsync(connection, transaction, dialect, w, ct)
            : WriteSequentiallyAsync(connection, transaction, dialect, w, ct);

    private static async Task<(long CaseId, string Number, long MessageId)?> WriteChainedAsync(DbConnection connection, DbTransaction transaction,
        ISqlDialect dialect, IntakeWrite w, CancellationToken ct)
    {
        var parameters = new DynamicParameters(Values(w));
        parameters.AddDynamicParams(w.InboundRow(caseId: 0)); // the CTE takes the case's id from k
        var received = w.Decision.Received;
        // The message's id is not known yet: the statement sets it (JsonWithKey) over the null the record leaves in its place.
        parameters.AddDynamicParams(new
        {
            AuditDetail = Serialize(received.AuditDetail(null)), EventData = Serialize(received.EventData(null)), w.CaseNumberPrefix, w.CaseDay,
            targetId = w.Thread.Target?.Id,
        });
        if (w.Registration is { } registration)
            for (var i = 0; i < registration.Journal.Count; i++)
            {
                var record = registration.Journal[i];
                parameters.Add($"j{i}At", record.At);
                parameters.Add($"j{i}Actor", record.Actor);
                parameters.Add($"j{i}Action", record.AuditAction);
                parameters.Add($"j{i}Detail", Serialize(record.AuditDetail(null)));
                if (record.EventKind is { } kind)
                {
                    parameters.Add($"j{i}Kind", kind);
                    parameters.Add($"j{i}Data", Serialize(record.EventData(null)));
                }
            }
        var row = await connection.OneAsync<WrittenRow>(ChainedSql(dialect, w), parameters, transaction, ct);
        return row.MessageId is { } messageId ? (row.CaseId, row.Number, messageId) : null;
    }

    private static async Task<(long CaseId, string Number, long MessageId)?> WriteSequentiallyAsync(DbConnection c, DbTransaction tx, ISqlDialect dialect,
        IntakeWrite w, CancellationToken ct)
    {
        var contactId = await ContactAsync(c, tx, w, ct);
        var values = Values(w);
        long caseId;
        string number;
        if (w.Registration is not { } registration)
        {
            var target = w.Thread.Target ?? throw new InvalidOperationException("A threaded message names no case.");
            (caseId, number) = await c.OneAsync<(long, string)>(SequentialCaseTouch, new { caseId = target.Id, CreatedAt = w.Message.ReceivedAt, w.Now }, tx, ct);
        }
        else
        {
            var serial = await c.OneAsync<long>(dialect.NextCaseSerial, null, tx, ct);
            var parameters = new DynamicParameters(values);
            parameters.AddDynamicParams(new { number = IntakeWrite.CaseNumberOf(w.CaseNumberPrefix, w.CaseDay, serial), contactId, w.Channel, w.Subject,
                CreatedAt = w.Message.ReceivedAt });
            (caseId, number) = await c.OneAsync<(long, string)>(SequentialCaseInsert, parameters, tx, ct);
            var deadline = new DynamicParameters(values);
            deadline.AddDynamicParams(new { caseId });
            await c.ExecAsync(SequentialDeadlineInsert, deadline, tx, ct);
            foreach (var record in registration.Journal) await CaseJournal.WriteAsync(c, tx, caseId, number, record, null, ct);
        }

        var messageId = await c.OneOrDefaultAsync<long?>(SequentialMessageInsert, w.InboundRow(caseId), tx, ct);
        if (messageId is null) return null;
        await CaseJournal.WriteAsync(c, tx, caseId, number, w.Decision.Received, messageId, ct);
        return (caseId, number, messageId.Value);
    }

    /// <summary>The values the case, deadline, contact and arrival statements take, named as they name them (the message's own come from <see cref="MessageRow"/>).</summary>
    private static object Values(IntakeWrite w)
    {
        var message = w.Message;
        var fields = message.Fields;
        var received = w.Decision.Received;
        return new
        {
            w.SenderName, w.Now, contactId = w.Lookup.ContactId, kind = message.Sender.KindName, value = message.Sender.Value,
            received.Actor, received.AuditAction, received.EventKind,
            w.Category, name = w.ComplainantName, w.ContactPhone, w.ContactEmail, occurredAt = fields?.OccurredAt, location = fields?.Location,
            request = fields?.CustomerRequest, session = message.Thread.SessionKey, relatedCaseId = w.Thread.RelatedCaseId,
            w.ForwardKind, w.ForwardDueAt, w.ForwardRule, w.ForwardWarnAt, w.ForwardStartsAt, w.ForwardStartedBy, w.ForwardRuleCode, w.ForwardRuleParams,
            w.Class,
        };
    }

    private static string Serialize(object value) => JsonSerializer.Serialize(value, Json.Options);

    private static async Task<long> ContactAsync(DbConnection c, DbTransaction tx, IntakeWrite w, CancellationToken ct)
    {
        if (w.Lookup.ContactId is { } known)
        {
            if (!w.Lookup.ContactHasName && w.SenderName is { } name)
                await c.ExecAsync("UPDATE contacts SET name = @name WHERE id = @known AND name IS NULL", new { name, known }, tx, ct);
            return known;
        }
        var created = await c.OneAsync<long>("INSERT INTO contacts (name, created_at) VALUES (@SenderName, @Now) RETURNING id",
            new { w.SenderName, w.Now }, tx, ct);
        return await c.OneAsync<long>(
            $"INSERT INTO contact_handles (kind, value, contact_id) VALUES (@kind, @value, @created) {HandleUpsertTail}",
            new { kind = w.Message.Sender.KindName, value = w.Message.Sender.Value, created }, tx, ct);
    }

    private sealed class WrittenRow
    {
        public long CaseId { get; init; }
        public string Number { get; init; } = "";
        public long? MessageId { get; init; }
    }
}
