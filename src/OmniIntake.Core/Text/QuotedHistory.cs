using System.Text.RegularExpressions;

namespace OmniIntake.Core.Text;

/// <summary>
/// Where the quoted history of a reply begins, so the console shows what the customer wrote now and keeps the rest
/// one click away (collapsed, never deleted). Recognises the markers mail clients write in English and Chinese:
/// "On ... wrote:", "-----Original Message-----", "在 ... 写道：", QQ Mail's "------------------ 原始邮件 ------------------",
/// Outlook's "From: ... / 发件人: ..." header block, and a trailing block of "&gt;" lines.
/// </summary>
public static partial class QuotedHistory
{
    /// <returns>The index in <paramref name="text"/> where the quoted history starts, or null when there is none.</returns>
    public static int? Start(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var marker = Marker().Match(text);
        var quoted = TrailingQuote().Match(text);
        int? start = marker.Success ? marker.Index : null;
        if (quoted.Success && (start is null || quoted.Index < start)) start = quoted.Index;
        // Nothing new above the quote (a forward with no comment): show it all.
        return start is { } s && !string.IsNullOrWhiteSpace(text[..s]) ? s : null;
    }

    [GeneratedRegex(@"^[ \t]*(On\s.{1,200}?\swrote:|-{2,}\s*Original Message\s*-{2,}|-{2,}\s*原始邮件\s*-{2,}|在.{1,200}?写道[:：]|(From|发件人)[:：].*\r?\n(.*\r?\n)?[ \t]*(Sent|Date|发送时间|日期)[:：])",
        RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Marker();

    // A block of "> " lines that runs (blank lines allowed) to the end of the text. Customer text is untrusted: the
    // nested loops over blank lines backtracked quadratically when the block did not reach the end (issue 12 item 9),
    // so both patterns run on the linear-time engine.
    [GeneratedRegex(@"^[ \t]*>.*(\r?\n([ \t]*>.*|[ \t]*))*\s*\z", RegexOptions.Multiline | RegexOptions.NonBacktracking)]
    private static partial Regex TrailingQuote();
}
