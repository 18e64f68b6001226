using System.Net;
using System.Text;

namespace OmniIntake.Core.Text;

/// <summary>
/// The readable text of untrusted HTML, for search, previews, SMS and a mail whose HTML is too complex to clean:
/// tags dropped, script and style content dropped, a line break for each line-ending tag, entities decoded,
/// runs of blank lines cut to one. Linear in the input (issue 12 item 9), with no regex.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> LineEnds = ["p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"];

    public static string From(string html)
    {
        var text = new StringBuilder(html.Length);
        var scanner = new HtmlScanner(html);
        while (scanner.Next(out var token))
        {
            if (token.Kind == HtmlTokenKind.Text) text.Append(html, token.Start, token.Length);
            else if (token.Kind == HtmlTokenKind.Tag && (token.Name == "br" || (token.Closing && LineEnds.Contains(token.Name)))) text.Append('\n');
        }
        return WithoutBlankRuns(WebUtility.HtmlDecode(text.ToString())).Trim();
    }

    /// <summary>Three or more line breaks in a run of white space become one blank line.</summary>
    private static string WithoutBlankRuns(string text)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                result.Append(text[i++]);
                continue;
            }
            var runStart = i;
            int first = -1, last = -1, breaks = 0;
            for (; i < text.Length && char.IsWhiteSpace(text[i]); i++)
            {
                if (text[i] != '\n') continue;
                if (first < 0) first = i;
                last = i;
                breaks++;
            }
            if (breaks < 3)
            {
                result.Append(text, runStart, i - runStart);
                continue;
            }
            result.Append(text, runStart, first - runStart).Append("\n\n").Append(text, last + 1, i - last - 1);
        }
        return result.ToString();
    }
}
