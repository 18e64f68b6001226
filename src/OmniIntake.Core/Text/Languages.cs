namespace OmniIntake.Core.Text;

/// <summary>The two languages the hub speaks to customers, and how it picks one.</summary>
public static class Languages
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    /// <summary>zh-CN for any Chinese language tag ("zh", "zh-TW", "zh-Hans-CN"), en otherwise.</summary>
    public static string FromTag(string? requested) =>
        requested is not null && requested.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    /// <summary>zh-CN when any of the texts holds a Chinese character (CJK unified ideographs and extension A).</summary>
    public static string Of(params string?[] texts) => texts.Any(HasChinese) ? Chinese : English;

    public static bool HasChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf');
}
