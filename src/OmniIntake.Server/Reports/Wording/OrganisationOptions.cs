namespace OmniIntake.Server.Reports.Wording;

/// <summary>
/// "Organisation" in configuration: the language the organisation's documents are written in (issue 14 item 2: report
/// downloads speak it, whatever the language of the person who downloads them). zh-CN unless set.
/// </summary>
public sealed class OrganisationOptions
{
    public const string Section = "Organisation";

    public static readonly IReadOnlyList<string> Languages = [ReportWording.Chinese, ReportWording.English];

    public string Language { get; set; } = ReportWording.Chinese;

    public IEnumerable<string> Validate()
    {
        if (!Languages.Contains(Language, StringComparer.Ordinal))
            yield return $"{Section}:Language must be one of {string.Join(", ", Languages)} (got '{Language}').";
    }
}
