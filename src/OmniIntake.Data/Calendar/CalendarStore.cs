using System.Globalization;

namespace OmniIntake.Data.Calendar;

public sealed class CalendarDayView
{
    public string Day { get; init; } = "";
    public bool Working { get; init; }
    public string Name { get; init; } = "";
    public string UpdatedBy { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>An admin's changes to the business calendar, kept in the database so every server process applies them.</summary>
public sealed class CalendarStore(Database database, TimeProvider clock)
{
    public async Task<IReadOnlyList<CalendarDayView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<CalendarDayView>("SELECT day, working, name, updated_by, updated_at FROM calendar_days ORDER BY day",
            null, null, cancellationToken);
    }

    /// <summary>Date → working day, for building the calendar.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, bool>> OverridesAsync(CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).ToDictionary(
            d => DateOnly.ParseExact(d.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), d => d.Working);

    /// <summary>A fingerprint that changes whenever a day is set or removed, so other processes know to reload.</summary>
    public async Task<string> VersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var (count, latest) = await connection.OneAsync<(long, string?)>(
            $"SELECT count(*), {database.Dialect.AsText("max(updated_at)")} FROM calendar_days", null, null, cancellationToken);
        return $"{count}:{latest}";
    }

    public async Task<IReadOnlyList<CalendarDayView>> ChangesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<CalendarDayView>(
            "SELECT day, working, name, actor AS updated_by, at AS updated_at FROM calendar_changes ORDER BY id", null, null, cancellationToken);
    }

    public async Task SetAsync(DateOnly day, bool working, string name, string actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecAsync(
            """
            INSERT INTO calendar_days (day, working, name, updated_by, updated_at) VALUES (@day, @working, @name, @actor, @now)
            ON CONFLICT (day) DO UPDATE SET working = excluded.working, name = excluded.name, updated_by = excluded.updated_by,
                                            updated_at = excluded.updated_at;
            INSERT INTO calendar_changes (day, working, name, actor, at) VALUES (@day, @working, @name, @actor, @now);
            """, new { day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), working, name, actor, now = clock.GetUtcNow() },
            null, cancellationToken);
    }

    /// <summary>
    /// Undoes an admin's day: the date follows the official calendar again. The change log keeps the undo as a row with
    /// an empty name (the day's former working state), so the history of the calendar stays complete.
    /// </summary>
    /// <returns>False when the organisation had not set that day.</returns>
    public async Task<bool> RemoveAsync(DateOnly day, string actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var key = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var removed = await connection.ExecAsync(
            """
            INSERT INTO calendar_changes (day, working, name, actor, at)
                SELECT day, working, '', @actor, @now FROM calendar_days WHERE day = @key;
            DELETE FROM calendar_days WHERE day = @key;
            """, new { key, actor, now = clock.GetUtcNow() }, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed > 0;
    }
}
