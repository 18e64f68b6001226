namespace OmniIntake.Server.Reports.Wording;

/// <summary>
/// What a report download says, in one language (issue 14 item 2): its labels, and the names of the codes it holds
/// (statuses, channels, classes; categories and departments by the names the organisation gave them). A code without a
/// name (a category deleted since) is written as it is stored rather than dropped.
/// </summary>
public sealed class ReportWording
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    private readonly IReadOnlyDictionary<string, string> _labels;
    private readonly IReadOnlyDictionary<string, string> _codes;
    private readonly IReadOnlyDictionary<string, string> _categories;
    private readonly IReadOnlyDictionary<string, string> _departments;

    private ReportWording(string language, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> codes,
        IReadOnlyDictionary<string, string> categories, IReadOnlyDictionary<string, string> departments)
    {
        (Language, _labels, _codes, _categories, _departments) = (language, labels, codes, categories, departments);
    }

    public string Language { get; }

    /// <param name="categories">Category code → (Chinese name, English name).</param>
    /// <param name="departments">Department code → its name (as typed by the admin: one name, whatever the language).</param>
    public static ReportWording For(string language, IReadOnlyDictionary<string, (string Zh, string En)> categories,
        IReadOnlyDictionary<string, string> departments)
    {
        var english = language == English;
        return new ReportWording(language, english ? ReportCatalog.EnglishLabels : ReportCatalog.ChineseLabels,
            english ? ReportCatalog.EnglishCodes : ReportCatalog.ChineseCodes,
            categories.ToDictionary(c => c.Key, c => english ? c.Value.En : c.Value.Zh, StringComparer.Ordinal), departments);
    }

    /// <summary>The labels alone (no category or department names known): for a report about codes only.</summary>
    public static ReportWording For(string language) =>
        For(language, new Dictionary<string, (string, string)>(), new Dictionary<string, string>());

    /// <summary>A label of the report (a header, a section, an indicator) by its key in <see cref="ReportCatalog"/>.</summary>
    public string Label(string key) => _labels.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No report label '{key}'.");

    public string Status(string code) => Code("status." + code, code);

    public string Channel(string code) => Code("channel." + code, code);

    public string Class(string code) => Code("class." + code, code);

    public string Category(string? code) => code is null or "(none)" ? Label("none.category") : _categories.TryGetValue(code, out var name) ? name : code;

    public string Department(string? code) =>
        code is null or "(not forwarded)" ? Label("none.department") : _departments.TryGetValue(code, out var name) ? name : code;

    private string Code(string key, string code) => _codes.TryGetValue(key, out var text) ? text : code;
}
