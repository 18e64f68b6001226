using System.Text.RegularExpressions;
using OmniIntake.Dialogs.Definitions;
using PhoneNumbers;

namespace OmniIntake.Dialogs.Extraction;

/// <summary>A value read from what the customer wrote: <see cref="Value"/> is stored, <see cref="Display"/> is shown back.</summary>
public sealed record ReadValue(string Value, string Display);

/// <summary>
/// Reads field values out of free text. <c>asked</c> is true when the text answers the question about this field:
/// then free-text fields take the whole answer; otherwise only unambiguous values (a phone number, an e-mail
/// address, a date, a category word, "my name is ...") are picked up, so one message can fill several fields.
/// </summary>
public static partial class FieldReaders
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static ReadValue? Read(FieldDefinition field, string text, bool asked, DateTimeOffset now, TimeZoneInfo zone)
    {
        text = text.Trim();
        if (text.Length == 0) return null;
        var folded = TextFolding.Fold(text);
        return field.Kind switch
        {
            FieldKind.Phone => Phone(folded),
            FieldKind.Email => Email(folded),
            FieldKind.DateTime => ChineseAndEnglishDates.Read(folded, now, zone),
            FieldKind.Choice => Choice(field, folded),
            FieldKind.Name => Name(folded, asked),
            FieldKind.Text when asked && field.Target == "location" => PlaceReader.Answer(folded)?.Value,
            FieldKind.Text when asked && field.Target == "customerRequest" => RequestReader.Answer(folded, field.MinLength)?.Value,
            FieldKind.Text => asked && text.Length >= Math.Max(1, field.MinLength) ? new ReadValue(text, text) : null,
            _ => null,
        };
    }

    public static ReadValue? Phone(string text) => PhoneFound(TextFolding.Fold(text))?.Value;

    public static Found? PhoneFound(string text)
    {
        foreach (var match in Phones.FindNumbers(text, "CN"))
        {
            var e164 = Phones.Format(match.Number, PhoneNumberFormat.E164);
            return new Found(new ReadValue(e164, Phones.Format(match.Number, PhoneNumberFormat.INTERNATIONAL)), match.Start, match.Length);
        }
        return null;
    }

    public static ReadValue? Email(string text) => EmailFound(TextFolding.Fold(text))?.Value;

    public static Found? EmailFound(string text) => EmailPattern().Match(text) is { Success: true } m
        ? new Found(new ReadValue(m.Value.ToLowerInvariant(), m.Value), m.Index, m.Length)
        : null;

    /// <summary>
    /// The choice whose synonyms the text names most (the lengths of the synonyms found, added up): "电梯坏了，物业不管"
    /// is property management even if a word of another choice appears once. A tie goes to the longest synonym.
    /// </summary>
    public static ReadValue? Choice(FieldDefinition field, string text)
    {
        var best = field.Choices
            .Select(c => (Choice: c, Found: c.Synonyms.Where(s => Contains(text, s)).ToList()))
            .Where(x => x.Found.Count > 0)
            .OrderByDescending(x => x.Found.Sum(s => s.Length))
            .ThenByDescending(x => x.Found.Max(s => s.Length))
            .FirstOrDefault();
        return best.Choice is null ? null : new ReadValue(best.Choice.Value, best.Choice.Synonyms[0]);
    }

    /// <summary>English synonyms match from a word's start ("lift" is not in "shoplifting"); Chinese ones anywhere.</summary>
    private static bool Contains(string text, string synonym) => WordMatch.Contains(text, synonym, whole: false);

    public static ReadValue? Name(string text, bool asked) => NameReader.Read(TextFolding.Fold(text), asked)?.Value;

    /// <summary>"无", "none", "skip": the customer declines an optional field.</summary>
    public static bool IsDecline(string text) =>
        text.Trim().TrimEnd('。', '.', '!', '！').ToLowerInvariant() is "无" or "没有" or "沒有" or "不需要" or "跳过" or "none" or "no" or "skip" or "n/a" or "-";

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

}
