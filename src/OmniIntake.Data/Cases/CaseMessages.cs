using System.Data.Common;
using OmniIntake.Core.Cases;

namespace OmniIntake.Data.Cases;

/// <summary>
/// Adds a message the hub or a person writes to a case (a reply, a note, a request for help, the owner's answer, an
/// automatic message, a notice to a supervisor), inside the caller's transaction, with the one
/// <see cref="MessageRow.Insert"/> the intake uses too.
/// </summary>
internal static class CaseMessages
{
    /// <summary>Added once, not on every call: the statement text is constant, so Npgsql prepares it once per connection.</summary>
    private static readonly string InsertSql = MessageRow.Insert();

    /// <returns>The message's id.</returns>
    public static Task<long> AddAsync(DbConnection c, DbTransaction tx, long caseId, string channel, CaseMessageDraft message, DateTimeOffset now,
        CancellationToken ct) =>
        c.OneAsync<long>(InsertSql, new MessageRow(caseId, message.Direction, channel, ExternalId: null, message.Sender, message.Author, message.Subject,
                message.Text, BodyHtml: null,
                message.Attachments is { Count: > 0 } files ? System.Text.Json.JsonSerializer.Serialize(files, Json.Options) : "[]",
                EmailMessageId: null, now, MessageRow.NoNotices), tx, ct);
}
