using System.Text;
using System.Text.RegularExpressions;

namespace OmniIntake.Channels.Forum.Feeds;

/// <summary>
/// Turns a feed's bytes into text before the XML reader sees them (issue 12): a byte order mark first, else the
/// encoding the prolog declares, looked up under the spellings feeds use ("utf16", "UTF_8", "gb2312", "x-sjis"); bytes
/// that do not decode as declared are read as UTF-8, then windows-1252 (what mainstream parsers fall back to), so a
/// wrong or unknown encoding name never refuses the feed.
/// </summary>
internal static partial class FeedDecoding
{
    static FeedDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes)
    {
        var (bom, skip) = Bom(bytes);
        if (bom is not null) return Strict(bom, bytes, skip) ?? bom.GetString(bytes, skip, bytes.Length - skip);
        // UTF-16/32 without a mark: the first character is '<'.
        if (bytes is [0, 0, 0, (byte)'<', ..]) return new UTF32Encoding(true, false).GetString(bytes);
        if (bytes is [(byte)'<', 0, 0, 0, ..]) return Encoding.UTF32.GetString(bytes);
        if (bytes is [0, (byte)'<', 0, ..]) return Encoding.BigEndianUnicode.GetString(bytes);
        if (bytes is [(byte)'<', 0, _, 0, ..]) return Encoding.Unicode.GetString(bytes);
        var declared = Declared(Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 1024)));
        return (declared is null ? null : Strict(declared, bytes, 0)) ?? Strict(new UTF8Encoding(false, true), bytes, 0)
            ?? Encoding.GetEncoding(1252).GetString(bytes);
    }

    private static (Encoding? Encoding, int Skip) Bom(byte[] b) => b switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0xFF, 0xFE, 0, 0, ..] => (Encoding.UTF32, 4),
        [0, 0, 0xFE, 0xFF, ..] => (new UTF32Encoding(true, true), 4),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        _ => (null, 0),
    };

    private static string? Strict(Encoding encoding, byte[] bytes, int skip)
    {
        try
        {
            var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return strict.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The encoding named in the XML declaration, or null when there is none or it is not known by any spelling.</summary>
    private static Encoding? Declared(string head)
    {
        var match = EncodingDeclaration().Match(head);
        if (!match.Success) return null;
        var name = match.Groups[1].Value.Trim();
        if (TryGet(name) is { } exact) return exact;
        var key = new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        if (key.StartsWith('x') && TryGet(name[2..]) is { } unprefixed) return unprefixed;
        return key switch
        {
            "utf8" => Encoding.UTF8,
            "utf16" or "utf16le" or "ucs2" => Encoding.Unicode,
            "utf16be" => Encoding.BigEndianUnicode,
            "utf32" or "utf32le" => Encoding.UTF32,
            "latin1" or "iso88591" or "iso885915" => Encoding.GetEncoding(1252),
            "gb2312" or "gbk" or "cp936" or "euccn" => Encoding.GetEncoding(936),
            "gb18030" => Encoding.GetEncoding(54936),
            "big5" or "cp950" => Encoding.GetEncoding(950),
            "shiftjis" or "sjis" or "cp932" or "mskanji" => Encoding.GetEncoding(932),
            "eucjp" => Encoding.GetEncoding(51932),
            "euckr" or "cp949" => Encoding.GetEncoding(949),
            "koi8r" => Encoding.GetEncoding(20866),
            "tis620" or "cp874" => Encoding.GetEncoding(874),
            _ when key.StartsWith("windows", StringComparison.Ordinal) && int.TryParse(key[7..], out var page) => TryGet(page),
            _ when key.StartsWith("cp", StringComparison.Ordinal) && int.TryParse(key[2..], out var page) => TryGet(page),
            _ => null,
        };
    }

    private static Encoding? TryGet(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding? TryGet(int codePage)
    {
        try
        {
            return Encoding.GetEncoding(codePage);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    [GeneratedRegex("""<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex EncodingDeclaration();
}
