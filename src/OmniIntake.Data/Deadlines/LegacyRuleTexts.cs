using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using OmniIntake.Core.Policy;

namespace OmniIntake.Data.Deadlines;

/// <summary>
/// For the one backfill of migration 0057 only (issue 13 item 2): reads the rule text the policies wrote onto each
/// deadline before the code was stored with it back into a <see cref="DeadlineRuleCode"/>. Nothing renders from it: the
/// policies give their code (<see cref="DueTime.Code"/>) and the row keeps it. The texts are the policies' own as they
/// were written up to then (DefaultDeadlinePolicy, FixedWindowPolicy); a text it does not know is <c>unknown</c>, never a guess.
/// </summary>
public static partial class LegacyRuleTexts
{
    public const string Unknown = DeadlineRuleCode.UnknownCode;

    /// <summary>Migration 0057's step: every row without a code gets the one its text reads as, one statement per distinct text.</summary>
    internal static async Task BackfillAsync(DbConnection c, DbTransaction tx, CancellationToken ct)
    {
        var texts = await c.ListAsync<string>("SELECT DISTINCT rule FROM deadlines WHERE rule_code IS NULL", null, tx, ct);
        foreach (var rule in texts)
        {
            var code = Parse(rule);
            await c.ExecAsync("UPDATE deadlines SET rule_code = @code, rule_params = @parameters WHERE rule = @rule AND rule_code IS NULL",
                new { code = code.Code, parameters = StoredRuleCode.Params(code), rule }, tx, ct);
        }
    }

    public static DeadlineRuleCode Parse(string? rule)
    {
        var text = rule ?? "";
        if (text == "policy 5.2.2: received on a day off (weekend or holiday): forward the same day")
            return Code("policy.5.2.2.day-off");
        if (ForumInWorkingHours().Match(text) is { Success: true } forum && Minutes(forum.Groups["d"].Value) is { } forumWindow)
            return Code("policy.5.2.2.forum-working-hours", ("windowMinutes", forumWindow));
        if (InWorkingHours().Match(text) is { Success: true } working && Minutes(working.Groups["d"].Value) is { } workingWindow)
            return Code("policy.5.2.2.working-hours", ("windowMinutes", workingWindow));
        if (OffHours().Match(text) is { Success: true } off && Minutes(off.Groups["d"].Value) is { } offWindow)
            return Code("policy.5.2.2.off-hours", ("windowMinutes", offWindow), ("start", off.Groups["start"].Value));
        if (MajorFirstAnswer().Match(text) is { Success: true } major && Minutes(major.Groups["d"].Value) is { } majorWindow)
            return Code("policy.4.1.2.major-first-answer", ("windowMinutes", majorWindow));
        if (Fixed().Match(text) is { Success: true } fixedWindow
            && TimeSpan.TryParse(fixedWindow.Groups["span"].Value, CultureInfo.InvariantCulture, out var span))
        {
            var code = fixedWindow.Groups["what"].Value switch { "forward" => "fixed.forward", "answer" => "fixed.answer", _ => "fixed.first-answer" };
            return Code(code, ("windowMinutes", (int)span.TotalMinutes));
        }
        // PausedClockWindow.Rule: a clock resumed after a pause (issue 13) runs the window it had left.
        if (Resumed().Match(text) is { Success: true } resumed && Span(resumed.Groups["span"].Value) is { } resumedSpan)
            return Code("clock.resumed", [.. resumedSpan, ("clock", resumed.Groups["clock"].Value)]);
        if (Answer().Match(text) is { Success: true } answer && Span(answer.Groups["span"].Value) is { } answerSpan)
        {
            var source = answer.Groups["source"].Value;
            return source switch
            {
                "policy 5.2.5: the owner's written answer" => Code("policy.5.2.5.owner-answer", answerSpan),
                "policy 5.3.1: public forum reply" => Code("policy.5.3.1.public-reply", answerSpan),
                // An organisation's own rule (Policy:Default:AnswerSource): its name is its own words, shown as written.
                _ => Code("custom.answer", [.. answerSpan, ("source", source)]),
            };
        }
        return Code(Unknown);
    }

    private static DeadlineRuleCode Code(string code, params (string Key, object Value)[] parameters) => DeadlineRuleCode.Of(code, parameters);

    /// <summary>DefaultDeadlinePolicy.Describe's words back to minutes.</summary>
    private static int? Minutes(string described)
    {
        var m = Described().Match(described);
        if (!m.Success) return null;
        var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        return m.Groups["unit"].Value switch { "minute" or "minutes" => n, "hour" or "hours" => n * 60, _ => n * 1440 };
    }

    private static (string, object)[]? Span(string span)
    {
        if (WorkingDays().Match(span) is { Success: true } days)
            return [("workingDays", int.Parse(days.Groups["n"].Value, CultureInfo.InvariantCulture))];
        const string Working = " of working time";
        if (span.EndsWith(Working, StringComparison.Ordinal))
            return Minutes(span[..^Working.Length]) is { } w ? [("minutes", w), ("working", 1)] : null;
        return Minutes(span) is { } m ? [("minutes", m), ("working", 0)] : null;
    }

    [GeneratedRegex(@"^policy 5\.2\.2: forum post in working hours: forward within (?<d>.+)$")]
    private static partial Regex ForumInWorkingHours();

    [GeneratedRegex(@"^policy 5\.2\.2: received in working hours: forward within (?<d>.+)$")]
    private static partial Regex InWorkingHours();

    [GeneratedRegex(@"^policy 5\.2\.2: received on a working day outside working hours: forward within (?<d>.+) after work starts \((?<start>\d{4}-\d\d-\d\d \d\d:\d\d)\)$")]
    private static partial Regex OffHours();

    [GeneratedRegex(@"^policy 4\.1\.2: a major case gets a first answer within (?<d>.+) of receipt$")]
    private static partial Regex MajorFirstAnswer();

    [GeneratedRegex(@"^fixed window: (?<what>forward|answer|first answer) within (?<span>\S+) of (receipt|forwarding)$")]
    private static partial Regex Fixed();

    [GeneratedRegex(@"^policy (?<clock>[0-9.]+): .+: paused, resumed with (?<span>.+) left$")]
    private static partial Regex Resumed();

    [GeneratedRegex(@"^(?<source>.+) within (?<span>.+) after forwarding$")]
    private static partial Regex Answer();

    [GeneratedRegex(@"^(?<n>\d+) (?<unit>minutes?|hours?|days?)$")]
    private static partial Regex Described();

    [GeneratedRegex(@"^(?<n>\d+) working days?$")]
    private static partial Regex WorkingDays();
}
