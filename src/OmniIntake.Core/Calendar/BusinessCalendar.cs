namespace OmniIntake.Core.Calendar;

/// <summary>A span of working time within a day, in the organisation's local time; End is exclusive.</summary>
public readonly record struct WorkingPeriod(TimeOnly Start, TimeOnly End);

/// <summary>
/// Working time in the organisation's zone: weekly working days with their working periods (a lunch break is two
/// periods), adjusted by dated overrides (public holidays off, China's make-up working days 调休 on).
/// PRODUCT.md "Forwarding windows": working hours, weekends, holidays and make-up days come from this calendar.
/// </summary>
public sealed class BusinessCalendar
{
    private const int MaxDaysSearched = 3660;
    private readonly HashSet<DayOfWeek> _workingDays;
    private readonly IReadOnlyDictionary<DateOnly, bool> _overrides;

    public BusinessCalendar(TimeZoneInfo zone, IEnumerable<DayOfWeek> workingDays, IReadOnlyList<WorkingPeriod> periods,
        IReadOnlyDictionary<DateOnly, bool> overrides)
    {
        if (periods.Count == 0) throw new ArgumentException("A calendar needs at least one working period.", nameof(periods));
        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].End <= periods[i].Start)
                throw new ArgumentException($"Working period {periods[i].Start:HH\\:mm}-{periods[i].End:HH\\:mm} ends before it starts.", nameof(periods));
            if (i > 0 && periods[i].Start < periods[i - 1].End)
                throw new ArgumentException($"Working periods must be in order and not overlap (at {periods[i].Start:HH\\:mm}).", nameof(periods));
        }
        Zone = zone;
        _workingDays = workingDays.ToHashSet();
        Periods = periods;
        _overrides = overrides;
    }

    public TimeZoneInfo Zone { get; }

    public IReadOnlyList<WorkingPeriod> Periods { get; }

    /// <summary>Monday to Friday 09:00-18:00 in Asia/Shanghai with the official holidays and make-up days.</summary>
    public static BusinessCalendar ChinaDefault() => new(
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        [new WorkingPeriod(new TimeOnly(9, 0), new TimeOnly(18, 0))],
        ChinaHolidays.Days);

    /// <summary>A holiday is off, a make-up day is on, otherwise the weekly pattern decides.</summary>
    public bool IsWorkingDay(DateOnly day) => _overrides.TryGetValue(day, out var working) ? working : _workingDays.Contains(day.DayOfWeek);

    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var local = Local(instant);
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        return IsWorkingDay(day) && Periods.Any(p => time >= p.Start && time < p.End);
    }

    /// <summary>The first start of a working period at or after <paramref name="instant"/> (after lunch too).</summary>
    public DateTimeOffset NextStartOfWork(DateTimeOffset instant)
    {
        var local = Local(instant);
        var day = DateOnly.FromDateTime(local);
        for (var i = 0; i < MaxDaysSearched; i++, day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            foreach (var period in Periods)
            {
                var start = Instant(day, period.Start);
                if (start >= instant) return start;
            }
        }
        throw new InvalidOperationException($"No working time within {MaxDaysSearched} days of {instant:O}: check the calendar.");
    }

    /// <summary>The last second of the local calendar day of <paramref name="instant"/> (23:59:59).</summary>
    public DateTimeOffset EndOfDay(DateTimeOffset instant) =>
        Instant(DateOnly.FromDateTime(Local(instant)), new TimeOnly(23, 59, 59));

    /// <summary>The instant when <paramref name="duration"/> of working time has passed after <paramref name="instant"/>.</summary>
    public DateTimeOffset AddWorkingDuration(DateTimeOffset instant, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "A working duration cannot be negative.");
        if (duration == TimeSpan.Zero) return instant;
        var remaining = duration;
        var day = DateOnly.FromDateTime(Local(instant));
        for (var i = 0; i < MaxDaysSearched; i++, day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            foreach (var period in Periods)
            {
                var start = Instant(day, period.Start);
                var end = Instant(day, period.End);
                if (end <= instant) continue;
                var from = start > instant ? start : instant;
                var available = end - from;
                // Work that ends exactly at a period's end is due then, not at the next start.
                if (remaining <= available) return from + remaining;
                remaining -= available;
            }
        }
        throw new InvalidOperationException($"No working time within {MaxDaysSearched} days of {instant:O}: check the calendar.");
    }

    /// <summary>The working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>): what a paused clock has left.</summary>
    public TimeSpan WorkingDurationBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        var day = DateOnly.FromDateTime(Local(from));
        var last = DateOnly.FromDateTime(Local(to));
        for (; day <= last; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            foreach (var period in Periods)
            {
                var start = Instant(day, period.Start);
                var end = Instant(day, period.End);
                var a = start > from ? start : from;
                var b = end < to ? end : to;
                if (b > a) total += b - a;
            }
        }
        return total;
    }

    private DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>A local wall-clock time as an instant; a time skipped by a DST change moves forward past the gap.</summary>
    private DateTimeOffset Instant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
