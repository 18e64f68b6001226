using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OmniIntake.Core.Audit;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Events;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Text;
using OmniIntake.Data.Cases;

namespace OmniIntake.Data.Intake;

/// <summary>
/// The one intake pipeline: dedupe, contact, thread, write (case, message, deadline, audit, event) in ONE
/// transaction, then tell the event log. A channel acknowledges only after this returned.
/// </summary>
public sealed class SqlIntakePipeline(
    Database database,
    IntakeOptions options,
    TimeProvider clock,
    IEventLogSignal signal,
    ILogger<SqlIntakePipeline> logger) : IIntake
{
    private readonly HtmlCleaner _html = new();
    private readonly TimeZoneInfo _zone = options.Zone;

    public async Task<IntakeResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        var errors = InboundMessageRules.Check(message);
        if (errors.Count > 0) throw new InvalidInboundMessageException(errors);

        await using var connection = await database.OpenAsync(cancellationToken);
        IntakeResult result;
        await using (var transaction = await Database.BeginWriteAsync(connection, cancellationToken))
        {
            // Inside the transaction: a read outside would be a transaction (a commit) of its own.
            if (await FindDuplicateAsync(connection, transaction, message, cancellationToken) is { } seen)
            {
                await transaction.RollbackAsync(cancellationToken);
                return seen;
            }
            var written = await WriteAsync(connection, transaction, message, cancellationToken);
            if (written is null)
            {
                // A concurrent delivery of the same message committed first: undo ours, answer with theirs.
                await transaction.RollbackAsync(cancellationToken);
                return await FindDuplicateAsync(connection, null, message, cancellationToken)
                       ?? throw new InvalidOperationException("A message conflicted on (channel, external id) but cannot be found.");
            }
            await transaction.CommitAsync(cancellationToken);
            result = written;
        }
        signal.EventsCommitted();
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("Intake {Channel}/{ExternalId}: {Outcome} {CaseNumber}", message.Channel.ToName(), message.ExternalId,
                result.Outcome, result.CaseNumber);
        return result;
    }

    private static async Task<IntakeResult?> FindDuplicateAsync(DbConnection connection, DbTransaction? transaction,
        InboundMessage message, CancellationToken ct)
    {
        var row = await connection.FirstOrDefaultAsync<(long MessageId, long CaseId, string Number)?>(
            """
            SELECT m.id, m.case_id, c.number FROM messages m JOIN cases c ON c.id = m.case_id
            WHERE m.channel = @channel AND m.external_id = @externalId AND m.direction = 'inbound'
            """,
            new { channel = message.Channel.ToName(), externalId = message.ExternalId }, transaction, ct);
        return row is { } r ? new IntakeResult(r.CaseId, r.Number, r.MessageId, IntakeOutcome.Duplicate) : null;
    }

    /// <returns>null when the message turned out to be a duplicate.</returns>
    private async Task<IntakeResult?> WriteAsync(DbConnection connection, DbTransaction transaction, InboundMessage message,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var contactId = await ResolveContactAsync(connection, transaction, message.Sender, message.SenderName ?? message.Fields?.ComplainantName, now, ct);
        var thread = await ThreadAsync(connection, transaction, message, contactId, now, ct);

        long caseId;
        string caseNumber;
        var outcome = thread.Target is null ? IntakeOutcome.NewCase : IntakeOutcome.Threaded;
        if (thread.Target is { } target)
        {
            (caseId, caseNumber) = (target.Id, target.Number);
            await connection.ExecAsync("UPDATE cases SET last_inbound_at = @at, updated_at = @now WHERE id = @id",
                new { at = message.ReceivedAt, now, id = caseId }, transaction, ct);
        }
        else
        {
            (caseId, caseNumber) = await OpenCaseAsync(connection, transaction, message, contactId, thread.RelatedCaseId, now, ct);
        }

        var messageId = await InsertMessageAsync(connection, transaction, caseId, message, ct);
        if (messageId is null) return null;

        var summary = new { messageId, channel = message.Channel.ToName(), sender = message.Sender.ToString(), preview = Preview(message) };
        if (outcome == IntakeOutcome.NewCase)
        {
            await CaseJournal.RecordAsync(connection, transaction, caseId, caseNumber, now, message.RegisteredBy ?? AuditActors.Customer,
                "case.opened", new { channel = message.Channel.ToName(), externalId = message.ExternalId, relatedCaseId = thread.RelatedCaseId, thread.Reason },
                CaseEventKinds.CaseOpened, summary, ct);
        }
        else
        {
            await CaseJournal.RecordAsync(connection, transaction, caseId, caseNumber, now, message.RegisteredBy ?? AuditActors.Customer,
                "message.received", new { messageId, channel = message.Channel.ToName(), thread.Reason },
                CaseEventKinds.MessageReceived, summary, ct);
        }
        return new IntakeResult(caseId, caseNumber, messageId.Value, outcome);
    }

    private static async Task<long> ResolveContactAsync(DbConnection connection, DbTransaction transaction, ContactHandle handle,
        string? name, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await connection.OneOrDefaultAsync<long?>("SELECT contact_id FROM contact_handles WHERE kind = @KindName AND value = @Value",
            handle, transaction, ct);
        if (existing is { } id)
        {
            if (!string.IsNullOrWhiteSpace(name))
                await connection.ExecAsync("UPDATE contacts SET name = @name WHERE id = @id AND name IS NULL", new { name, id }, transaction, ct);
            return id;
        }
        var created = await connection.OneAsync<long>("INSERT INTO contacts (name, created_at) VALUES (@name, @now) RETURNING id",
            new { name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(), now }, transaction, ct);
        // Two first messages from one person may race; the handle's key decides whose contact stays.
        var owner = await connection.OneAsync<long>(
            """
            INSERT INTO contact_handles (kind, value, contact_id) VALUES (@kind, @value, @created)
            ON CONFLICT (kind, value) DO UPDATE SET kind = excluded.kind RETURNING contact_id
            """,
            new { kind = handle.KindName, value = handle.Value, created }, transaction, ct);
        if (owner != created)
            await connection.ExecAsync("DELETE FROM contacts WHERE id = @created", new { created }, transaction, ct);
        return owner;
    }

    private sealed record CaseRow(long Id, string Number, string Status, long ContactId);

    private sealed record ThreadDecision(CaseRow? Target, long? RelatedCaseId, string Reason);

    /// <summary>
    /// Threading rules, strongest first (issue 2): a case number quoted in the subject or text; email
    /// In-Reply-To/References; the same chat session; the same phone within the window. A message never joins a
    /// case whose party it is not (Zammad #5064), nor a case that is no longer open: then it opens a new case
    /// linked to the one it named.
    /// </summary>
    private async Task<ThreadDecision> ThreadAsync(DbConnection connection, DbTransaction transaction, InboundMessage message,
        long contactId, DateTimeOffset now, CancellationToken ct)
    {
        long? related = null;
        const string Columns = "SELECT id, number, status, contact_id AS ContactId FROM cases";

        var quoted = CaseNumber.FindIn(message.Subject).Concat(CaseNumber.FindIn(message.Text)).Select(n => n.ToString()).Distinct().ToList();
        if (quoted.Count > 0)
        {
            var named = await connection.ListAsync<CaseRow>($"{Columns} WHERE {database.In("number", "@quoted")}", new { quoted }, transaction, ct);
            if (Pick(named, contactId) is { } hit) return new ThreadDecision(hit, null, "case number quoted");
            related ??= named.Count > 0 ? named[0].Id : null;
        }

        if (message.Thread.Replies.Count > 0)
        {
            var ids = message.Thread.Replies.Take(50).ToList();
            var named = await connection.ListAsync<CaseRow>(
                $"{Columns} WHERE id IN (SELECT case_id FROM messages WHERE {database.In("email_message_id", "@ids")}) ORDER BY id DESC",
                new { ids }, transaction, ct);
            if (Pick(named, contactId) is { } hit) return new ThreadDecision(hit, null, "email reply");
            related ??= named.Count > 0 ? named[0].Id : null;
        }

        var since = now - options.ThreadingWindow;
        if (message.Thread.SessionKey is { } session)
        {
            var named = await connection.ListAsync<CaseRow>(
                $"{Columns} WHERE session_key = @session AND last_inbound_at >= @since ORDER BY id DESC LIMIT 5",
                new { session, since }, transaction, ct);
            if (Pick(named, contactId) is { } hit) return new ThreadDecision(hit, null, "chat session");
        }

        if (message.Sender.Kind == ContactHandleKind.Phone && !message.Channel.IsManual())
        {
            var recent = await connection.ListAsync<CaseRow>(
                $"{Columns} WHERE contact_id = @contactId AND {database.In("status", "@open")} AND last_inbound_at >= @since ORDER BY last_inbound_at DESC LIMIT 1",
                new { contactId, open = CaseLifecycle.OpenNames, since }, transaction, ct);
            if (recent.Count > 0) return new ThreadDecision(recent[0], null, "same phone within window");
        }

        return new ThreadDecision(null, related, related is null ? "new" : "named case closed or not the sender's");
    }

    private static CaseRow? Pick(IReadOnlyList<CaseRow> candidates, long contactId) =>
        candidates.FirstOrDefault(c => c.ContactId == contactId
                                       && CaseLifecycle.TryParse(c.Status, out var s) && CaseLifecycle.IsOpen(s));

    private async Task<(long Id, string Number)> OpenCaseAsync(DbConnection connection, DbTransaction transaction,
        InboundMessage message, long contactId, long? relatedCaseId, DateTimeOffset now, CancellationToken ct)
    {
        var serial = database.IsPostgres
            ? await connection.OneAsync<long>("SELECT nextval('case_serial')", null, transaction, ct)
            : await connection.OneAsync<long>("UPDATE case_serial SET value = value + 1 WHERE id = 1 RETURNING value", null, transaction, ct);
        var number = CaseNumber.Create(options.CaseNumberPrefix, message.ReceivedAt, _zone, serial).ToString();
        var fields = message.Fields ?? new CaseFields();
        var category = await KnownCategoryAsync(connection, transaction, fields.Category, ct);

        var id = await connection.OneAsync<long>(
            """
            INSERT INTO cases (number, channel, status, class, category, contact_id, subject, complainant_name, contact_phone,
                               contact_email, occurred_at, location, customer_request, session_key, related_case_id,
                               received_at, last_inbound_at, updated_at)
            VALUES (@number, @channel, 'received', 'general', @category, @contactId, @subject, @name, @phone,
                    @email, @occurredAt, @location, @request, @session, @relatedCaseId,
                    @receivedAt, @receivedAt, @now)
            RETURNING id
            """,
            new
            {
                number, channel = message.Channel.ToName(), category, contactId, subject = message.Subject,
                name = fields.ComplainantName ?? message.SenderName,
                phone = fields.ContactPhone ?? (message.Sender.Kind == ContactHandleKind.Phone ? message.Sender.Value : null),
                email = fields.ContactEmail ?? (message.Sender.Kind == ContactHandleKind.Email ? message.Sender.Value : null),
                occurredAt = fields.OccurredAt, location = fields.Location, request = fields.CustomerRequest,
                session = message.Thread.SessionKey, relatedCaseId, receivedAt = message.ReceivedAt, now,
            }, transaction, ct);

        // Policy 5.2.2, first cut: forward within the window of receipt (the calendar-aware policy is issue 6).
        await connection.ExecAsync(
            "INSERT INTO deadlines (case_id, kind, due_at, rule, state) VALUES (@id, @kind, @due, @rule, 'pending')",
            new
            {
                id, kind = DeadlineKind.Forward.ToName(), due = message.ReceivedAt + options.ForwardingWindow,
                rule = $"policy 5.2.2: forward within {options.ForwardingWindow.TotalMinutes:0} minutes of receipt",
            }, transaction, ct);

        if (fields.Category is not null && category is null)
        {
            await CaseJournal.AuditOnlyAsync(connection, transaction, id, now, AuditActors.System, "category.unknown",
                new { given = fields.Category }, ct);
        }
        return (id, number);
    }

    private static async Task<string?> KnownCategoryAsync(DbConnection connection, DbTransaction transaction, string? code,
        CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code)
            ? null
            : await connection.OneOrDefaultAsync<string>("SELECT code FROM categories WHERE code = @code", new { code = code.Trim() },
                transaction, ct);

    private async Task<long?> InsertMessageAsync(DbConnection connection, DbTransaction transaction, long caseId,
        InboundMessage message, CancellationToken ct)
    {
        var html = message.Html is null ? null : _html.Sanitize(message.Html);
        var text = string.IsNullOrWhiteSpace(message.Text) && html is not null ? HtmlCleaner.ToPlainText(html) : message.Text;
        return await connection.OneOrDefaultAsync<long?>(
            """
            INSERT INTO messages (case_id, direction, channel, external_id, sender, author, subject, body_text, body_html,
                                  attachments, email_message_id, created_at)
            VALUES (@caseId, 'inbound', @channel, @externalId, @sender, @author, @subject, @text, @html,
                    @attachments, @emailId, @receivedAt)
            ON CONFLICT (channel, external_id) WHERE direction = 'inbound' DO NOTHING
            RETURNING id
            """,
            new
            {
                caseId, channel = message.Channel.ToName(), externalId = message.ExternalId, sender = message.Sender.ToString(),
                author = message.RegisteredBy, subject = StripNul(message.Subject), text = StripNul(text ?? string.Empty),
                html = StripNul(html), attachments = JsonSerializer.Serialize(message.Attachments, Json.Options),
                emailId = message.Thread.MessageId, receivedAt = message.ReceivedAt,
            }, transaction, ct);
    }

    /// <summary>PostgreSQL text cannot hold U+0000, which broken mail does carry; it carries no meaning.</summary>
    private static string? StripNul(string? value) => value?.Replace("\0", string.Empty, StringComparison.Ordinal);

    private static string Preview(InboundMessage message)
    {
        var text = message.Subject is { Length: > 0 } s ? s + " — " + message.Text : message.Text;
        return text.Length <= 140 ? text : text[..140] + "…";
    }
}
