using OmniIntake.Core.Events;

namespace OmniIntake.Data.Events;

public sealed class SqlCaseEventReader(Database database) : ICaseEventReader
{
    public const int MaxBatch = 1000;

    public async Task<IReadOnlyList<CaseEvent>> ReadAfterAsync(long position, int limit, CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, MaxBatch);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ListAsync<EventRow>(
            """
            SELECT position, kind, case_id, case_number, occurred_at, data FROM events
            WHERE position > @position ORDER BY position LIMIT @limit
            """, new { position, limit }, null, cancellationToken);
        return rows.Select(r => new CaseEvent(r.Position, r.Kind, r.CaseId, r.CaseNumber, r.OccurredAt, r.Data)).ToList();
    }

    public async Task<long> LastPositionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneAsync<long>("SELECT COALESCE(MAX(position), 0) FROM events", null, null, cancellationToken);
    }

    private sealed class EventRow
    {
        public long Position { get; init; }
        public string Kind { get; init; } = "";
        public long CaseId { get; init; }
        public string CaseNumber { get; init; } = "";
        public DateTimeOffset OccurredAt { get; init; }
        public string Data { get; init; } = "";
    }
}
