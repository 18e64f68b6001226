namespace OmniIntake.Core.Text;

/// <summary>
/// How big and how deep untrusted HTML is, measured in one linear pass before anything parses it into a tree
/// (issue 12 item 7: sanitising 64,000 nested &lt;div&gt; took 30 s, 500,000 never finished).
/// </summary>
public readonly record struct HtmlShape(int Length, int Tags, int MaxDepth)
{
    // No end tag, so they never nest.
    private static readonly HashSet<string> Void =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", ""];

    // An end tag may be left out and a parser closes them at the next sibling: unclosed ones in sloppy mail are not depth.
    private static readonly HashSet<string> OptionalEnd =
        ["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption", "rt", "rp", "html", "head", "body"];

    /// <param name="stopAbove">Stop counting once any of these is exceeded: the answer "too complex" is then known.</param>
    public static HtmlShape Of(string html, HtmlLimits? stopAbove = null)
    {
        int tags = 0, depth = 0, maxDepth = 0;
        var scanner = new HtmlScanner(html);
        while (scanner.Next(out var token))
        {
            if (token.Kind != HtmlTokenKind.Tag) continue;
            tags++;
            if (!token.SelfClosing && !Void.Contains(token.Name) && !OptionalEnd.Contains(token.Name))
            {
                depth = token.Closing ? Math.Max(0, depth - 1) : depth + 1;
                maxDepth = Math.Max(maxDepth, depth);
            }
            if (stopAbove is not null && (maxDepth > stopAbove.MaxDepth || tags > stopAbove.MaxTags)) break;
        }
        return new HtmlShape(html.Length, tags, maxDepth);
    }
}

/// <summary>What HTML may be before it is parsed and cleaned; beyond any of these, a message is kept as text only.</summary>
public sealed record HtmlLimits
{
    /// <summary>Real mail nests a few dozen levels (Outlook's tables in tables); the sanitiser's cost grows faster than depth.</summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>A long newsletter has a few thousand elements; the sanitiser's cost grows with tags times depth.</summary>
    public int MaxTags { get; init; } = 10_000;

    public int MaxLength { get; init; } = 1_000_000;

    public static HtmlLimits Default { get; } = new();

    public bool Admit(HtmlShape shape) => shape.MaxDepth <= MaxDepth && shape.Tags <= MaxTags && shape.Length <= MaxLength;

    /// <summary>Whether <paramref name="html"/> is within the limits, measured only as far as needed to know.</summary>
    public bool Admit(string html) => html.Length <= MaxLength && Admit(HtmlShape.Of(html, stopAbove: this));
}
