using System.Text.RegularExpressions;

namespace OmniIntake.Core.CannedReplies;

/// <summary>What a canned reply's variables stand for in one case, already in the reply's language.</summary>
public sealed record CannedReplyValues(string? CustomerName, string CaseNumber, string? Deadline, string? AgentName);

/// <summary>A template rendered for a case: the text, and the variables that had no value (the agent checks them before sending).</summary>
public sealed record RenderedReply(string Text, IReadOnlyList<string> Missing);

/// <summary>
/// A canned reply's text with variables in braces (issue 15 item 4): {customer.name}, {case.number}, {deadline},
/// {agent.name}. Rendered on the hub, so the deadline is written in the organisation's zone, whatever the browser's.
/// A variable without a value becomes the language's neutral word (客户 / customer), never a guess, and is reported.
/// </summary>
public static partial class CannedReplyTemplate
{
    public const int MaxShortcutLength = 40;
    public const int MaxTitleLength = 100;
    public const int MaxTextLength = 4000;

    public static readonly IReadOnlyList<string> Variables = ["customer.name", "case.number", "deadline", "agent.name"];

    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "en"];

    [GeneratedRegex(@"\{([^{}\s]{1,40})\}")]
    private static partial Regex Variable();

    /// <summary>Letters (any script), digits, '-' and '_': what can follow "::" in the reply box.</summary>
    [GeneratedRegex(@"^[\p{L}\p{N}_-]+$")]
    private static partial Regex ShortcutShape();

    public static bool IsShortcut(string shortcut) => shortcut.Length <= MaxShortcutLength && ShortcutShape().IsMatch(shortcut);

    /// <summary>The names in braces that are not one of <see cref="Variables"/>.</summary>
    public static IReadOnlyList<string> UnknownVariables(string text) =>
        Variable().Matches(text).Select(m => m.Groups[1].Value).Where(v => !Variables.Contains(v)).Distinct().ToList();

    public static RenderedReply Render(string text, string language, CannedReplyValues values)
    {
        var english = language == "en";
        var missing = new List<string>();
        string Value(string? value, string variable, string neutral)
        {
            if (!string.IsNullOrWhiteSpace(value)) return value;
            if (!missing.Contains(variable)) missing.Add(variable);
            return neutral;
        }
        var rendered = Variable().Replace(text, m => m.Groups[1].Value switch
        {
            "customer.name" => Value(values.CustomerName, "customer.name", english ? "customer" : "客户"),
            "case.number" => values.CaseNumber,
            "deadline" => Value(values.Deadline, "deadline", english ? "as soon as possible" : "尽快"),
            "agent.name" => Value(values.AgentName, "agent.name", english ? "your agent" : "客服"),
            _ => m.Value,
        });
        return new RenderedReply(rendered, missing);
    }
}
