namespace OmniIntake.Channels.Email.Parsing;

/// <summary>
/// Bounds a raw message's header fields before MimeKit parses it (issue 12: untrusted input is bounded before it is
/// processed). MimeKit's decoding of a field folded into thousands of encoded words or RFC 2231 parameter sections
/// grows quadratically (a 1 MB sender name took 24 s to load, a 1 MB attachment name as long), so a field longer than
/// <see cref="MaxFieldBytes"/>, in the message's header or in a part's, keeps its beginning and its last line; fields
/// beyond <see cref="MaxHeaderBytes"/> of the message's header are left out. The message is still taken, marked; the
/// raw bytes are kept whole.
/// </summary>
public static class HeaderBounds
{
    /// <summary>Far above a real field (a long References chain is some kilobytes), far below the quadratic region.</summary>
    public const int MaxFieldBytes = 64 * 1024;

    public const int MaxHeaderBytes = 512 * 1024;

    /// <returns>The bytes to parse, and whether a header field was cut or left out.</returns>
    public static (byte[] Bytes, bool Cut) Apply(byte[] raw)
    {
        if (raw.Length <= MaxFieldBytes) return (raw, false); // no field can be over the limit
        var headerEnd = HeaderEnd(raw);
        using var output = new MemoryStream(raw.Length);
        var cut = false;
        var start = 0;
        while (start < raw.Length)
        {
            var inHeader = start < headerEnd;
            if (inHeader && output.Length > MaxHeaderBytes)
            {
                cut = true;
                start = headerEnd; // the rest of the message's header is left out
                continue;
            }
            // In a part's header a field looks the same ("Name: value" and folded lines); a body line rarely starts
            // like a field AND runs on over 64 KB of indented lines.
            var end = inHeader || LooksLikeField(raw, start) ? FieldEnd(raw, start, inHeader ? headerEnd : raw.Length) : LineEnd(raw, start);
            if (end - start > MaxFieldBytes && (inHeader || LooksLikeField(raw, start)))
            {
                // Its beginning up to a fold, and its last line when that is short: an address field keeps its
                // address (after the name), References its newest entry.
                cut = true;
                var keep = LastLineBreak(raw, start, start + MaxFieldBytes / 2);
                output.Write(raw, start, keep - start);
                output.Write("\r\n"u8);
                var last = LastLineStart(raw, start, end);
                if (last > keep && end - last <= MaxFieldBytes / 2) output.Write(raw, last, end - last);
            }
            else output.Write(raw, start, end - start);
            start = end;
        }
        return cut ? (output.ToArray(), true) : (raw, false);
    }

    /// <summary>Where the message's header ends: the start of the blank line that separates it from the body.</summary>
    private static int HeaderEnd(byte[] raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\n') continue;
            if (i + 1 < raw.Length && raw[i + 1] == '\n') return i + 1;
            if (i + 2 < raw.Length && raw[i + 1] == '\r' && raw[i + 2] == '\n') return i + 1;
        }
        return raw.Length;
    }

    /// <summary>"Name:" at the start of the line (RFC 5322 field name: printable ASCII but the colon).</summary>
    private static bool LooksLikeField(byte[] raw, int start)
    {
        var i = start;
        while (i < raw.Length && i - start < 80 && raw[i] is > 32 and < 127 and not (byte)':') i++;
        return i > start && i < raw.Length && raw[i] == ':';
    }

    private static int LineEnd(byte[] raw, int start)
    {
        var newline = Array.IndexOf(raw, (byte)'\n', start);
        return newline < 0 ? raw.Length : newline + 1;
    }

    /// <summary>The end of the field starting at <paramref name="start"/>: after its last continuation line.</summary>
    private static int FieldEnd(byte[] raw, int start, int limit)
    {
        var i = start;
        while (i < limit)
        {
            var newline = Array.IndexOf(raw, (byte)'\n', i, limit - i);
            if (newline < 0) return limit;
            i = newline + 1;
            if (i >= limit || (raw[i] != ' ' && raw[i] != '\t')) return i;
        }
        return limit;
    }

    /// <summary>Where the field's last line starts (a continuation line), or <paramref name="end"/> when it has one line.</summary>
    private static int LastLineStart(byte[] raw, int start, int end)
    {
        var lineEnd = end - 1; // the field's own final newline
        if (lineEnd <= start) return end;
        var previous = Array.LastIndexOf(raw, (byte)'\n', lineEnd - 1, lineEnd - start);
        return previous < start ? end : previous + 1;
    }

    /// <summary>The end of the last whole line before <paramref name="limit"/> (a fold), or the limit itself.</summary>
    private static int LastLineBreak(byte[] raw, int start, int limit)
    {
        var newline = Array.LastIndexOf(raw, (byte)'\n', limit - 1, limit - start);
        if (newline <= start) return limit;
        return raw[newline - 1] == '\r' ? newline - 1 : newline;
    }
}
