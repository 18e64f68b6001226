using System.Data.Common;
using OmniIntake.Core.Cases;

namespace OmniIntake.Data.Cases;

/// <summary>
/// The one writer of a message the hub or a person adds to a case (a reply, a note, a request for help, the owner's
/// answer, an automatic message, a notice to a supervisor), inside the caller's transaction. The intake writes
/// inbound messages itself: its insert is part of the deduplicating single statement the benchmark measures.
/// </summary>
internal static class CaseMessages
{
    /// <returns>The message's id.</returns>
    public static Task<long> AddAsync(DbConnection c, DbTransaction tx, long caseId, string channel, CaseMessageDraft message, DateTimeOffset now,
        CancellationToken ct) =>
        c.OneAsync<long>(
            """
            INSERT INTO messages (case_id, direction, channel, external_id, sender, author, subject, body_text, body_html,
                                  attachments, email_message_id, created_at)
            VALUES (@caseId, @Direction, @channel, NULL, @Sender, @Author, @Subject, @Text, NULL, @attachments, NULL, @now) RETURNING id
            """, new { caseId, message.Direction, channel, message.Sender, message.Author, message.Subject, message.Text, now,
                attachments = message.Attachments is { Count: > 0 } files ? System.Text.Json.JsonSerializer.Serialize(files, Json.Options) : "[]" }, tx, ct);
}
