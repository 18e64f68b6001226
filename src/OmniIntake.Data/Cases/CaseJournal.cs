using System.Data.Common;
using System.Text.Json;
using OmniIntake.Core.Cases;

namespace OmniIntake.Data.Cases;

/// <summary>
/// The one writer of a case's journal (issue 13 item 7): a typed <see cref="CaseRecord"/> goes to the audit trail (who,
/// when, what) and, when it has an event kind, to the event log that feeds live push, in the caller's transaction.
/// Writing both from one record keeps them from drifting.
/// </summary>
internal static class CaseJournal
{
    /// <param name="messageId">The message the record's change added (a reply, a note), when it has one.</param>
    public static Task WriteAsync(DbConnection connection, DbTransaction transaction, long caseId, string caseNumber, CaseRecord record,
        long? messageId, CancellationToken ct)
    {
        var detail = JsonSerializer.Serialize(record.AuditDetail(messageId), Json.Options);
        if (record.EventKind is not { } eventKind)
            return connection.ExecAsync("INSERT INTO audit (case_id, at, actor, action, detail) VALUES (@caseId, @At, @Actor, @action, @detail)",
                new { caseId, record.At, record.Actor, action = record.AuditAction, detail }, transaction, ct);
        return connection.ExecAsync(
            """
            INSERT INTO audit (case_id, at, actor, action, detail) VALUES (@caseId, @At, @Actor, @action, @detail);
            INSERT INTO events (kind, case_id, case_number, occurred_at, data) VALUES (@eventKind, @caseId, @caseNumber, @At, @data);
            """,
            new
            {
                caseId, record.At, record.Actor, action = record.AuditAction, detail, eventKind, caseNumber,
                data = JsonSerializer.Serialize(record.EventData(messageId), Json.Options),
            }, transaction, ct);
    }

    /// <summary>An audit-only record of a case whose number the caller does not need.</summary>
    public static Task WriteAsync(DbConnection connection, DbTransaction transaction, long caseId, CaseRecord record, CancellationToken ct) =>
        record.EventKind is null
            ? WriteAsync(connection, transaction, caseId, "", record, null, ct)
            : throw new ArgumentException($"{record.GetType().Name} has an event: give the case's number.", nameof(record));
}
