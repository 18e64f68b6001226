using OmniIntake.Core.Cases;
using OmniIntake.Core.Search;

namespace OmniIntake.Data.Search;

public enum SearchSort
{
    /// <summary>Best match first (number, then phone or e-mail, then the case's fields, then message text), newest among equals.</summary>
    Relevance,
    Newest,
    Oldest,
}

/// <summary>One search: the query (optional) and filters combined with AND, over cases in every status.</summary>
public sealed record CaseSearchRequest
{
    public SearchTerms? Terms { get; init; }
    public IReadOnlyList<string> Statuses { get; init; } = [];
    public bool OpenOnly { get; init; }
    public string? Channel { get; init; }
    public string? Class { get; init; }
    public string? Category { get; init; }
    public long? DepartmentId { get; init; }

    /// <summary>Received at or after this instant.</summary>
    public DateTimeOffset? ReceivedFrom { get; init; }

    /// <summary>Received before this instant.</summary>
    public DateTimeOffset? ReceivedBefore { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    /// <summary>Whose cases may be seen: an owner only the cases forwarded to their department now (OwnerScope).</summary>
    public OwnerScope Scope { get; init; } = OwnerScope.EveryDepartment;
}

/// <summary>A case found, with what matched (number, phone, email, case, message) and how well.</summary>
public sealed class CaseSearchHit
{
    public long Id { get; init; }
    public string Number { get; init; } = "";
    public string Channel { get; init; } = "";
    public string Status { get; init; } = "";
    public string Class { get; init; } = "";
    public string? Category { get; init; }
    public string? Subject { get; init; }
    public string? ComplainantName { get; init; }
    public long ContactId { get; init; }
    public long? DepartmentId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset LastInboundAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public long? MergedIntoId { get; init; }
    public string? ClaimedBy { get; init; }

    /// <summary>100 full number, 90 part of the number, 80 phone or e-mail, 50 name/place/subject/request, 30 message text; 0 without a query.</summary>
    public int Score { get; init; }

    /// <summary>Where the query was found: number, phone, email, case, message.</summary>
    public IReadOnlyList<string> MatchedOn { get; init; } = [];

    /// <summary>The match kinds comma-separated, as the search statement returns them (internal: not sent to clients).</summary>
    internal string? Matched
    {
        get => string.Join(',', MatchedOn);
        init => MatchedOn = string.IsNullOrEmpty(value) ? [] : value.Split(',').Order(StringComparer.Ordinal).ToList();
    }
}

public sealed record CaseSearchPage(IReadOnlyList<CaseSearchHit> Items, int Page, int PageSize, bool HasMore);
