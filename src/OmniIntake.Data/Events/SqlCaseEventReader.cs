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
            $"""
            SELECT {EventRow.Columns} FROM events
            WHERE position > @position ORDER BY position LIMIT @limit
            """, new { position, limit }, null, cancellationToken);
        return rows.Select(r => r.ToEvent()).ToList();
    }

    public async Task<long> LastPositionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneAsync<long>("SELECT COALESCE(MAX(position), 0) FROM events", null, null, cancellationToken);
    }
}
