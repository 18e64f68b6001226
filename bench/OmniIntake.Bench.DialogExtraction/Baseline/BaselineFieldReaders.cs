// The engine as it was before issue 16 (commit b564914), kept only as the benchmark's baseline: the same corpus runs through both.
using OmniIntake.Dialogs.Extraction;
using System.Text.RegularExpressions;
using OmniIntake.Dialogs.Definitions;
using PhoneNumbers;

namespace OmniIntake.Bench.DialogExtraction.Baseline;



/// <summary>
/// Reads field values out of free text. <c>asked</c> is true when the text answers the question about this field:
/// then free-text fields take the whole answer; otherwise only unambiguous values (a phone number, an e-mail
/// address, a date, a category word, "my name is ...") are picked up, so one message can fill several fields.
/// </summary>
public static partial class BaselineFieldReaders
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static ReadValue? Read(FieldDefinition field, string text, bool asked, DateTimeOffset now, TimeZoneInfo zone)
    {
        text = text.Trim();
        if (text.Length == 0) return null;
        return field.Kind switch
        {
            FieldKind.Phone => Phone(text),
            FieldKind.Email => Email(text),
            FieldKind.DateTime => ChineseAndEnglishDates.Read(text, now, zone),
            FieldKind.Choice => Choice(field, text),
            FieldKind.Name => Name(text, asked),
            FieldKind.Text => asked && text.Length >= Math.Max(1, field.MinLength) ? new ReadValue(text, text) : null,
            _ => null,
        };
    }

    public static ReadValue? Phone(string text)
    {
        foreach (var match in Phones.FindNumbers(text, "CN"))
        {
            var e164 = Phones.Format(match.Number, PhoneNumberFormat.E164);
            return new ReadValue(e164, Phones.Format(match.Number, PhoneNumberFormat.INTERNATIONAL));
        }
        return null;
    }

    public static ReadValue? Email(string text) => EmailPattern().Match(text) is { Success: true } m
        ? new ReadValue(m.Value.ToLowerInvariant(), m.Value)
        : null;

    public static ReadValue? Choice(FieldDefinition field, string text)
    {
        // The longest synonym found wins: "客户服务" beats "服务".
        var best = field.Choices
            .SelectMany(c => c.Synonyms.Select(s => (c.Value, Synonym: s)))
            .Where(x => text.Contains(x.Synonym, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(x => x.Synonym.Length)
            .FirstOrDefault();
        return best.Value is null ? null : new ReadValue(best.Value, field.Choices.First(c => c.Value == best.Value).Synonyms[0]);
    }

    public static ReadValue? Name(string text, bool asked)
    {
        var introduced = NameIntroduction().Match(text);
        if (introduced.Success)
        {
            var name = introduced.Groups["name"].Value.Trim().TrimEnd('。', '.', '，', ',', '!', '！');
            return name.Length is > 0 and <= 30 ? new ReadValue(name, name) : null;
        }
        if (!asked) return null;
        var bare = text.TrimEnd('。', '.', '!', '！');
        // An answer to "your name?" is short and carries no digits (that would be a phone number or a date).
        return bare.Length is > 0 and <= 30 && !bare.Any(char.IsDigit) ? new ReadValue(bare, bare) : null;
    }

    /// <summary>"无", "none", "skip": the customer declines an optional field.</summary>
    public static bool IsDecline(string text) =>
        text.Trim().TrimEnd('。', '.', '!', '！').ToLowerInvariant() is "无" or "没有" or "沒有" or "不需要" or "跳过" or "none" or "no" or "skip" or "n/a" or "-";

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(我叫|我是|本人|免贵姓|my name is|i am|i'm|this is)\s*(?<name>[^\s，,。.!！\d][^，,。.!！\d]{0,29})", RegexOptions.IgnoreCase)]
    private static partial Regex NameIntroduction();
}
