using System.Text;
using System.Text.RegularExpressions;
using OmniIntake.Dialogs.Definitions;

namespace OmniIntake.Dialogs.Extraction;

/// <summary>Every field one message carries, and what is left of it once they are taken out (to tell a complaint from a bare answer).</summary>
public sealed record MessageReading(string Folded, IReadOnlyDictionary<string, Found> Fields, string Remainder);

/// <summary>
/// Reads a whole message for every field of a definition at once (issue 16): phone (libphonenumber), e-mail, when (the
/// date reader), the name (NameReader, jieba's person tags), the place (PlaceReader, jieba's tags), the request
/// (RequestReader) and the category (the definition's synonyms). The text is folded first (full-width digits,
/// traditional characters), so "電話１３８…" reads like "电话138…".
/// </summary>
public static partial class MessageReader
{
    public static MessageReading Read(DialogDefinition definition, string text, DateTimeOffset now, TimeZoneInfo zone)
    {
        var folded = TextFolding.Fold(text);
        var fields = new Dictionary<string, Found>();
        foreach (var field in definition.Fields)
        {
            var found = field.Kind switch
            {
                FieldKind.Phone => FieldReaders.PhoneFound(folded),
                FieldKind.Email => FieldReaders.EmailFound(folded),
                FieldKind.DateTime => When(folded, now, zone) is { } when ? new Found(when, 0, 0) : null,
                FieldKind.Choice => FieldReaders.Choice(field, folded) is { } choice ? new Found(choice, 0, 0) : null,
                FieldKind.Name => NameReader.Read(folded, asked: false),
                FieldKind.Text when field.Target == "location" => PlaceReader.Read(folded, ""),
                FieldKind.Text when field.Target == "customerRequest" => RequestReader.Read(folded),
                _ => null,
            };
            if (found is not null) fields[field.Name] = found;
        }
        return new MessageReading(folded, fields, Remainder(folded, fields.Values));
    }

    /// <summary>
    /// When it happened, read from the first clause that names a day or a time, with the next clause when that one adds
    /// only a time ("昨天，大概晚上8点"): a time in a later clause belongs to something else ("上周三晚上在5号楼，楼下吵到凌晨两点"
    /// happened on Wednesday evening, not at 2 am). "刚才说了" is filler, not "just now".
    /// </summary>
    private static ReadValue? When(string folded, DateTimeOffset now, TimeZoneInfo zone)
    {
        var clauses = Clause().Split(SaidBefore().Replace(folded, " "));
        for (var i = 0; i < clauses.Length; i++)
        {
            if (ChineseAndEnglishDates.Read(clauses[i], now, zone) is not { } when) continue;
            // Only a bare day takes its hour from the next clause; "晚上" already says when in the day.
            if (when.Value.Length > 10 || i + 1 >= clauses.Length) return when;
            // The day here, the hour in the next clause: read them together when the next one names no day of its own.
            var joined = ChineseAndEnglishDates.Read(clauses[i] + " " + clauses[i + 1], now, zone);
            return joined is not null && joined.Value.StartsWith(when.Value[..10], StringComparison.Ordinal) && joined.Value.Contains(':', StringComparison.Ordinal)
                ? joined
                : when;
        }
        return null;
    }

    /// <summary>The message without the values found, dates, filler, correction words and punctuation.</summary>
    public static string Remainder(string folded, IEnumerable<Found> found)
    {
        var chars = folded.ToCharArray();
        foreach (var span in found.Where(f => f.Length > 0))
            for (var i = span.Index; i < span.Index + span.Length && i < chars.Length; i++) chars[i] = ' ';
        var rest = new string(chars);
        rest = CorrectionReader.WithoutAnnouncement(rest);
        rest = DateWords().Replace(rest, " ");
        rest = Openers().Replace(rest, " ");
        var kept = new StringBuilder();
        foreach (var part in Clause().Split(rest))
        {
            // Filler opens a clause ("as I said, at the gate"): stripped before the clause is cut into words.
            var clause = ConversationalFiller.Strip(part);
            foreach (var word in clause.Split([' ', '：', ':', '、', '…', '~', '～'], StringSplitOptions.RemoveEmptyEntries)) kept.Append(word).Append(' ');
        }
        return kept.ToString().Trim();
    }

    /// <summary>Whether what remains reads as a complaint (something happened), not only contact details or a place.</summary>
    public static bool IsComplaint(MessageReading reading)
    {
        // "被困了" left after the name, time, place and request is a complaint; "我姓陈" or "my email is …" leaves nothing.
        var chinese = reading.Remainder.Count(c => c > 0x2E80);
        var words = reading.Remainder.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsAsciiLetter));
        return chinese >= 3 || words >= 3;
    }

    [GeneratedRegex(@"大前天|前天|昨天|昨晚|昨儿|今天|今早|今晚|上周[一二三四五六日天]?|上个?星期[一二三四五六日天]?|星期[一二三四五六日天]|周[一二三四五六日天]|礼拜[一二三四五六日天]|(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号]|" +
                    @"上午|下午|晚上|早上|中午|凌晨|傍晚|夜里|半夜|\d{1,2}[:：]\d{2}|[\d一二两三四五六七八九十]{1,3}[点點时](?:半|多|左右|\d{1,2}分?)?|左右|\d+天前|刚才|" +
                    @"(?i:\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|this\s+morning|last\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week)|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in\s+the\s+(?:morning|afternoon|evening)|morning|afternoon|evening|(?:at\s+|around\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm)|(?:on\s+)?\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:on\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d+\s+days?\s+ago)\b)")]
    private static partial Regex DateWords();

    [GeneratedRegex(@"[，,。；;！!？?\n]|\.(?:\s|$)")]
    private static partial Regex Clause();

    [GeneratedRegex(@"(?:我?(?:刚才|刚刚|之前|前面|已经)(?:已经)?(?:说|讲)过?了)")]
    private static partial Regex SaidBefore();

    [GeneratedRegex(@"我叫|我是|我姓|本人|免贵|名字|姓名|电话是?|手机号?码?是?|联系电话|联系方式|号码是?|邮箱是?|我的|这是我的|(?i:\b(?:phone|mobile|number|e-?mail|tel|you can reach me on|call me on|is my)\b)")]
    private static partial Regex Openers();
}
