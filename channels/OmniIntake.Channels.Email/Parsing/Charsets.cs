using System.Text;
using OmniIntake.Core.Intake;
using UtfUnknown;

namespace OmniIntake.Channels.Email.Parsing;

/// <summary>Text decoded from bytes, and the notice when the label was wrong or some bytes fit no charset.</summary>
public sealed record DecodedText(string Text, string? Notice);

/// <summary>
/// The charsets Chinese and Taiwanese mail really uses (issue 12, "Chinese mail that is still garbled"): every label of
/// the GB family read as GB18030 and of the Big5 family as Big5; a label that does not fit the bytes (UTF-8 sent as
/// us-ascii, latin-1, GB2312 or unlabelled; GBK sent as latin-1) is corrected from the bytes with UTF.Unknown
/// (Mozilla's universal charset detector) and marked; bytes that fit no charset become U+FFFD, marked, never "?".
/// </summary>
public static class Charsets
{
    public static readonly Encoding Gb18030;
    public static readonly Encoding Big5;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Labels whose senders really mean GB18030, its superset (Zammad #6054 crashed on exactly this).
    private static readonly HashSet<string> GbFamily = new(StringComparer.OrdinalIgnoreCase)
    {
        "gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312", "gb_2312-80", "gb18030", "gb_2312", "chinese", "x-euc-cn",
        "csgbk", "iso-ir-58", "hz-gb-2312-as-gbk",
    };

    // Taiwan's and Hong Kong's labels; HKSCS is Big5 with additions, read as Big5 rather than not at all.
    private static readonly HashSet<string> Big5Family = new(StringComparer.OrdinalIgnoreCase)
    {
        "big5", "big-5", "x-big5", "csbig5", "cn-big5", "cp950", "ms950", "windows-950", "big5-hkscs", "big5hkscs", "x-x-big5",
    };

    static Charsets()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding("GB18030");
        Big5 = Encoding.GetEncoding(950);
    }

    /// <summary>The encoding a label names, with the Chinese families widened; null for no label or one nobody knows.</summary>
    public static Encoding? Resolve(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        label = label.Trim().Trim('"');
        if (GbFamily.Contains(label)) return Gb18030;
        if (Big5Family.Contains(label)) return Big5;
        if (label.Equals("utf8", StringComparison.OrdinalIgnoreCase)) return Encoding.UTF8;
        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null; // a label nobody knows: the bytes decide
        }
    }

    /// <summary>Decodes a body's bytes under its label, correcting the label from the bytes when it does not fit.</summary>
    public static DecodedText Decode(byte[] bytes, string? label)
    {
        var declared = Resolve(label);
        if (declared is UnicodeEncoding or UTF32Encoding) return new DecodedText(declared.GetString(bytes), null);
        var ascii = bytes.AsSpan().IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0;
        var escapes = bytes.AsSpan().IndexOf((byte)0x1B) >= 0;
        if (ascii && !escapes) return new DecodedText(Encoding.ASCII.GetString(bytes), null);
        if (ascii)
        {
            // ISO-2022 (Japanese, Korean, Chinese) is 7-bit by design: escape sequences switch the character set.
            if (declared is not null && IsIso2022(declared)) return new DecodedText(declared.GetString(bytes), null);
            return Detect(bytes) is { } iso && IsIso2022(iso)
                ? new DecodedText(iso.GetString(bytes), MessageNotices.CharsetDetected)
                : new DecodedText(Encoding.ASCII.GetString(bytes), null);
        }

        if (declared is UTF8Encoding && TryStrict(StrictUtf8, bytes) is { } labelled) return new DecodedText(labelled, null);
        var detected = Detect(bytes);
        if (declared is not null && !declared.IsSingleByte && TryStrict(declared, bytes) is { } text)
        {
            // Valid under the label; but UTF-8 Chinese is often valid GB18030 too, as mojibake: the detector decides.
            return detected is UTF8Encoding && TryStrict(StrictUtf8, bytes) is { } utf8
                ? new DecodedText(utf8, MessageNotices.CharsetDetected)
                : new DecodedText(text, null);
        }
        if (TryStrict(StrictUtf8, bytes) is { } valid)
            return new DecodedText(valid, declared is UTF8Encoding ? null : MessageNotices.CharsetDetected);
        if (detected is not null && !detected.IsSingleByte && (declared is null || declared.IsSingleByte) && TryStrict(detected, bytes) is { } guessed)
            return new DecodedText(guessed, MessageNotices.CharsetDetected);
        if (declared is { IsSingleByte: true } && declared.CodePage != 20127 && TryStrict(declared, bytes) is { } single)
            return new DecodedText(single, null);
        // Nothing fits: decode under the label (or GB18030, what unlabelled Chinese mail mostly is), each bad byte U+FFFD.
        var lenient = declared is null || declared.CodePage == 20127 ? detected ?? Gb18030 : declared;
        // Code-page encodings replace a bad byte with "?" by default, which reads as text: U+FFFD says "lost here".
        var replacing = Encoding.GetEncoding(lenient.CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        return new DecodedText(replacing.GetString(bytes), MessageNotices.UndecodableBytes);
    }

    private static bool IsIso2022(Encoding encoding) => encoding.CodePage is 50220 or 50221 or 50222 or 50225 or 50227 or 52936;

    // The detector's cost grows with its input; 64 KiB from the first non-ASCII byte is plenty to tell charsets apart.
    private const int DetectionSample = 64 * 1024;

    private static Encoding? Detect(byte[] bytes)
    {
        var first = Math.Max(0, bytes.AsSpan().IndexOfAnyInRange((byte)0x80, (byte)0xFF));
        var sample = bytes.Length <= DetectionSample ? bytes : bytes[first..Math.Min(bytes.Length, first + DetectionSample)];
        var detected = CharsetDetector.DetectFromBytes(sample).Detected;
        if (detected is null || detected.Confidence < 0.5f) return null;
        return Resolve(detected.EncodingName) ?? detected.Encoding;
    }

    private static string? TryStrict(Encoding encoding, byte[] bytes)
    {
        var strict = encoding is UTF8Encoding ? StrictUtf8 : Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            return strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
