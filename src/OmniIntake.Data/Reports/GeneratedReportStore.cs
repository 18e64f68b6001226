using System.Text.Json;

namespace OmniIntake.Data.Reports;

/// <summary>A report generated for its period: "half-monthly" (YYYY-MM-H1) or "monthly" (YYYY-MM).</summary>
public sealed class GeneratedReport
{
    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public string Period { get; init; } = "";

    /// <summary>The local date it is due by (policy 5.6.1: the 18th, the 3rd of the next month).</summary>
    public string DueBy { get; init; } = "";

    public DateTimeOffset GeneratedAt { get; init; }
}

/// <summary>Keeps each generated report once per (kind, period); two processes generating the same one store one.</summary>
public sealed class GeneratedReportStore(Database database, TimeProvider clock)
{
    /// <returns>The new report's id, or null when that period was already stored.</returns>
    public async Task<long?> TryStoreAsync(string kind, string period, DateOnly dueBy, PeriodReport report, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneOrDefaultAsync<long?>(
            """
            INSERT INTO generated_reports (kind, period, due_by, generated_at, content) VALUES (@kind, @period, @dueBy, @now, @content)
            ON CONFLICT (kind, period) DO NOTHING RETURNING id
            """, new
            {
                kind, period, dueBy = dueBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), now = clock.GetUtcNow(),
                content = JsonSerializer.Serialize(report, Json.Options),
            }, null, cancellationToken);
    }

    public async Task<bool> ExistsAsync(string kind, string period, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneAsync<long>("SELECT COUNT(*) FROM generated_reports WHERE kind = @kind AND period = @period", new { kind, period }, null,
            cancellationToken) > 0;
    }

    /// <summary>When this database was created (its first migration): periods that ended before are not reported.</summary>
    public async Task<DateTimeOffset> InstalledAtAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var text = await connection.OneAsync<string>("SELECT applied_at FROM schema_migrations WHERE version = 1", null, null, cancellationToken);
        return DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<GeneratedReport>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<GeneratedReport>(
            "SELECT id, kind, period, due_by, generated_at FROM generated_reports ORDER BY id DESC LIMIT @limit", new { limit }, null, cancellationToken);
    }

    /// <summary>The stored reports of one kind for these periods, by period (those not generated are absent).</summary>
    public async Task<IReadOnlyDictionary<string, PeriodReport>> ContentsAsync(string kind, IReadOnlyCollection<string> periods,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ListAsync<(string Period, string Content)>(
            $"SELECT period, content FROM generated_reports WHERE kind = @kind AND {database.In("period", "@periods")}", new { kind, periods }, null,
            cancellationToken);
        return rows.ToDictionary(r => r.Period, r => JsonSerializer.Deserialize<PeriodReport>(r.Content, Json.Options)!);
    }

    public async Task<PeriodReport?> ContentAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var content = await connection.OneOrDefaultAsync<string>("SELECT content FROM generated_reports WHERE id = @id", new { id }, null, cancellationToken);
        return content is null ? null : JsonSerializer.Deserialize<PeriodReport>(content, Json.Options);
    }
}
