using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace OmniIntake.Channels.Forum.Feeds;

/// <summary>
/// Loads a feed's text as XML: strictly first; when that fails, once more after the repairs mainstream feed readers
/// make (issue 12): HTML entities (&amp;nbsp;) and bare ampersands escaped, undeclared namespace prefixes declared;
/// then what can be salvaged up to the first fault. DTDs are ignored and nothing is resolved. A document whose root
/// element cannot even be read is refused with the first error.
/// </summary>
internal static partial class FeedXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1_000_000, CheckCharacters = false,
    };

    /// <returns>The document, and a warning when only part of it could be read.</returns>
    public static (XDocument Document, string? Warning) Load(string text)
    {
        // The declaration's encoding was applied when the bytes were decoded (FeedDecoding); leading blank lines are a common slip.
        text = EncodingAttribute().Replace(text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n'), "$1", 1);
        // A declaration after a leading comment is not XML; readers skip it (feedparser's own test files start so).
        if (LateDeclaration().Match(text) is { Success: true, Index: > 0 } late) text = text.Remove(late.Index, late.Length);
        try
        {
            return (Parse(text), null);
        }
        catch (XmlException first)
        {
            var repaired = Repair(text);
            try
            {
                return (Parse(repaired), null);
            }
            catch (XmlException)
            {
                return Salvage(repaired) is { } partial
                    ? (partial, $"The feed is not well-formed XML ({first.Message}); what came before the fault was read.")
                    : throw new InvalidFeedException(first.Message, first);
            }
        }
    }

    private static XDocument Parse(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), Settings);
        return XDocument.Load(reader);
    }

    /// <summary>
    /// The document up to where it stops being XML (a feed cut off mid-transfer, an unclosed CDATA section), every open
    /// element closed there: the items before the fault are read; null when not even the root element was read.
    /// </summary>
    private static XDocument? Salvage(string text)
    {
        XElement? root = null;
        var open = new Stack<XElement>();
        using var reader = XmlReader.Create(new StringReader(text), Settings);
        try
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                        var empty = reader.IsEmptyElement;
                        while (reader.MoveToNextAttribute())
                            if (reader.Prefix != "xmlns" && reader.LocalName != "xmlns")
                                element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
                        if (open.TryPeek(out var parent)) parent.Add(element);
                        else if (root is null) root = element;
                        else return new XDocument(root);
                        if (!empty) open.Push(element);
                        break;
                    case XmlNodeType.EndElement:
                        open.TryPop(out _);
                        break;
                    case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        if (open.TryPeek(out var holder)) holder.Add(new XText(reader.Value));
                        break;
                    case XmlNodeType.CDATA:
                        if (open.TryPeek(out var cdataHolder)) cdataHolder.Add(new XCData(reader.Value));
                        break;
                }
            }
        }
        catch (XmlException)
        {
            // Kept what came before the fault.
        }
        return root is null ? null : new XDocument(root);
    }

    private static string Repair(string text)
    {
        text = Entity().Replace(text, m => m.Groups[1].Value switch
        {
            "amp" or "lt" or "gt" or "quot" or "apos" => m.Value,
            _ when WebUtility.HtmlDecode(m.Value) is var decoded && decoded != m.Value =>
                string.Concat(decoded.EnumerateRunes().Select(r => $"&#{r.Value};")),
            _ => "&amp;" + m.Value[1..],
        });
        text = BareAmpersand().Replace(text, "&amp;");
        var declared = Declaration().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var undeclared = Prefix().Matches(text).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Where(p => p is not ("xml" or "xmlns") && !declared.Contains(p)).Distinct(StringComparer.Ordinal).ToList();
        if (undeclared.Count > 0 && RootTag().Match(text) is { Success: true } root)
            text = text.Insert(root.Index + root.Length, string.Concat(undeclared.Select(p => $" xmlns:{p}=\"urn:undeclared:{p}\"")));
        return text;
    }

    [GeneratedRegex("""^(<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""", RegexOptions.CultureInvariant)]
    private static partial Regex EncodingAttribute();

    [GeneratedRegex(@"<\?xml\s[^>]*\?>", RegexOptions.CultureInvariant)]
    private static partial Regex LateDeclaration();

    [GeneratedRegex("&([A-Za-z][A-Za-z0-9]*);", RegexOptions.CultureInvariant)]
    private static partial Regex Entity();

    [GeneratedRegex("&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);)", RegexOptions.CultureInvariant)]
    private static partial Regex BareAmpersand();

    [GeneratedRegex("""xmlns:([A-Za-z_][\w.-]*)\s*=""", RegexOptions.CultureInvariant)]
    private static partial Regex Declaration();

    [GeneratedRegex("""</?([A-Za-z_][\w.-]*):[A-Za-z_]|\s([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\s*=""", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex("<(?![?!/])[A-Za-z_][^\\s>/]*", RegexOptions.CultureInvariant)]
    private static partial Regex RootTag();
}
