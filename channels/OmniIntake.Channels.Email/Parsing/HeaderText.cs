using System.Text;
using MimeKit;

namespace OmniIntake.Channels.Email.Parsing;

/// <summary>
/// The subject as the sender meant it (issue 12): RFC 2047 words decoded with the hub's charset families (a word
/// labelled gb2312 or gbk holding GB18030-only characters such as 䶮 came out as "?"), adjacent words of one charset
/// joined before decoding (a character split across two words), and raw header bytes read like a body without a label
/// (UTF-8, GB18030, or ISO-2022-JP's escape sequences, which MimeKit kept as text).
/// </summary>
internal static class HeaderText
{
    private static readonly Encoding Iso2022Jp = Charsets.Resolve("iso-2022-jp")!;

    public static string? Subject(MimeMessage message) =>
        message.Headers.FirstOrDefault(h => h.Id == HeaderId.Subject) is { } header ? Decode(header.RawValue) : null;

    /// <summary>Decodes an unstructured header value in one pass over its bytes.</summary>
    public static string Decode(byte[] raw)
    {
        var text = new StringBuilder(raw.Length);
        var pending = new List<byte>();    // bytes of adjacent encoded words in one charset
        Encoding? pendingCharset = null;
        var plainStart = 0;                // start of the raw text since the last word
        var lastClose = raw.AsSpan().LastIndexOf("?="u8); // no word can start after it: a hostile header costs one pass
        var i = 0;
        while (i < lastClose)
        {
            if (raw[i] == '=' && i + 1 < raw.Length && raw[i + 1] == '?' && TryWord(raw, i, out var end, out var charset, out var bytes))
            {
                var gap = raw.AsSpan(plainStart, i - plainStart);
                var onlySpace = gap.IndexOfAnyExcept(" \t\r\n"u8) < 0;
                // White space between two encoded words is not part of the text (RFC 2047 6.2).
                if (!(onlySpace && pendingCharset is not null))
                {
                    Flush(text, pending, ref pendingCharset);
                    AppendPlain(text, gap);
                }
                else if (!Equals(pendingCharset, charset)) Flush(text, pending, ref pendingCharset);
                pendingCharset = charset;
                pending.AddRange(bytes);
                i = plainStart = end;
                continue;
            }
            i++;
        }
        Flush(text, pending, ref pendingCharset);
        AppendPlain(text, raw.AsSpan(plainStart));
        return text.ToString().Trim();
    }

    private static void Flush(StringBuilder text, List<byte> pending, ref Encoding? charset)
    {
        if (charset is null) return;
        text.Append(Charsets.Decode([.. pending], charset.WebName).Text);
        pending.Clear();
        charset = null;
    }

    /// <summary>Raw header text: unfolded, and its bytes read as an unlabelled body would be.</summary>
    private static void AppendPlain(StringBuilder text, ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty) return;
        var unfolded = raw.ToArray().Where(b => b is not (byte)'\r' and not (byte)'\n').ToArray();
        // ISO-2022-JP is 7-bit: a detector sees little in a short subject, but its escapes are unmistakable.
        text.Append(unfolded.Contains((byte)0x1B) && unfolded.All(b => b < 0x80)
            ? Iso2022Jp.GetString(unfolded)
            : Charsets.Decode(unfolded, null).Text);
    }

    /// <summary>An encoded word =?charset?B|Q?text?= starting at <paramref name="start"/>, with its decoded bytes.</summary>
    private static bool TryWord(byte[] raw, int start, out int end, out Encoding? charset, out byte[] bytes)
    {
        end = 0;
        charset = null;
        bytes = [];
        var q1 = Array.IndexOf(raw, (byte)'?', start + 2);
        if (q1 < 0 || q1 + 3 >= raw.Length || raw[q1 + 2] != '?') return false;
        var close = IndexOf(raw, "?="u8, q1 + 3);
        if (close < 0) return false;
        var label = Encoding.ASCII.GetString(raw, start + 2, q1 - start - 2).Split('*')[0]; // RFC 2231 language suffix
        charset = Charsets.Resolve(label);
        if (charset is null) return false;
        var payload = Encoding.ASCII.GetString(raw, q1 + 3, close - q1 - 3);
        if (payload.AsSpan().IndexOfAny(" \t\r\n") >= 0) return false; // an encoded word holds no white space
        switch (char.ToUpperInvariant((char)raw[q1 + 1]))
        {
            case 'B':
                var padded = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
                try
                {
                    bytes = Convert.FromBase64String(padded);
                }
                catch (FormatException)
                {
                    return false;
                }
                break;
            case 'Q':
                bytes = QDecode(payload);
                break;
            default:
                return false;
        }
        end = close + 2;
        return true;
    }

    private static byte[] QDecode(string payload)
    {
        var bytes = new List<byte>(payload.Length);
        for (var i = 0; i < payload.Length; i++)
        {
            if (payload[i] == '_') bytes.Add((byte)' ');
            else if (payload[i] == '=' && i + 2 < payload.Length && byte.TryParse(payload.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else bytes.Add((byte)payload[i]);
        }
        return [.. bytes];
    }

    private static int IndexOf(byte[] raw, ReadOnlySpan<byte> value, int from)
    {
        var at = raw.AsSpan(from).IndexOf(value);
        return at < 0 ? -1 : from + at;
    }
}
