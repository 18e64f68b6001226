using System.Net;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace OmniIntake.Core.Text;

/// <summary>Turns untrusted HTML into sanitised HTML and into plain text for search and SMS.</summary>
public sealed partial class HtmlCleaner
{
    private readonly HtmlSanitizer _sanitizer = new();

    public HtmlCleaner()
    {
        // Remote images are web bugs that tell the sender the mail was read; inline (cid:/data:) ones stay.
        _sanitizer.AllowedSchemes.Add("cid");
        _sanitizer.AllowedSchemes.Add("data");
        _sanitizer.AllowDataAttributes = false;
    }

    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    public static string ToPlainText(string html)
    {
        var withBreaks = BlockEnd().Replace(html, "\n");
        var noTags = Tags().Replace(withBreaks, string.Empty);
        var decoded = WebUtility.HtmlDecode(noTags);
        return ManyBlankLines().Replace(decoded, "\n\n").Trim();
    }

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/tr|/h[1-6])\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>|<[^>]+>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\n\s*\n\s*\n+")]
    private static partial Regex ManyBlankLines();
}
