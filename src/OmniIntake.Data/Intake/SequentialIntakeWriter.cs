using System.Data.Common;
using OmniIntake.Core.Audit;
using OmniIntake.Data.Cases;

namespace OmniIntake.Data.Intake;

/// <summary>
/// The intake's writes statement by statement, for SQLite: it is in-process, so round trips cost nothing, and it
/// lacks data-modifying CTEs. Writes exactly what <see cref="PostgresIntakeWriter"/> writes.
/// </summary>
internal static class SequentialIntakeWriter
{
    /// <returns>null when the message turned out to be a duplicate.</returns>
    public static async Task<(long CaseId, string Number, long MessageId)?> WriteAsync(DbConnection c, DbTransaction tx, IntakeWrite w,
        CancellationToken ct)
    {
        var message = w.Message;
        var contactId = await ContactAsync(c, tx, w, ct);
        long caseId;
        string number;
        if (w.Thread.Target is { } target)
        {
            (caseId, number) = (target.Id, target.Number);
            await c.ExecAsync("UPDATE cases SET last_inbound_at = @at, updated_at = @now WHERE id = @caseId",
                new { at = message.ReceivedAt, now = w.Now, caseId }, tx, ct);
        }
        else
        {
            var serial = await c.OneAsync<long>("UPDATE case_serial SET value = value + 1 WHERE id = 1 RETURNING value", null, tx, ct);
            number = IntakeWrite.CaseNumberOf(w.CaseNumberPrefix, w.CaseDay, serial);
            var fields = message.Fields;
            caseId = await c.OneAsync<long>(
                """
                INSERT INTO cases (number, channel, status, class, category, contact_id, subject, complainant_name, contact_phone,
                                   contact_email, occurred_at, location, customer_request, session_key, related_case_id,
                                   received_at, last_inbound_at, updated_at)
                VALUES (@number, @Channel, 'received', @Class, @Category, @contactId, @subject, @name, @ContactPhone,
                        @ContactEmail, @occurredAt, @location, @request, @session, @relatedCaseId, @receivedAt, @receivedAt, @Now)
                RETURNING id
                """,
                new
                {
                    number, w.Channel, w.Class, w.Category, contactId, subject = IntakeWrite.StripNul(message.Subject),
                    name = w.ComplainantName, w.ContactPhone, w.ContactEmail, occurredAt = fields?.OccurredAt,
                    location = fields?.Location, request = fields?.CustomerRequest, session = message.Thread.SessionKey,
                    relatedCaseId = w.Thread.RelatedCaseId, receivedAt = message.ReceivedAt, w.Now,
                }, tx, ct);
            await c.ExecAsync(
                """
                INSERT INTO deadlines (case_id, kind, due_at, rule, state, warn_at, starts_at, started_by, rule_code, rule_params)
                VALUES (@caseId, @ForwardKind, @ForwardDueAt, @ForwardRule, 'pending', @ForwardWarnAt, @ForwardStartsAt, @ForwardStartedBy,
                        @ForwardRuleCode, @ForwardRuleParams)
                """, new
                {
                    caseId, w.ForwardKind, w.ForwardDueAt, w.ForwardRule, w.ForwardWarnAt, w.ForwardStartsAt, w.ForwardStartedBy, w.ForwardRuleCode,
                    w.ForwardRuleParams,
                }, tx, ct);
            if (w.CategoryUnknown)
                await CaseJournal.WriteAsync(c, tx, caseId, new Core.Cases.UnknownCategoryGiven(w.Now, fields!.Category), ct);
            if (w.ClassifiedDetail is { } classified)
                await c.ExecAsync("INSERT INTO audit (case_id, at, actor, action, detail) VALUES (@caseId, @Now, @actor, 'case.classified', @classified)",
                    new { caseId, w.Now, actor = AuditActors.System, classified }, tx, ct);
        }

        var messageId = await c.OneOrDefaultAsync<long?>(
            """
            INSERT INTO messages (case_id, direction, channel, external_id, sender, author, subject, body_text, body_html,
                                  attachments, email_message_id, created_at, notices)
            VALUES (@caseId, 'inbound', @Channel, @externalId, @sender, @author, @subject, @BodyText, @SanitisedHtml,
                    @AttachmentsJson, @emailId, @receivedAt, @Notices)
            ON CONFLICT (channel, external_id) WHERE direction = 'inbound' DO NOTHING
            RETURNING id
            """,
            new
            {
                caseId, w.Channel, externalId = message.ExternalId, sender = message.Sender.ToString(), author = message.RegisteredBy,
                subject = IntakeWrite.StripNul(message.Subject), w.BodyText, w.SanitisedHtml, w.AttachmentsJson, w.Notices,
                emailId = message.Thread.MessageId, receivedAt = message.ReceivedAt,
            }, tx, ct);
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
            """
            INSERT INTO contact_handles (kind, value, contact_id) VALUES (@kind, @value, @created)
            ON CONFLICT (kind, value) DO UPDATE SET kind = excluded.kind RETURNING contact_id
            """, new { kind = w.Message.Sender.KindName, value = w.Message.Sender.Value, created }, tx, ct);
    }

    private static string WithMessageId(string json, long messageId)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node["messageId"] = messageId;
        return node.ToJsonString(Json.Options);
    }
}
