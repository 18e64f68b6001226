using System.Globalization;
using System.Text.RegularExpressions;

namespace OmniIntake.Core.Cases;

/// <summary>
/// The number a customer quotes: prefix, the day of receipt in the organisation's zone and a
/// serial from one database sequence, e.g. <c>TS-20261124-00042</c>. The serial alone is unique across
/// server processes; the date makes the number readable over the phone (policy 5.2.1: one number on
/// every document, reply and report).
/// </summary>
public readonly partial record struct CaseNumber(string Prefix, DateOnly Day, long Serial)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Day:yyyyMMdd}-{Serial:D5}");

    public static CaseNumber Create(string prefix, DateTimeOffset receivedAt, TimeZoneInfo zone, long serial) =>
        new(prefix, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(receivedAt, zone).DateTime), serial);

    public static bool TryParse(string? text, out CaseNumber number)
    {
        number = default;
        if (text is null) return false;
        var match = Pattern().Match(text.Trim());
        return match.Success && match.Length == text.Trim().Length && TryFrom(match, out number);
    }

    /// <summary>All case numbers quoted in a text (subject or body), in order of appearance.</summary>
    public static IReadOnlyList<CaseNumber> FindIn(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var found = new List<CaseNumber>();
        foreach (Match match in Pattern().Matches(text))
        {
            if (TryFrom(match, out var number) && !found.Contains(number)) found.Add(number);
        }
        return found;
    }

    private static bool TryFrom(Match match, out CaseNumber number)
    {
        number = default;
        if (!DateOnly.TryParseExact(match.Groups["day"].Value, "yyyyMMdd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var day)) return false;
        if (!long.TryParse(match.Groups["serial"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var serial))
            return false;
        number = new CaseNumber(match.Groups["prefix"].Value.ToUpperInvariant(), day, serial);
        return true;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?<prefix>[A-Za-z]{1,6})-(?<day>\d{8})-(?<serial>\d{5,12})(?!\d)")]
    private static partial Regex Pattern();
}
