using System.Data.Common;
using Dapper;
using OmniIntake.Core.Audit;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Dialects;

namespace OmniIntake.Data.Intake;

/// <summary>
/// The intake's one writer (issue 13 item 6): contact, case, forwarding deadline, message, audit and event, each
/// statement written once below. Where the dialect chains writes (PostgreSQL's data-modifying CTEs) they travel as ONE
/// statement, a round trip the benchmark counts; elsewhere (SQLite, in-process, round trips cost nothing) they run one
/// after the other. Either way they store the same values (<see cref="IntakeWrite"/>), and a concurrent duplicate
/// inserts no message, so the caller rolls the whole transaction back.
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

    // ---- PostgreSQL: the pieces above as one statement ----

    private const string ContactPart =
        $"""
        nc AS (INSERT INTO contacts (name, created_at) SELECT @SenderName, @Now WHERE @contactId::bigint IS NULL RETURNING id),
        h AS (INSERT INTO contact_handles (kind, value, contact_id) SELECT @kind, @value, id FROM nc
              {HandleUpsertTail}),
        who AS (SELECT COALESCE(@contactId::bigint, (SELECT contact_id FROM h)) AS contact_id),
        named AS (UPDATE contacts SET name = @SenderName WHERE id = @contactId::bigint AND name IS NULL AND @SenderName::text IS NOT NULL)
        """;

    private static readonly string MessagePart =
        $"""
        m AS ({MessageRow.Insert("k.id", " FROM k")}),
        a AS (INSERT INTO audit (case_id, at, actor, action, detail)
              SELECT k.id, @Now, @Actor, @AuditAction, (@AuditDetail::jsonb || jsonb_build_object('messageId', m.id))::text
              FROM k JOIN m ON m.case_id = k.id),
        e AS (INSERT INTO events (kind, case_id, case_number, occurred_at, data)
              SELECT @EventKind, k.id, k.number, @Now, (@EventData::jsonb || jsonb_build_object('messageId', m.id))::text
              FROM k JOIN m ON m.case_id = k.id)
        SELECT k.id AS CaseId, k.number AS Number, m.id AS MessageId FROM k LEFT JOIN m ON m.case_id = k.id
        """;

    private static readonly string ChainedNewCase =
        $"""
        WITH {ContactPart},
        s AS (SELECT nextval('case_serial') AS v),
        k AS ({CaseInsert("@CaseNumberPrefix || '-' || @CaseDay || '-' || lpad(s.v::text, greatest(5, length(s.v::text)), '0')", "who.contact_id", " FROM s, who")}),
        d AS ({DeadlineInsert("id", " FROM k")}),
        u AS (INSERT INTO audit (case_id, at, actor, action, detail)
              SELECT id, @Now, 'system', 'category.unknown', @unknownCategory FROM k WHERE @unknownCategory::text IS NOT NULL),
        r AS (INSERT INTO audit (case_id, at, actor, action, detail)
              SELECT id, @Now, 'system', 'case.classified', @ClassifiedDetail FROM k WHERE @ClassifiedDetail::text IS NOT NULL),
        {MessagePart}
        """;

    private static readonly string ChainedThreaded =
        $"""
        WITH {ContactPart},
        k AS ({CaseTouch("@targetId")}),
        {MessagePart}
        """;

    // ---- elsewhere: the same pieces one by one ----

    private static readonly string SequentialCaseInsert = CaseInsert("@number", "@contactId", "");
    private static readonly string SequentialDeadlineInsert = DeadlineInsert("@caseId", "");
    private static readonly string SequentialCaseTouch = CaseTouch("@caseId");
    private static readonly string SequentialMessageInsert = MessageRow.Insert();

    /// <returns>null when the message turned out to be a concurrent duplicate.</returns>
    public static Task<(long CaseId, string Number, long MessageId)?> WriteAsync(DbConnection connection, DbTransaction transaction, ISqlDialect dialect,
        IntakeWrite w, CancellationToken ct) =>
        dialect.ChainsWritesInOneStatement ? WriteChainedAsync(connection, transaction, w, ct) : WriteSequentiallyAsync(connection, transaction, w, ct);

    private static async Task<(long CaseId, string Number, long MessageId)?> WriteChainedAsync(DbConnection connection, DbTransaction transaction,
        IntakeWrite w, CancellationToken ct)
    {
        var parameters = new DynamicParameters(Values(w));
        parameters.AddDynamicParams(w.InboundRow(caseId: 0)); // the CTE takes the case's id from k
        parameters.AddDynamicParams(new
        {
            w.AuditDetail, w.EventData, w.CaseNumberPrefix, w.CaseDay, w.ClassifiedDetail,
            unknownCategory = UnknownCategory(w) is { } given ? System.Text.Json.JsonSerializer.Serialize(given, Json.Options) : null,
            targetId = w.Thread.Target?.Id,
        });
        var row = await connection.OneAsync<WrittenRow>(w.IsNewCase ? ChainedNewCase : ChainedThreaded, parameters, transaction, ct);
        return row.MessageId is { } messageId ? (row.CaseId, row.Number, messageId) : null;
    }

    private static async Task<(long CaseId, string Number, long MessageId)?> WriteSequentiallyAsync(DbConnection c, DbTransaction tx, IntakeWrite w,
        CancellationToken ct)
    {
        var contactId = await ContactAsync(c, tx, w, ct);
        var values = Values(w);
        long caseId;
        string number;
        if (w.Thread.Target is { } target)
        {
            (caseId, number) = await c.OneAsync<(long, string)>(SequentialCaseTouch, new { caseId = target.Id, CreatedAt = w.Message.ReceivedAt, w.Now }, tx, ct);
        }
        else
        {
            var serial = await c.OneAsync<long>("UPDATE case_serial SET value = value + 1 WHERE id = 1 RETURNING value", null, tx, ct);
            var parameters = new DynamicParameters(values);
            parameters.AddDynamicParams(new { number = IntakeWrite.CaseNumberOf(w.CaseNumberPrefix, w.CaseDay, serial), contactId, w.Channel, w.Subject,
                CreatedAt = w.Message.ReceivedAt });
            (caseId, number) = await c.OneAsync<(long, string)>(SequentialCaseInsert, parameters, tx, ct);
            var deadline = new DynamicParameters(values);
            deadline.AddDynamicParams(new { caseId });
            await c.ExecAsync(SequentialDeadlineInsert, deadline, tx, ct);
            if (w.CategoryUnknown)
                await CaseJournal.WriteAsync(c, tx, caseId, new Core.Cases.UnknownCategoryGiven(w.Now, w.Message.Fields!.Category), ct);
            if (w.ClassifiedDetail is { } classified)
                await c.ExecAsync("INSERT INTO audit (case_id, at, actor, action, detail) VALUES (@caseId, @Now, @actor, 'case.classified', @classified)",
                    new { caseId, w.Now, actor = AuditActors.System, classified }, tx, ct);
        }

        var messageId = await c.OneOrDefaultAsync<long?>(SequentialMessageInsert, w.InboundRow(caseId), tx, ct);
        if (messageId is null) return null;

        await c.ExecAsync(
            """
            INSERT INTO audit (case_id, at, actor, action, detail) VALUES (@caseId, @Now, @Actor, @AuditAction, @detail);
            INSERT INTO events (kind, case_id, case_number, occurred_at, data) VALUES (@EventKind, @caseId, @number, @Now, @data);
            """,
            new
            {
                caseId, w.Now, w.Actor, w.AuditAction, detail = WithMessageId(w.AuditDetail, messageId.Value), w.EventKind, number,
                data = WithMessageId(w.EventData, messageId.Value),
            }, tx, ct);
        return (caseId, number, messageId.Value);
    }

    /// <summary>The values the case, deadline and contact statements take, named as they name them (the message's own come from <see cref="MessageRow"/>).</summary>
    private static object Values(IntakeWrite w)
    {
        var message = w.Message;
        var fields = message.Fields;
        return new
        {
            w.SenderName, w.Now, contactId = w.Lookup.ContactId, kind = message.Sender.KindName, value = message.Sender.Value,
            w.Actor, w.AuditAction, w.EventKind,
            w.Category, name = w.ComplainantName, w.ContactPhone, w.ContactEmail, occurredAt = fields?.OccurredAt, location = fields?.Location,
            request = fields?.CustomerRequest, session = message.Thread.SessionKey, relatedCaseId = w.Thread.RelatedCaseId,
            w.ForwardKind, w.ForwardDueAt, w.ForwardRule, w.ForwardWarnAt, w.ForwardStartsAt, w.ForwardStartedBy, w.ForwardRuleCode, w.ForwardRuleParams,
            w.Class,
        };
    }

    private static object? UnknownCategory(IntakeWrite w) => w.CategoryUnknown ? new { given = w.Message.Fields!.Category } : null;

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

    private static string WithMessageId(string json, long messageId)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node["messageId"] = messageId;
        return node.ToJsonString(Json.Options);
    }

    private sealed class WrittenRow
    {
        public long CaseId { get; init; }
        public string Number { get; init; } = "";
        public long? MessageId { get; init; }
    }
}
