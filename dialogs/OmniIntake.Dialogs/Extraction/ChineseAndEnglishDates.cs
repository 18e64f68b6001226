using System.Globalization;
using System.Text.RegularExpressions;

namespace OmniIntake.Dialogs.Extraction;

/// <summary>
/// When something happened, from what customers write: absolute dates (2026-11-20, 11月20日, 20 Nov), relative days
/// (今天, 昨天, 前天, 上周五, 星期三, 3天前; today, yesterday, last Friday, 3 days ago) and times (下午三点, 晚上8点半, 15:30;
/// 9am, 3:30 pm), in the organisation's zone. A day without a time keeps the part of the day when one was named.
/// Never in the future: "Friday" is the last Friday.
/// </summary>
public static partial class ChineseAndEnglishDates
{
    private static readonly string[] ChineseWeekdays = ["日", "一", "二", "三", "四", "五", "六"];

    public static ReadValue? Read(string text, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var lower = text.ToLowerInvariant();
        if (lower.Contains("刚才", StringComparison.Ordinal) || lower.Contains("刚刚", StringComparison.Ordinal) || lower.Contains("just now", StringComparison.Ordinal))
            return Result(local, local.Hour, local.Minute, null);

        var day = Day(lower, local.Date);
        var (hour, minute, part) = Time(lower);
        if (day is null && hour is null && part is null) return null;
        var date = day ?? local.Date;
        // A time later than now on an unnamed day was yesterday's ("晚上8点" said at 9 am).
        if (day is null && hour is { } h && date.AddHours(h).AddMinutes(minute) > local) date = date.AddDays(-1);
        if (date > local.Date) return null;
        return Result(date, hour, minute, part);
    }

    private static ReadValue Result(DateTime date, int? hour, int minute, string? part)
    {
        if (hour is { } h)
        {
            var at = date.Date.AddHours(h).AddMinutes(minute);
            var value = at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            return new ReadValue(value, value);
        }
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return part is null ? new ReadValue(day, day) : new ReadValue($"{day} {part}", $"{day} {part}");
    }

