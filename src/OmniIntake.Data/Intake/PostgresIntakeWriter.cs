using System.Data.Common;

namespace OmniIntake.Data.Intake;

/// <summary>
/// The intake's writes on PostgreSQL as ONE statement (data-modifying CTEs): contact, case, deadline, message,
/// audit and event travel in one round trip. The message insert keeps the dedupe guarantee: on a concurrent
/// duplicate it returns no row and the caller rolls the whole transaction back.
/// </summary>
internal static class PostgresIntakeWriter
{
    private const string ContactPart =
        """
        nc AS (INSERT INTO contacts (name, created_at) SELECT @SenderName, @Now WHERE @contactId::bigint IS NULL RETURNING id),
        h AS (INSERT INTO contact_handles (kind, value, contact_id) SELECT @kind, @value, id FROM nc
              ON CONFLICT (kind, value) DO UPDATE SET kind = excluded.kind RETURNING contact_id),
        who AS (SELECT COALESCE(@contactId::bigint, (SELECT contact_id FROM h)) AS contact_id),
        named AS (UPDATE contacts SET name = @SenderName WHERE id = @contactId::bigint AND name IS NULL AND @SenderName::text IS NOT NULL)
        """;

    private const string MessagePart =
        """
        m AS (INSERT INTO messages (case_id, direction, channel, external_id, sender, author, subject, body_text, body_html,
                                    attachments, email_message_id, created_at, notices)
              SELECT k.id, 'inbound', @Channel, @externalId, @sender, @author, @subject, @BodyText, @SanitisedHtml,
                     @AttachmentsJson, @emailId, @receivedAt, @Notices FROM k
              ON CONFLICT (channel, external_id) WHERE direction = 'inbound' DO NOTHING
              RETURNING id, case_id),
        a AS (INSERT INTO audit (case_id, at, actor, action, detail)
              SELECT k.id, @Now, @Actor, @AuditAction, (@AuditDetail::jsonb || jsonb_build_object('messageId', m.id))::text
              FROM k JOIN m ON m.case_id = k.id),
        e AS (INSERT INTO events (kind, case_id, case_number, occurred_at, data)
              SELECT @EventKind, k.id, k.number, @Now, (@EventData::jsonb || jsonb_build_object('messageId', m.id))::text
              FROM k JOIN m ON m.case_id = k.id)
        SELECT k.id AS CaseId, k.number AS Number, m.id AS MessageId FROM k LEFT JOIN m ON m.case_id = k.id
        """;

    private const string NewCase =
        $"""
        WITH {ContactPart},
        s AS (SELECT nextval('case_serial') AS v),
        k AS (INSERT INTO cases (number, channel, status, class, category, contact_id, subject, complainant_name, contact_phone,
                                 contact_email, occurred_at, location, customer_request, session_key, related_case_id,
                                 received_at, last_inbound_at, updated_at)
              SELECT @CaseNumberPrefix || '-' || @CaseDay || '-' || lpad(s.v::text, greatest(5, length(s.v::text)), '0'),
                     @Channel, 'received', @Class, @Category, who.contact_id, @subject, @name, @ContactPhone,
                     @ContactEmail, @occurredAt, @location, @request, @session, @relatedCaseId,
                     @receivedAt, @receivedAt, @Now
              FROM s, who RETURNING id, number),
        d AS (INSERT INTO deadlines (case_id, kind, due_at, rule, state, warn_at, starts_at, started_by, rule_code, rule_params)
              SELECT id, @ForwardKind, @ForwardDueAt, @ForwardRule, 'pending', @ForwardWarnAt, @ForwardStartsAt, @ForwardStartedBy,
                     @ForwardRuleCode, @ForwardRuleParams FROM k),
        u AS (INSERT INTO audit (case_id, at, actor, action, detail)
              SELECT id, @Now, 'system', 'category.unknown', @unknownCategory FROM k WHERE @unknownCategory::text IS NOT NULL),
        r AS (INSERT INTO audit (case_id, at, actor, action, detail)
              SELECT id, @Now, 'system', 'case.classified', @ClassifiedDetail FROM k WHERE @ClassifiedDetail::text IS NOT NULL),
        {MessagePart}
        """;

    private const string Threaded =
        $"""
        WITH {ContactPart},
        k AS (UPDATE cases SET last_inbound_at = @receivedAt, updated_at = @Now WHERE id = @targetId RETURNING id, number),
        {MessagePart}
        """;

    /// <returns>null when the message turned out to be a concurrent duplicate.</returns>
    public static async Task<(long CaseId, string Number, long MessageId)?> WriteAsync(DbConnection connection, DbTransaction transaction,
        IntakeWrite w, CancellationToken ct)
    {
        var message = w.Message;
        var fields = message.Fields;
        var row = await connection.OneAsync<WrittenRow>(w.IsNewCase ? NewCase : Threaded, new
        {
            w.SenderName, w.Now, contactId = w.Lookup.ContactId, kind = message.Sender.KindName, value = message.Sender.Value,
            w.Channel, externalId = message.ExternalId, sender = message.Sender.ToString(), author = message.RegisteredBy,
            subject = IntakeWrite.StripNul(message.Subject), w.BodyText, w.SanitisedHtml, w.AttachmentsJson, w.Notices,
            emailId = message.Thread.MessageId, receivedAt = message.ReceivedAt, w.Actor, w.AuditAction, w.AuditDetail, w.EventKind,
            w.EventData, w.CaseNumberPrefix, w.CaseDay, w.Category, name = w.ComplainantName,
            w.ContactPhone, w.ContactEmail, occurredAt = fields?.OccurredAt, location = fields?.Location,
            request = fields?.CustomerRequest, session = message.Thread.SessionKey, relatedCaseId = w.Thread.RelatedCaseId,
            w.ForwardKind, w.ForwardDueAt, w.ForwardRule, w.ForwardWarnAt, w.ForwardStartsAt, w.ForwardStartedBy, w.ForwardRuleCode, w.ForwardRuleParams, w.Class, w.ClassifiedDetail,
            unknownCategory = w.CategoryUnknown ? System.Text.Json.JsonSerializer.Serialize(new { given = fields!.Category }, Json.Options) : null,
            targetId = w.Thread.Target?.Id,
        }, transaction, ct);
        return row.MessageId is { } messageId ? (row.CaseId, row.Number, messageId) : null;
    }

    private sealed class WrittenRow
    {
        public long CaseId { get; init; }
        public string Number { get; init; } = "";
        public long? MessageId { get; init; }
    }
}
