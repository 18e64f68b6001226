namespace OmniIntake.Core.Text;

public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}

/// <summary>How many SMS parts a text costs (3GPP TS 23.038/23.040): GSM-7 when every character is in the default
/// alphabet or its extension table (an extension character costs 2 septets), UCS-2 otherwise (a surrogate pair costs
/// 2 units); 160/70 in one part, 153/67 per part when concatenated; an escape or a pair is never split.</summary>
public static class SmsSegments
{
    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Gsm7Extension = "\f^{}\\[~]|€";

    public static (SmsEncoding Encoding, int Segments, int Units) Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.All(c => c != '\u001B' && (Gsm7Basic.Contains(c, StringComparison.Ordinal) || Gsm7Extension.Contains(c, StringComparison.Ordinal))))
        {
            var costs = text.Select(c => Gsm7Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1).ToList();
            return (SmsEncoding.Gsm7, Parts(costs, 160, 153), costs.Sum());
        }
        var units = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                units.Add(2);
                i++;
            }
            else
            {
                units.Add(1);
            }
        }
        return (SmsEncoding.Ucs2, Parts(units, 70, 67), units.Sum());
    }

    /// <summary>Fills parts greedily, never cutting a 2-unit character (an escape, a surrogate pair) in two.</summary>
    private static int Parts(List<int> costs, int single, int perPart)
    {
        var total = costs.Sum();
        if (total <= single) return total == 0 ? 1 : 1;
        int parts = 1, used = 0;
        foreach (var cost in costs)
        {
            if (used + cost > perPart)
            {
                parts++;
                used = 0;
            }
            used += cost;
        }
        return parts;
    }
}
