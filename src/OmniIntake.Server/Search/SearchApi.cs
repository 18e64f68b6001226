using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Search;
using OmniIntake.Data.Search;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Cases;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Search;

/// <summary>
/// GET /api/cases/search (issue 15 item 1): any case in any status by number (also part of it), phone in any format,
/// e-mail, name, place or message text, with filters, paged, by relevance or date. Agents search everything; a
/// department owner only the cases forwarded to their department now (OwnerScope; credit union, 6th article).
/// </summary>
public static class SearchApi
{
    public static void AddCaseSearch(this WebApplicationBuilder builder) => builder.Services.AddSingleton<CaseSearch>();

    public static void MapCaseSearch(this WebApplication app) =>
        app.MapGet("/api/cases/search", SearchAsync).WithTags("Cases").WithName("SearchCases").RequireAuthorization(Policies.Staff).WithSummary("For staff: cases found by number, phone, e-mail, name or words, best matches first, in pages.");

    /// <param name="q">A case number or part of it, a phone, an e-mail, or words of a name, place or message (2-200 characters).</param>
    /// <param name="status">One status or several separated by commas (received, forwarded, ...).</param>
    /// <param name="from">Received on or after this local day (the organisation's zone).</param>
    /// <param name="to">Received on or before this local day.</param>
    /// <param name="sort">relevance (default with q), newest (default without), oldest.</param>
    internal static async Task<Results<Ok<CaseSearchPage>, ProblemHttpResult>> SearchAsync(CaseSearch search, IntakeOptions intake,
        ClaimsPrincipal user, string? q, string? status, bool? open, string? channel, string? @class, string? category,
        long? departmentId, DateOnly? from, DateOnly? to, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        SearchTerms? terms = null;
        // An empty box is no query (filters only), as the console sends it.
        if (!string.IsNullOrWhiteSpace(q) && !SearchTerms.TryParse(q, out terms, out var queryError)) return Problem(400, "search.query-length", "Invalid query", queryError);
        var statuses = new List<string>();
        foreach (var name in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!CaseLifecycle.TryParse(name, out var parsed)) return Problem(400, "search.status", "Invalid status", $"Unknown status '{name}'.");
            statuses.Add(parsed.ToName());
        }
        if (channel is not null && !ChannelNames.TryParse(channel, out _)) return Problem(400, "search.channel", "Invalid channel", $"Unknown channel '{channel}'.");
        if (@class is not null && !CaseClassNames.TryParse(@class, out _)) return Problem(400, "search.class", "Invalid class", $"Unknown class '{@class}'.");
        if (from is { } f && to is { } t && t < f) return Problem(400, "search.date-range", "Invalid date range", $"to ({t:yyyy-MM-dd}) is before from ({f:yyyy-MM-dd}).");
        var order = terms is null ? SearchSort.Newest : SearchSort.Relevance;
        if (sort is not null && !TryParseSort(sort, out order))
            return Problem(400, "search.sort", "Invalid sort", $"sort is relevance, newest or oldest (got '{sort}').");
        if (pageSize is < 1 or > CaseSearch.MaxPageSize) return Problem(400, "search.page-size", "Invalid page size", $"pageSize is 1-{CaseSearch.MaxPageSize} (got {pageSize}).");
        var size = pageSize ?? 25;
        if (page is < 1 || (long)((page ?? 1) - 1) * size > CaseSearch.MaxOffset)
            return Problem(400, "search.page", "Invalid page", $"page is 1 or more and results end at {CaseSearch.MaxOffset}; narrow the search (got {page}).");

        var agent = user.IsInRole(Roles.Agent) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);
        var scope = agent ? OwnerScope.EveryDepartment : user.OwnerScope();
        if (scope.IsEmpty) return Problem(403, "search.no-department", "No department", "Your account is not the complaint owner of any department; ask an admin to set one.");
        return TypedResults.Ok(await search.SearchAsync(new CaseSearchRequest
        {
            Terms = terms, Statuses = statuses, OpenOnly = open ?? false, Channel = channel?.ToLowerInvariant(), Class = @class?.ToLowerInvariant(),
            Category = string.IsNullOrWhiteSpace(category) ? null : category.Trim(), DepartmentId = departmentId,
            // Local days in the organisation's zone, "to" inclusive, as the queue's filter.
            ReceivedFrom = from is { } start ? LocalDays.StartOf(start, intake.Zone) : null,
            ReceivedBefore = to is { } end ? LocalDays.StartOf(end.AddDays(1), intake.Zone) : null,
            Sort = order, Page = page ?? 1, PageSize = size, Scope = scope,
        }, ct));
    }

    private static bool TryParseSort(string text, out SearchSort sort) =>
        Enum.TryParse(text, ignoreCase: true, out sort) && Enum.IsDefined(sort) && !int.TryParse(text, out _);

    /// <summary>A ProblemDetails with a stable <c>code</c> the web app renders in the user's language.</summary>
    private static ProblemHttpResult Problem(int status, string code, string title, string detail) =>
        ApiProblem.Of(status, code, title, detail);
}
