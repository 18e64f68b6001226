using System.Text.RegularExpressions;

namespace OmniIntake.Dialogs.Extraction;

/// <summary>
/// Words people put before an answer that are not the answer: "刚才说了，", "嗯…", "就是", "as I said,", "um,". Stripped
/// from the start of an answer (and of each clause a value is read from), so "刚才说了，阳光花园3栋" stores the place only.
/// </summary>
public static partial class ConversationalFiller
{
    public static string Strip(string text)
    {
        var rest = text.Trim();
        while (Leading().Match(rest) is { Success: true, Length: > 0 } filler) rest = rest[filler.Length..];
        return rest.Trim();
    }

    /// <summary>How many characters of filler open the text (0 when none).</summary>
    public static int LeadingLength(string text)
    {
        var trimmed = text.TrimStart();
        var offset = text.Length - trimmed.Length;
        var stripped = Strip(text);
        return stripped.Length == 0 ? text.Length : text.IndexOf(stripped, offset, StringComparison.Ordinal);
    }

    [GeneratedRegex(
        @"^(?:(?:我)?(?:刚才|刚刚|刚|前面|上面|之前|已经)(?:已经)?(?:都)?(?:说|讲|告诉你们?)(?:过)?了?|我都说了|就是那个|就是说|那个|这个嘛|就是|嗯+|呃+|额+|哎+|唉+|啊+|喂|我跟你说|跟你们?说|你好|您好|" +
        @"(?i:as i (?:said|mentioned|told you)|like i said|as mentioned|i already said|um+|uh+|erm?|well|so|okay|ok|hi|hello)\b)[\s,，.。:：!！…~～、]*")]
    private static partial Regex Leading();
}
