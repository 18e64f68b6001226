namespace OmniIntake.Core.Policy;

/// <summary>
/// The answer rules of the other organisations whose policy texts ship in ../shared/seed, as example policies
/// (configuration "Policy:Preset"). Forwarding keeps the default windows: those texts time the answer, not the hand-over.
/// </summary>
public static class PolicyPresets
{
    public const string Default = "default";

    private static readonly Dictionary<string, (string Description, Func<DefaultPolicyOptions> Create)> Presets = new(StringComparer.OrdinalIgnoreCase)
    {
        [Default] = ("This product's policy (PRODUCT.md): the owner's written answer within 4 working hours of forwarding.",
            () => new DefaultPolicyOptions()),
        ["hospital"] = ("A hospital: the complainant is told the outcome within a week (一般一周内答复).",
            () => new DefaultPolicyOptions { AnswerCalendarTime = TimeSpan.FromDays(7), AnswerSource = "hospital: answer to the complainant" }),
        ["credit-union"] = ("A credit union: general complaints answered within 3 working days (一般投诉三个工作日内完成; complex ones 7-10).",
            () => new DefaultPolicyOptions { AnswerWorkingDays = 3, AnswerSource = "credit union: answer to a general complaint" }),
        ["property-management"] = ("Property management: the owner is answered within 3 days at most (答复时间最长不应超过三天).",
            () => new DefaultPolicyOptions { AnswerCalendarTime = TimeSpan.FromDays(3), AnswerSource = "property management: answer to the owner" }),
        ["hotel"] = ("A hotel: a departed guest's complaint answered within 3 working days.",
            () => new DefaultPolicyOptions { AnswerWorkingDays = 3, AnswerSource = "hotel: answer to a departed guest" }),
    };

    public static IReadOnlyList<string> Names { get; } = [.. Presets.Keys];

    public static string Describe(string name) => Presets[name].Description;

    /// <summary>A fresh copy of the preset's numbers, for configuration to adjust.</summary>
    public static bool TryCreate(string? name, out DefaultPolicyOptions options)
    {
        if (name is not null && Presets.TryGetValue(name, out var preset))
        {
            options = preset.Create();
            return true;
        }
        options = new DefaultPolicyOptions();
        return false;
    }
}
