using System.Globalization;
using System.Text.RegularExpressions;

namespace OmniIntake.Channels.Forum.Feeds;

/// <summary>
/// The dates feeds carry: RFC 822 (RSS, with the zone names and two-digit years feeds still use) and W3C/ISO 8601
/// (Atom, Dublin Core), whole or partial. A date that cannot be read is left empty; it never sets an item aside.
/// </summary>
internal static partial class FeedDates
{
    private static readonly Dictionary<string, int> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0, ["UT"] = 0, ["UTC"] = 0, ["Z"] = 0, ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5, ["MST"] = -7, ["MDT"] = -6,
        ["PST"] = -8, ["PDT"] = -7,
    };

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (Rfc822().Match(text) is { Success: true } m && Rfc822(m) is { } rfc) return rfc;
        string[] partial = ["yyyy", "yyyy-MM", "yyyyMMdd", "yyyy-MM-dd"];
        if (DateTimeOffset.TryParseExact(text, partial, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var day)) return day;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
    }

    private static DateTimeOffset? Rfc822(Match m)
    {
        var month = Array.IndexOf(Months, m.Groups["month"].Value[..3].ToLowerInvariant()) + 1;
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 100) year += year < 50 ? 2000 : 1900;
        var zone = m.Groups["zone"].Value;
        TimeSpan offset;
        if (zone.Length == 0) offset = TimeSpan.Zero;
        else if (Zones.TryGetValue(zone, out var hours)) offset = TimeSpan.FromHours(hours);
        else if (ZoneOffset().Match(zone) is { Success: true } z)
            offset = (z.Groups[1].Value == "-" ? -1 : 1) * new TimeSpan(int.Parse(z.Groups[2].Value, CultureInfo.InvariantCulture),
                int.Parse(z.Groups[3].Value, CultureInfo.InvariantCulture), 0);
        else offset = TimeSpan.Zero; // military letters and unknown names: read as UTC, as RFC 1123 advises
        try
        {
            return new DateTimeOffset(year, month, int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture),
                m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0, offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(?:[A-Za-z]+,?\s*)?(?<day>\d{1,2})\s+(?<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?<year>\d{2,4})\s+(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2}))?\s*(?<zone>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"^([+-])(\d{2}):?(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneOffset();
}
