using System.Text.Json;
using OmniIntake.Core.Policy;

namespace OmniIntake.Data.Deadlines;

/// <summary>
/// A deadline's rule code as its row keeps it (issue 13 item 2): <c>rule_code</c> and <c>rule_params</c> (a JSON object),
/// written when the clock starts or is computed again, read back for the workspace. A row without one reads as unknown.
/// </summary>
public static class StoredRuleCode
{
    public static string Params(DeadlineRuleCode code) => JsonSerializer.Serialize(code.Parameters, Json.Options);

    public static DeadlineRuleCode Read(string? code, string? parameters)
    {
        if (string.IsNullOrEmpty(code)) return DeadlineRuleCode.Unknown;
        var values = string.IsNullOrEmpty(parameters) ? null : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(parameters, Json.Options);
        return new DeadlineRuleCode(code, values?.ToDictionary(p => p.Key, p => Value(p.Value)) ?? []);
    }

    // Numbers as whole numbers (every parameter is minutes, days or a 0/1 flag), text as text.
    private static object Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number when e.TryGetInt32(out var i) => i,
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => e.GetString()!,
        _ => e.ToString(),
    };
}
