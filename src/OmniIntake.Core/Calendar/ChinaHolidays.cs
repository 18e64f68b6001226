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
    private static readonly Lazy<IReadOnlyDictionary<DateOnly, string>> LoadedHolidays = new(LoadHolidays);

    /// <summary>
    /// The notices' own names of the holidays (spelt several ways over the years: “五一”, 劳动节, “五一”国际劳动节),
    /// as one stable code each, so the workspace names the holiday in the user's language.
    /// </summary>
    private static readonly Dictionary<string, string> CodeOfName = new(StringComparer.Ordinal)
    {
        ["元旦"] = "new-year",
        ["春节"] = "spring-festival",
        ["清明节"] = "qingming",
        ["劳动节"] = "labour-day",
        ["“五一”"] = "labour-day",
        ["“五一”国际劳动节"] = "labour-day",
        ["端午节"] = "dragon-boat",
        ["中秋节"] = "mid-autumn",
        ["国庆节"] = "national-day",
        ["“十一”"] = "national-day",
        ["中秋节、国庆节"] = "mid-autumn-national-day",
        ["国庆节、中秋节"] = "mid-autumn-national-day",
        ["抗日战争暨世界反法西斯战争胜利70周年纪念日"] = "victory-day",
    };

    /// <summary>Date → is it a working day (false: holiday off; true: make-up working day).</summary>
    public static IReadOnlyDictionary<DateOnly, bool> Days => Loaded.Value;

    /// <summary>Date → the holiday it belongs to, as a stable code (a make-up working day belongs to the holiday it makes up for).</summary>
    public static IReadOnlyDictionary<DateOnly, string> Holidays => LoadedHolidays.Value;

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

    private static Dictionary<DateOnly, string> LoadHolidays()
    {
        var all = new Dictionary<DateOnly, string>();
        foreach (var stream in Shipped())
        {
            using (stream)
            using (var document = JsonDocument.Parse(stream))
            {
                foreach (var day in document.RootElement.GetProperty("days").EnumerateArray())
                {
                    var date = DateOnly.ParseExact(day.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    all[date] = CodeOfName.GetValueOrDefault(day.GetProperty("name").GetString() ?? "", "other");
                }
            }
        }
        return all;
    }

    private static IEnumerable<Stream> Shipped()
    {
        var assembly = typeof(ChinaHolidays).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".holiday_cn.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order()
            .Select(name => assembly.GetManifestResourceStream(name)!);
    }

    private static Dictionary<DateOnly, bool> Load()
    {
        var all = new Dictionary<DateOnly, bool>();
        foreach (var stream in Shipped())
        {
            using (stream)
            {
                foreach (var (date, working) in Parse(stream)) all[date] = working;
            }
        }
        return all;
    }
}