    private static DateTime? Day(string text, DateTime today)
    {
        if (IsoDate().Match(text) is { Success: true } iso
            && DateTime.TryParseExact($"{iso.Groups["y"].Value}-{int.Parse(iso.Groups["m"].Value, CultureInfo.InvariantCulture):D2}-{int.Parse(iso.Groups["d"].Value, CultureInfo.InvariantCulture):D2}",
                "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
            return exact;
        if (ChineseDate().Match(text) is { Success: true } zh && TryDate(zh.Groups["y"].Value, zh.Groups["m"].Value, zh.Groups["d"].Value, today, out var chinese))
            return chinese;
        if (EnglishDate().Match(text) is { Success: true } en)
        {
            var month = MonthNumber(en.Groups["mon1"].Success ? en.Groups["mon1"].Value : en.Groups["mon2"].Value);
            var d = en.Groups["d1"].Success ? en.Groups["d1"].Value : en.Groups["d2"].Value;
            if (month > 0 && TryDate("", month.ToString(CultureInfo.InvariantCulture), d, today, out var english)) return english;
        }
        if (text.Contains("大前天", StringComparison.Ordinal)) return today.AddDays(-3);
        if (text.Contains("前天", StringComparison.Ordinal) || text.Contains("day before yesterday", StringComparison.Ordinal)) return today.AddDays(-2);
        if (text.Contains("昨天", StringComparison.Ordinal) || text.Contains("昨日", StringComparison.Ordinal) || text.Contains("昨晚", StringComparison.Ordinal)
            || text.Contains("yesterday", StringComparison.Ordinal) || text.Contains("last night", StringComparison.Ordinal)) return today.AddDays(-1);
        if (text.Contains("今天", StringComparison.Ordinal) || text.Contains("今日", StringComparison.Ordinal) || text.Contains("今早", StringComparison.Ordinal)
            || text.Contains("今晚", StringComparison.Ordinal) || text.Contains("today", StringComparison.Ordinal)
            || text.Contains("this morning", StringComparison.Ordinal) || text.Contains("tonight", StringComparison.Ordinal)) return today;
        if (DaysAgo().Match(text) is { Success: true } ago && int.TryParse(ago.Groups["n"].Value, CultureInfo.InvariantCulture, out var n)) return today.AddDays(-n);
        if (ChineseWeekday().Match(text) is { Success: true } week)
        {
            var target = Array.IndexOf(ChineseWeekdays, week.Groups["d"].Value is "天" ? "日" : week.Groups["d"].Value);
            return Weekday(today, target, week.Groups["last"].Success);
        }
        if (EnglishWeekday().Match(text) is { Success: true } weekday)
        {
            var target = (int)Enum.Parse<DayOfWeek>(weekday.Groups["d"].Value, ignoreCase: true);
            return Weekday(today, target, weekday.Groups["last"].Success);
        }
        return null;
    }

    /// <summary>The most recent such weekday (today counts); "last"/"上" means in the previous week.</summary>
    private static DateTime Weekday(DateTime today, int target, bool lastWeek)
    {
        if (lastWeek)
        {
            // Monday-based weeks, as Chinese calendars count them.
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            return monday.AddDays(-7).AddDays((target + 6) % 7);
        }
        var back = ((int)today.DayOfWeek - target + 7) % 7;
        return today.AddDays(-back);
    }

    private static bool TryDate(string year, string month, string day, DateTime today, out DateTime date)
    {
        var y = year.Length > 0 ? int.Parse(year, CultureInfo.InvariantCulture) : today.Year;
        date = default;
        if (!int.TryParse(month, CultureInfo.InvariantCulture, out var m) || !int.TryParse(day, CultureInfo.InvariantCulture, out var d)) return false;
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateTime(y, m, d, 0, 0, 0, DateTimeKind.Unspecified);
        // "12月30日" written in January is last year's.
        if (year.Length == 0 && date > today) date = date.AddYears(-1);
        return true;
    }

    private static (int? Hour, int Minute, string? Part) Time(string text)
    {
        string? part = null;
        var offset = 0;
        foreach (var (words, name, add) in new (string[] Words, string Name, int Add)[]
                 {
                     // "afternoon" before "noon", which it contains.
                     (["凌晨"], "凌晨", 0), (["早上", "上午", "早晨", "今早", "morning"], "上午", 0), (["下午", "afternoon"], "下午", 12),
                     (["中午", "noon"], "中午", 12), (["傍晚", "晚上", "昨晚", "今晚", "夜里", "evening", "night", "tonight"], "晚上", 12),
                 })
        {
            if (words.Any(w => text.Contains(w, StringComparison.Ordinal)))
            {
                part = name;
                offset = add;
                break;
            }
        }
        if (Clock().Match(text) is { Success: true } clock)
        {
            var h = int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
            var m = int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (clock.Groups["ap"].Value.StartsWith('p') && h < 12) h += 12;
            else if (offset == 12 && h < 12) h += 12;
            if (h < 24 && m < 60) return (h, m, part);
        }
        if (EnglishHour().Match(text) is { Success: true } english)
        {
            var h = int.Parse(english.Groups["h"].Value, CultureInfo.InvariantCulture) % 12;
            var m = english.Groups["m"].Success ? int.Parse(english.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (english.Groups["ap"].Value.StartsWith('p')) h += 12;
            if (m < 60) return (h, m, part);
        }
        if (ChineseHour().Match(text) is { Success: true } chinese && ChineseNumber(chinese.Groups["h"].Value) is { } hour and <= 24)
        {
            var minute = chinese.Groups["half"].Success ? 30
                : chinese.Groups["m"].Success && ChineseNumber(chinese.Groups["m"].Value) is { } mm and < 60 ? mm : 0;
            if (offset == 12 && hour < 12) hour += 12;
            return (hour % 24, minute, part);
        }
        return (null, 0, part);
    }

    /// <summary>1-59 in digits or Chinese numerals (三, 十一, 二十五, 两).</summary>
    private static int? ChineseNumber(string text)
    {
        if (int.TryParse(text, CultureInfo.InvariantCulture, out var n)) return n;
        const string digits = "零一二三四五六七八九";
        text = text.Replace('两', '二');
        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0) return text.Length == 1 && digits.Contains(text[0], StringComparison.Ordinal) ? digits.IndexOf(text[0], StringComparison.Ordinal) : null;
        var tens = ten == 0 ? 1 : digits.IndexOf(text[0], StringComparison.Ordinal);
        var ones = ten == text.Length - 1 ? 0 : digits.IndexOf(text[ten + 1], StringComparison.Ordinal);
        return tens < 0 || ones < 0 ? null : tens * 10 + ones;
    }

    private static int MonthNumber(string name) => name.Length < 3 ? 0 :
        Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames, m => m.Length > 0 && name.StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1;

    [GeneratedRegex(@"(?<y>20\d\d)[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?:(?<y>20\d\d)年)?(?<m>\d{1,2})月(?<d>\d{1,2})[日号]")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"\b(?:(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?<mon1>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?<mon2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?)\b")]
    private static partial Regex EnglishDate();

    [GeneratedRegex(@"(?<n>\d{1,2})\s*(天前|days? ago)")]
    private static partial Regex DaysAgo();

    [GeneratedRegex(@"(?<last>上个?)?(周|星期|礼拜)(?<d>[一二三四五六日天])")]
    private static partial Regex ChineseWeekday();

    [GeneratedRegex(@"(?<last>last\s+)?\b(?<d>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")]
    private static partial Regex EnglishWeekday();

    [GeneratedRegex(@"(?<!\d)(?<h>\d{1,2})[:：](?<m>\d{2})\s*(?<ap>[ap]\.?m\.?)?")]
    private static partial Regex Clock();

    [GeneratedRegex(@"(?<!\d)(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ap>[ap]\.?m)\b")]
    private static partial Regex EnglishHour();

    [GeneratedRegex(@"(?<h>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*[点點时](?:(?<half>半)|(?<m>\d{1,2}|[一二三四五六七八九十]{1,3})分?)?")]
    private static partial Regex ChineseHour();
}
