namespace OmniIntake.Core.Calendar;

public static class LocalDays
{
    /// <summary>The instant a local day begins in the organisation's zone (reports and filters are by local days).</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The local date of an instant in the zone.</summary>
    public static DateOnly Of(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
