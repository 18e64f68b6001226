using System.Globalization;
using System.Text;

namespace OmniIntake.Testing.Drills;

/// <summary>
/// Values an attacker or a broken client sends instead of a name, a phone number, a body or an id: empty and huge,
/// control characters and NUL, encodings that lie, injection payloads for every layer (SQL, HTML, format strings,
/// paths, headers), numbers out of range. Each is one probe per field of every public entry point.
/// </summary>
public static class HostileValues
{
    public static IReadOnlyList<(string Name, string Value)> All(int scale)
    {
        var big = 1_000 * scale;
        return
        [
            ("empty", ""),
            ("blank", "   \t  "),
            ("nul", "a\0b"),
            ("only-nul", "\0\0\0"),
            ("c0-controls", string.Concat(Enumerable.Range(1, 31).Select(c => (char)c))),
            ("del-and-c1", "\u007f\u0085\u0090\u009f"),
            ("crlf-header-injection", "x\r\nSet-Cookie: owned=1\r\n\r\n<html>"),
            ("lone-surrogate-high", "a\ud800b"),
            ("lone-surrogate-low", "a\udc00b"),
            ("bom-and-zero-width", "\ufeff\u200b\u200c\u200d\u2060"),
            ("rtl-override", "\u202eabc\u202c"),
            ("combining-flood", "a" + new string('\u0301', 5_000)),
            ("emoji", "😀👍🏽👨‍👩‍👧‍👦🇨🇳"),
            ("cjk-long", string.Concat(Enumerable.Repeat("电梯坏了三天没人修", big / 9 + 1))),
            ("ascii-long", new string('a', big * 10)),
            ("megabyte", new string('x', 1_048_576)),
            ("sql-quote", "' OR '1'='1' --"),
            ("sql-drop", "1; DROP TABLE cases; --"),
            ("sql-pg-sleep", "'; SELECT pg_sleep(30); --"),
            ("sqlite-attach", "'; ATTACH DATABASE '/tmp/x' AS x; --"),
            ("html-script", "<script>alert(1)</script>"),
            ("html-img-onerror", "<img src=x onerror=alert(1)>"),
            ("html-deep", string.Concat(Enumerable.Repeat("<div>", 2_000 * scale))),
            ("html-unclosed-comment", "<!--" + new string('-', big)),
            ("format-dotnet", "{0}{1}{2:x}{{}}"),
            ("format-c", "%s%s%s%n%x%d"),
            ("log-forging", "ok\n[Error] forged entry"),
            ("path-traversal", "../../../../etc/passwd"),
            ("path-encoded", "..%2f..%2f..%2fetc%2fpasswd"),
            ("url-javascript", "javascript:alert(1)"),
            ("url-long", "https://example.test/" + new string('a', big)),
            ("json-breaker", "\"}]},{\"x\":\""),
            ("json-deep", new string('[', 5_000) + new string(']', 5_000)),
            ("xml-entity", "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><x>&b;</x>"),
            ("number-huge", "99999999999999999999999999999999"),
            ("number-negative", "-1"),
            ("number-float", "1e309"),
            ("number-nan", "NaN"),
            ("int-min", int.MinValue.ToString(CultureInfo.InvariantCulture)),
            ("long-max", long.MaxValue.ToString(CultureInfo.InvariantCulture)),
            ("phone-letters", "+86abc13800138000"),
            ("phone-plus-only", "+"),
            ("phone-too-long", "+" + new string('8', 40)),
            ("email-like", "\"a@b\"@[127.0.0.1]"),
            ("email-many-at", string.Concat(Enumerable.Repeat("@", 500))),
            ("case-number-forged", "TS-99999999-99999 TS-20260101-00001"),
            ("regex-bomb", new string('a', 5_000) + "!"),
            ("repeated-script", string.Concat(Enumerable.Repeat("<script>", 4_000 * scale))),
            ("invalid-date", "2026-13-45T25:61:61Z"),
            ("whitespace-unicode", "\u00a0\u1680\u2000\u2028\u2029\u3000"),
            ("private-use", "\ue000\uf8ff"),
            ("big5-mojibake-looking", Encoding.Latin1.GetString([0xA4, 0xA4, 0xA4, 0xE5])),
        ];
    }
}
