using Ganss.Xss;

namespace OmniIntake.Core.Text;

/// <summary>HTML cleaned for the console, or, when it is beyond the limits, none and a note saying why.</summary>
/// <param name="Html">The sanitised HTML; null when there was none or it was too complex to clean.</param>
/// <param name="Text">The readable text of the HTML.</param>
/// <param name="TooComplex">The HTML was beyond <see cref="HtmlLimits"/>: the message is kept as text only.</param>
public sealed record CleanedHtml(string? Html, string Text, bool TooComplex);

/// <summary>Turns untrusted HTML into sanitised HTML and into plain text for search and SMS.</summary>
public sealed class HtmlCleaner
{
    private readonly HtmlSanitizer _sanitizer = new();
    private readonly HtmlLimits _limits;

    public HtmlCleaner(HtmlLimits? limits = null)
    {
        _limits = limits ?? HtmlLimits.Default;
        // Remote images are web bugs that tell the sender the mail was read; inline (cid:/data:) ones stay.
        _sanitizer.AllowedSchemes.Add("cid");
        _sanitizer.AllowedSchemes.Add("data");
        _sanitizer.AllowDataAttributes = false;
    }

    /// <summary>
    /// Measures first (linear), and parses and sanitises only HTML within the limits: a mail beyond them is still
    /// taken, as its text, marked (issue 12 item 7), never refused and never left to freeze the hub.
    /// </summary>
    public CleanedHtml Clean(string html)
    {
        if (!_limits.Admit(html)) return new CleanedHtml(null, HtmlText.From(html), TooComplex: true);
        var sanitised = _sanitizer.Sanitize(html);
        return new CleanedHtml(sanitised, HtmlText.From(sanitised), TooComplex: false);
    }

    /// <summary>The readable text of untrusted HTML; see <see cref="HtmlText"/>.</summary>
    public static string ToPlainText(string html) => HtmlText.From(html);
}
