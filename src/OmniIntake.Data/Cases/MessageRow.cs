namespace OmniIntake.Data.Cases;

/// <summary>
/// One row of messages and THE one statement that writes it (issue 13 item 6): the intake's inbound message (inside its
/// single PostgreSQL statement or on its own on SQLite) and every message the hub or a person adds go through
/// <see cref="Insert"/>.
/// </summary>
internal sealed record MessageRow(
    long CaseId,
    string Direction,
    string Channel,
    string? ExternalId,
    string? Sender,
    string? Author,
    string? Subject,
    string BodyText,
    string? BodyHtml,
    string Attachments,
    string? EmailMessageId,
    DateTimeOffset CreatedAt,
    string Notices)
{
    /// <summary>What a message without notices stores (the column's default, migration 0022).</summary>
    public const string NoNotices = "[]";

    /// <summary>
    /// INSERT INTO messages, parameters named after this record's properties. <paramref name="caseId"/> is the case's id
    /// as an expression over <paramref name="from"/> (e.g. "k.id" over " FROM k" inside a CTE), by default @CaseId.
    /// A second delivery of an inbound message (same channel and external id) inserts nothing and returns no row.
    /// </summary>
    public static string Insert(string caseId = "@CaseId", string from = "") =>
        $"""
        INSERT INTO messages (case_id, direction, channel, external_id, sender, author, subject, body_text, body_html,
                              attachments, email_message_id, created_at, notices)
        SELECT {caseId}, @Direction, @Channel, @ExternalId, @Sender, @Author, @Subject, @BodyText, @BodyHtml,
               @Attachments, @EmailMessageId, @CreatedAt, @Notices{from} WHERE true
        ON CONFLICT (channel, external_id) WHERE direction = 'inbound' DO NOTHING
        RETURNING id, case_id
        """;
}
