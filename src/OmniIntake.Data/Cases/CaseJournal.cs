using System.Data.Common;
using System.Text.Json;

namespace OmniIntake.Data.Cases;

/// <summary>
/// Every change of a case is written twice in its transaction: to the audit trail (who, when, what) and to the
/// event log that feeds live push. Keeping both in one call keeps them from drifting.
/// </summary>
internal static class CaseJournal
{
    public static async Task RecordAsync(DbConnection connection, DbTransaction transaction, long caseId, string caseNumber,
        DateTimeOffset at, string actor, string action, object detail, string eventKind, object eventData, CancellationToken ct)
    {
        await connection.ExecAsync(
            """
            INSERT INTO audit (case_id, at, actor, action, detail) VALUES (@caseId, @at, @actor, @action, @detail);
            INSERT INTO events (kind, case_id, case_number, occurred_at, data) VALUES (@eventKind, @caseId, @caseNumber, @at, @data);
            """,
            new
            {
                caseId, at, actor, action, detail = JsonSerializer.Serialize(detail, Json.Options),
                eventKind, caseNumber, data = JsonSerializer.Serialize(eventData, Json.Options),
            }, transaction, ct);
    }

    public static Task AuditOnlyAsync(DbConnection connection, DbTransaction transaction, long caseId, DateTimeOffset at,
        string actor, string action, object detail, CancellationToken ct) =>
        connection.ExecAsync("INSERT INTO audit (case_id, at, actor, action, detail) VALUES (@caseId, @at, @actor, @action, @detail)",
            new { caseId, at, actor, action, detail = JsonSerializer.Serialize(detail, Json.Options) }, transaction, ct);
}
