using System.Text;

namespace OmniIntake.Data.Cases;

/// <summary>The queue and the case file, read-only.</summary>
public sealed class CaseQueries(Database database)
{
    internal const string SummaryColumns =
        """
        SELECT c.id, c.number, c.channel, c.status, c.class, c.category, c.subject, c.complainant_name, c.contact_id,
               c.department_id, c.related_case_id, c.received_at, c.last_inbound_at, c.first_forwarded_at, c.claimed_by, c.merged_into_id,
               d.due_at AS forward_due_at, d.warn_at AS forward_warn_at, d.state AS forward_state,
               (SELECT u.display_name FROM users u WHERE u.username = c.claimed_by) AS claimed_by_name,
               (SELECT MIN(a.due_at) FROM deadlines a WHERE a.case_id = c.id AND a.kind IN ('ownerAnswer', 'publicReply') AND a.state = 'pending') AS answer_due_at,
               (SELECT MIN(a.warn_at) FROM deadlines a WHERE a.case_id = c.id AND a.kind IN ('ownerAnswer', 'publicReply') AND a.state = 'pending') AS answer_warn_at
        FROM cases c LEFT JOIN deadlines d ON d.case_id = c.id AND d.kind = 'forward'
        """;

    public async Task<IReadOnlyList<CaseSummary>> ListAsync(CaseFilter filter, CancellationToken cancellationToken = default)
    {
        var sql = new StringBuilder(SummaryColumns).Append(" WHERE 1 = 1");
        if (filter.Status is not null) sql.Append(" AND c.status = @Status");
        if (filter.Channel is not null) sql.Append(" AND c.channel = @Channel");
        if (filter.Class is not null) sql.Append(" AND c.class = @Class");
        if (filter.DepartmentId is not null) sql.Append(" AND c.department_id = @DepartmentId");
        if (filter.ClaimedBy is not null) sql.Append(" AND c.claimed_by = @ClaimedBy");
        if (filter.Unclaimed) sql.Append(" AND c.claimed_by IS NULL");
        if (filter.WithDepartment) sql.Append(" AND c.status IN ('forwarded', 'answered')");
        if (filter.ReceivedFrom is not null) sql.Append(" AND c.received_at >= @ReceivedFrom");
        if (filter.ReceivedBefore is not null) sql.Append(" AND c.received_at < @ReceivedBefore");
        // The open cases through their partial index (issue 17 item 6): a department's open queue reads ~2,000 rows, not history.
        if (filter.OpenOnly) sql.Append(" AND ").Append(OpenCases.Where("c"));
        if (filter.BeforeId is not null) sql.Append(" AND c.id < @BeforeId");
        string? like = null;
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            like = "%" + filter.Search.Trim().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
            var lower = database.Dialect.ILike;
            sql.Append(CultureInvariant($"""
                 AND (c.number {lower} @like OR c.subject {lower} @like OR c.contact_phone {lower} @like OR c.contact_email {lower} @like
                      OR c.complainant_name {lower} @like
                      OR EXISTS (SELECT 1 FROM messages m WHERE m.case_id = c.id AND m.body_text {lower} @like)
                      OR EXISTS (SELECT 1 FROM contact_handles h WHERE h.contact_id = c.contact_id AND h.value {lower} @like))
                """));
        }
        sql.Append(" ORDER BY c.id DESC LIMIT @limit");
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<CaseSummary>(sql.ToString(), new
        {
            filter.Status, filter.Channel, filter.Class, filter.DepartmentId, filter.BeforeId, filter.ClaimedBy, filter.ReceivedFrom, filter.ReceivedBefore, like,
            limit = Math.Clamp(filter.Limit, 1, 500),
        }, null, cancellationToken);
    }

    /// <summary>The department each of these cases is forwarded to now (cases without one are left out): whom the owners' live feed tells.</summary>
    public async Task<IReadOnlyList<CaseDepartment>> DepartmentsOfAsync(IReadOnlyCollection<long> caseIds, CancellationToken cancellationToken = default)
    {
        if (caseIds.Count == 0) return [];
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<CaseDepartment>(
            "SELECT c.id AS case_id, c.department_id FROM cases c WHERE c.department_id IS NOT NULL AND " + database.In("c.id", "@ids"),
            new { ids = caseIds.ToArray() }, null, cancellationToken);
    }

    /// <param name="key">The case id or its number.</param>
    public async Task<CaseDetail?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var byId = long.TryParse(key, out var id);
        var summary = await connection.FirstOrDefaultAsync<CaseSummary>(
            SummaryColumns + (byId ? " WHERE c.id = @id" : " WHERE c.number = @key"), new { id, key = key.Trim().ToUpperInvariant() },
            null, cancellationToken);
        if (summary is null) return null;
        var p = new { caseId = summary.Id };
        var fields = await connection.OneAsync<CaseFieldsView>(
            "SELECT complainant_name, contact_phone, contact_email, occurred_at, location, customer_request FROM cases WHERE id = @caseId",
            p, null, cancellationToken);
        var messages = await connection.ListAsync<MessageView>(
            """
            SELECT m.id, m.direction, m.channel, m.external_id, m.sender, m.author, m.subject, m.body_text, m.body_html, m.attachments, m.notices,
                   m.created_at, o.status AS delivery_status, o.last_error AS delivery_error, o.attempts AS delivery_attempts, o.provider_status, o.segments
            FROM messages m LEFT JOIN outbox o ON o.id = (SELECT MIN(f.id) FROM outbox f WHERE f.message_id = m.id)
            WHERE m.case_id = @caseId ORDER BY m.created_at, m.id
            """, p, null, cancellationToken);
        var audit = await connection.ListAsync<AuditView>("SELECT id, at, actor, action, detail FROM audit WHERE case_id = @caseId ORDER BY id",
            p, null, cancellationToken);
        var deadlines = await connection.ListAsync<DeadlineView>(
            "SELECT id, kind, due_at, rule, rule_code AS stored_code, rule_params AS stored_params, state, closed_at, warn_at, warned_at, paused_at, CASE WHEN state = 'paused' THEN remaining_seconds END AS remaining_seconds FROM deadlines WHERE case_id = @caseId ORDER BY due_at", p, null, cancellationToken);
        var pause = await connection.OneOrDefaultAsync<CasePauseView>(
            "SELECT waiting_for, reason, paused_by, paused_at FROM case_pauses WHERE case_id = @caseId AND resumed_at IS NULL", p, null, cancellationToken);
        var handles = await connection.ListAsync<string>(
            "SELECT kind || ':' || value FROM contact_handles WHERE contact_id = @ContactId ORDER BY kind, value", summary, null, cancellationToken);
        return new CaseDetail
        {
            Case = summary, Fields = fields, Messages = messages, Audit = audit, Deadlines = deadlines, ContactHandles = handles, Pause = pause,
        };
    }

    /// <summary>One message's channel, external id and attachment list (to open an attachment).</summary>
    public async Task<MessageView?> MessageAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneOrDefaultAsync<MessageView>(
            "SELECT id, direction, channel, external_id, sender, author, subject, body_text, attachments, created_at FROM messages WHERE id = @id",
            new { id }, null, cancellationToken);
    }

    private static string CultureInvariant(FormattableString s) => FormattableString.Invariant(s);
}
