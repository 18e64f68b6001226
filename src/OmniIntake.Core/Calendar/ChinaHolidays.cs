using System.Globalization;
using System.Text.Json;

namespace OmniIntake.Core.Calendar;

/// <summary>
/// China's public holidays and make-up working days (调休) from the State Council's notices, as compiled by the
/// holiday-cn project (MIT, Calendar/holiday-cn/LICENSE), one file per year since 2007, shipped in this assembly.
/// </summary>
public static class ChinaHolidays
{
    private static readonly Lazy<IReadOnlyDictionary<DateOnly, bool>> Loaded = new(Load);

    /// <summary>Date → is it a working day (false: holiday off; true: make-up working day).</summary>
    public static IReadOnlyDictionary<DateOnly, bool> Days => Loaded.Value;

    public static IReadOnlyList<int> Years => Days.Keys.Select(d => d.Year).Distinct().Order().ToList();

    /// <summary>Parses one holiday-cn year file; the same shape an admin can upload.</summary>
    public static IReadOnlyDictionary<DateOnly, bool> Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var days = new Dictionary<DateOnly, bool>();
        foreach (var day in document.RootElement.GetProperty("days").EnumerateArray())
        {
            var date = DateOnly.ParseExact(day.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            days[date] = !day.GetProperty("isOffDay").GetBoolean();
        }
        return days;
    }

    private static Dictionary<DateOnly, bool> Load()
    {
        var assembly = typeof(ChinaHolidays).Assembly;
        var all = new Dictionary<DateOnly, bool>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".holiday_cn.", StringComparison.Ordinal)
                                                                             && n.EndsWith(".json", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (date, working) in Parse(stream)) all[date] = working;
        }
        return all;
    }
}
