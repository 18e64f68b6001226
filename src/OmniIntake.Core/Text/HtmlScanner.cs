namespace OmniIntake.Core.Text;

/// <summary>
/// One left-to-right pass over untrusted HTML that reports its text runs and its tags, never looking back (issue 12
/// item 9: a regex with a lazy <c>.*?</c> up to a closing tag took 100 s of CPU on 320 KB of repeated &lt;script&gt;).
/// Every character is visited a bounded number of times: a search for a closing tag that fails is remembered, so a
/// thousand unclosed &lt;script&gt; cost one scan, not a thousand.
/// </summary>
internal ref struct HtmlScanner
{
    private readonly string _html;
    private int _position;
    private bool _noMoreTagEnds;
    private int _noScriptCloseAfter;
    private int _noStyleCloseAfter;

    public HtmlScanner(string html)
    {
        _html = html;
        _noScriptCloseAfter = int.MaxValue;
        _noStyleCloseAfter = int.MaxValue;
    }

    /// <summary>The next piece: text (to decode) or a tag (<see cref="HtmlToken.Name"/> lower-case, without attributes).</summary>
    public bool Next(out HtmlToken token)
    {
        token = default;
        if (_position >= _html.Length) return false;
        var start = _position;
        var lt = _noMoreTagEnds ? -1 : _html.IndexOf('<', start);
        if (lt < 0)
        {
            _position = _html.Length;
            token = HtmlToken.Text(start, _html.Length - start);
            return true;
        }
        if (lt > start)
        {
            _position = lt;
            token = HtmlToken.Text(start, lt - start);
            return true;
        }
        if (string.CompareOrdinal(_html, lt, "<!--", 0, 4) == 0)
        {
            var close = _html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            _position = close < 0 ? _html.Length : close + 3;
            token = HtmlToken.Skipped(lt, _position - lt);
            return true;
        }
        var gt = _html.IndexOf('>', lt + 1);
        if (gt < 0)
        {
            // No '>' anywhere after this: the rest is text, and no later '<' can start a tag either.
            _noMoreTagEnds = true;
            _position = _html.Length;
            token = HtmlToken.Text(lt, _html.Length - lt);
            return true;
        }
        if (gt == lt + 1)
        {
            _position = gt + 1;
            token = HtmlToken.Text(lt, 2); // "<>" is text, as in a browser
            return true;
        }
        var (name, closing, selfClosing) = ReadTag(lt + 1, gt);
        _position = gt + 1;
        token = HtmlToken.Tag(lt, gt + 1 - lt, name, closing, selfClosing);
        if (!closing && name is "script" or "style") SkipRawText(name);
        return true;
    }

    /// <summary>The content of a script or style element is never text: skip to its end tag, searching only once in vain.</summary>
    private void SkipRawText(string name)
    {
        ref var noCloseAfter = ref name == "script" ? ref _noScriptCloseAfter : ref _noStyleCloseAfter;
        if (_position >= noCloseAfter) return; // searched from an earlier point already and found none
        var close = _html.IndexOf("</" + name, _position, StringComparison.OrdinalIgnoreCase);
        if (close < 0)
        {
            noCloseAfter = _position;
            return;
        }
        var gt = _html.IndexOf('>', close);
        _position = gt < 0 ? _html.Length : gt + 1;
    }

    private readonly (string Name, bool Closing, bool SelfClosing) ReadTag(int from, int gt)
    {
        var i = from;
        while (i < gt && char.IsWhiteSpace(_html[i])) i++;
        var closing = i < gt && _html[i] == '/';
        if (closing) i++;
        var nameStart = i;
        while (i < gt && (char.IsAsciiLetterOrDigit(_html[i]) || _html[i] is '-' or ':')) i++;
        var name = i == nameStart ? "" : KnownNames.TryGetValue(_html.AsSpan(nameStart, i - nameStart), out var known) ? known : OtherName;
        return (name, closing, _html[gt - 1] == '/');
    }

    /// <summary>The name of every element no rule here singles out: it nests like any container.</summary>
    public const string OtherName = "*";

    // Names are looked up, not allocated: a million tags cost no garbage (a hostile mail has that many).
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownNames = CreateKnownNames();

    private static Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CreateKnownNames()
    {
        string[] names =
        [
            "script", "style", "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "area", "base", "col", "embed", "hr", "img",
            "input", "link", "meta", "param", "source", "track", "wbr", "dt", "dd", "td", "th", "option", "optgroup", "thead", "tbody",
            "tfoot", "colgroup", "caption", "rt", "rp", "html", "head", "body",
        ];
        return names.ToDictionary(n => n, n => n, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}

internal enum HtmlTokenKind
{
    Text,
    Tag,
    Skipped,
}

internal readonly record struct HtmlToken(HtmlTokenKind Kind, int Start, int Length, string Name, bool Closing, bool SelfClosing)
{
    public static HtmlToken Text(int start, int length) => new(HtmlTokenKind.Text, start, length, "", false, false);

    public static HtmlToken Skipped(int start, int length) => new(HtmlTokenKind.Skipped, start, length, "", false, false);

    public static HtmlToken Tag(int start, int length, string name, bool closing, bool selfClosing) =>
        new(HtmlTokenKind.Tag, start, length, name, closing, selfClosing);
}
