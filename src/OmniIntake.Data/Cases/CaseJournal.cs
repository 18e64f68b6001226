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

    /// <summary>Journal rows per statement in <see cref="WriteManyAsync"/> (6 parameters each: far below both databases' limits).</summary>
    private const int RowsPerStatement = 200;

    /// <summary>
    /// Writes many cases' records as <see cref="WriteAsync(DbConnection, DbTransaction, long, string, CaseRecord, long?, CancellationToken)"/>
    /// writes each (the same audit and event rows, in the same order), a few multi-row INSERTs instead of one or two
    /// statements per record (issue 17 item 6: a set-based writer such as the class sweep raising thousands of cases).
    /// </summary>
    public static async Task WriteManyAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<(long CaseId, string CaseNumber, CaseRecord Record)> records, CancellationToken ct)
    {
        foreach (var chunk in records.Chunk(RowsPerStatement))
        {
            await InsertAsync(connection, transaction, "INSERT INTO audit (case_id, at, actor, action, detail) VALUES ",
                [.. chunk.Select(r => new object?[] { r.CaseId, r.Record.At, r.Record.Actor, r.Record.AuditAction,
                    JsonSerializer.Serialize(r.Record.AuditDetail(null), Json.Options) })], ct);
            await InsertAsync(connection, transaction, "INSERT INTO events (kind, case_id, case_number, occurred_at, data) VALUES ",
                [.. chunk.Where(r => r.Record.EventKind is not null).Select(r => new object?[] { r.Record.EventKind, r.CaseId, r.CaseNumber, r.Record.At,
                    JsonSerializer.Serialize(r.Record.EventData(null), Json.Options) })], ct);
        }
    }

    private static Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, string insert, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return Task.FromResult(0);
        var sql = new System.Text.StringBuilder(insert);
        var parameters = new Dapper.DynamicParameters();
        for (var i = 0; i < rows.Count; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var j = 0; j < rows[i].Length; j++)
            {
                var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p{i}_{j}");
                sql.Append(j == 0 ? "@" : ", @").Append(name);
                parameters.Add(name, rows[i][j]);
            }
            sql.Append(')');
        }
        return connection.ExecAsync(sql.ToString(), parameters, transaction, ct);
    }

    /// <summary>An audit-only record of a case whose number the caller does not need.</summary>
    public static Task WriteAsync(DbConnection connection, DbTransaction transaction, long caseId, CaseRecord record, CancellationToken ct) =>
        record.EventKind is null
            ? WriteAsync(connection, transaction, caseId, "", record, null, ct)
            : throw new ArgumentException($"{record.GetType().Name} has an event: give the case's number.", nameof(record));
}
