using System.Globalization;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;

namespace OmniIntake.Core.Search;

/// <summary>
/// What one search box query can mean, worked out before the database is asked (issue 15 item 1): a case number in
/// full or in part, a phone in any format (normalised with libphonenumber as the intake stores it: "138 1234 5678",
/// "+86 13812345678" and "021-6123 4567" become E.164), an e-mail address, and words of a name, a place or a message.
/// Only the meanings the text can have are searched, so a phone number never scans message text.
/// </summary>
public sealed record SearchTerms
{
    public const int MinLength = 2;
    public const int MaxLength = 200;

    private SearchTerms(string text) => Text = text;

    /// <summary>The query as typed, trimmed.</summary>
    public string Text { get; }

    /// <summary>The query upper-cased when it can be (part of) a case number: letters, digits and dashes with a digit.</summary>
    public string? NumberFragment { get; private init; }

    /// <summary>For a serial typed alone ("42", "00042"): the end of the number it names ("-00042").</summary>
    public string? SerialSuffix { get; private init; }

    /// <summary>The phone in E.164 when the query is a valid phone number.</summary>
    public string? Phone { get; private init; }

    /// <summary>The address lower-cased when the query is an e-mail address.</summary>
    public string? Email { get; private init; }

    /// <summary>
    /// True when the query holds a letter (any script): it is then also looked for in names, places and message text.
    /// A query of digits and signs is a number or a phone; matching it in free text would only find noise.
    /// </summary>
    public bool MatchesText { get; private init; }

    /// <summary>Parses a query; a query too short or too long is a clear error (code <c>search.query-length</c>).</summary>
    public static bool TryParse(string? query, out SearchTerms terms, out string error, string defaultRegion = "CN")
    {
        terms = null!;
        error = string.Empty;
        var text = (query ?? string.Empty).Trim();
        if (text.Length is < MinLength or > MaxLength)
        {
            error = string.Create(CultureInfo.InvariantCulture,
                $"q must be {MinLength}-{MaxLength} characters (got {text.Length}).");
            return false;
        }
        var fragment = text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && text.Any(char.IsAsciiDigit)
            ? text.ToUpperInvariant()
            : null;
        var digits = text.All(char.IsAsciiDigit);
        terms = new SearchTerms(text)
        {
            NumberFragment = fragment,
            SerialSuffix = digits && text.Length <= 5 ? "-" + text.PadLeft(5, '0') : null,
            Phone = LooksLikePhone(text) && ContactHandle.TryCreate(ContactHandleKind.Phone, text, out var phone, out _, defaultRegion)
                ? phone.Value
                : null,
            Email = text.Contains('@', StringComparison.Ordinal)
                    && ContactHandle.TryCreate(ContactHandleKind.Email, text, out var email, out _)
                ? email.Value
                : null,
            MatchesText = text.Any(char.IsLetter),
        };
        return true;
    }

    /// <summary>The query in full as a case number (TS-20261201-00042), when it is one, upper-cased as numbers are stored.</summary>
    public string? ExactNumber => CaseNumber.TryParse(Text, out _) ? Text.ToUpperInvariant() : null;

    /// <summary>Digits with spaces, dashes, dots, brackets and a leading plus: the ways people write phone numbers.</summary>
    private static bool LooksLikePhone(string text) =>
        text.Count(char.IsAsciiDigit) >= 7
        && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+' or '\u00A0');
}
