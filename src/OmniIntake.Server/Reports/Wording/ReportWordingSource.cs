using OmniIntake.Data.Cases;
using OmniIntake.Data.Departments;

namespace OmniIntake.Server.Reports.Wording;

/// <summary>The organisation's report wording now: its language, and the categories' and departments' current names.</summary>
public sealed class ReportWordingSource(OrganisationOptions organisation, CategoryStore categories, DepartmentStore departments)
{
    public async Task<ReportWording> CurrentAsync(CancellationToken cancellationToken)
    {
        var categoryNames = (await categories.ListAsync(cancellationToken)).ToDictionary(c => c.Code, c => (c.NameZh, c.NameEn), StringComparer.Ordinal);
        var departmentNames = (await departments.ListAsync(cancellationToken)).ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);
        return ReportWording.For(organisation.Language, categoryNames, departmentNames);
    }
}
