namespace OmniIntake.Core.Policy;

/// <summary>
/// A deadline's rule as a stable code with parameters, e.g. <c>policy.5.2.2.off-hours</c> with <c>{windowMinutes: 60,
/// start: "2026-12-02 09:00"}</c>: the UI renders it in the user's language (issue 14: the server speaks codes). The policy
/// that sets a due time gives its code (<see cref="DueTime.Code"/>), stored with the deadline row (issue 13 item 2).
/// </summary>
public sealed record DeadlineRuleCode(string Code, IReadOnlyDictionary<string, object> Parameters)
{
    /// <summary>A due time from a policy that gives no code: shown as its text, never guessed.</summary>
    public const string UnknownCode = "unknown";

    public static DeadlineRuleCode Unknown { get; } = Of(UnknownCode);

    public static DeadlineRuleCode Of(string code, params (string Key, object Value)[] parameters) =>
        new(code, parameters.ToDictionary(p => p.Key, p => p.Value));

    /// <summary>Whole minutes of a window, as the rule's text says it (rounded as <c>Spans.Describe</c> rounds).</summary>
    public static int Minutes(TimeSpan span) => (int)Math.Round(span.TotalMinutes, MidpointRounding.AwayFromZero);

    // Records compare dictionaries by reference; two codes are equal when their code and parameters are.
    public bool Equals(DeadlineRuleCode? other) =>
        other is not null && Code == other.Code && Parameters.Count == other.Parameters.Count
        && Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var v) && Equals(Normalise(p.Value), Normalise(v)));

    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);

    private static object Normalise(object value) => value switch
    {
        int or long or short => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Number } n => n.GetInt64(),
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } s => s.GetString()!,
        _ => value,
    };
}
