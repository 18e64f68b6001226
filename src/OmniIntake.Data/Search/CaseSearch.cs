using System.Diagnostics;
using System.Globalization;
using System.Text;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Search;

namespace OmniIntake.Data.Search;

/// <summary>
/// Finds any case in any status (issue 15 item 1): each meaning the query can have (<see cref="SearchTerms"/>) is one
/// indexed lookup giving case ids and a score; the best score per case wins, the filters and the owner's scope apply,
/// then one page is read. On PostgreSQL free text goes through the bigram GIN indexes of migration 0030; on SQLite
/// it is a LIKE over the rows.
/// </summary>
public sealed class CaseSearch(Database database, IntakeOptions intake)
{
    public const int MaxPageSize = 100;

    /// <summary>Deep paging is not searching: past this many results the agent narrows the query.</summary>
    public const int MaxOffset = 10_000;

    private const string Columns = """
        c.id, c.number, c.channel, c.status, c.class, c.category, c.subject, c.complainant_name, c.contact_id, c.department_id,
        c.received_at, c.last_inbound_at, c.resolved_at, c.closed_at, c.merged_into_id, c.claimed_by
        """;

    public async Task<CaseSearchPage> SearchAsync(CaseSearchRequest request, CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var page = Math.Max(request.Page, 1);
        var skip = (page - 1) * pageSize;
        if (skip > MaxOffset) throw new ArgumentOutOfRangeException(nameof(request), $"Pages end at result {MaxOffset}.");
        if (request.Scope.IsEmpty) return new CaseSearchPage([], page, pageSize, false);

        var sql = new StringBuilder();
        var terms = request.Terms;
        if (terms is null)
        {
            sql.Append("SELECT ").Append(Columns).Append(", 0 AS score, '' AS matched FROM cases c WHERE 1 = 1");
        }
        else
        {
            sql.Append("WITH hits(case_id, score, matched) AS (\n").Append(string.Join("\nUNION ALL\n", Lookups(terms))).Append("\n),\n")
               .Append("best AS (SELECT case_id, MAX(score) AS score, ")
               .Append(database.IsPostgres ? "string_agg(DISTINCT matched, ',')" : "group_concat(DISTINCT matched)")
               .Append(" AS matched FROM hits GROUP BY case_id)\n")
               .Append("SELECT ").Append(Columns).Append(", b.score, b.matched FROM best b JOIN cases c ON c.id = b.case_id WHERE 1 = 1");
        }
        AppendFilters(sql, request);
        sql.Append(request.Sort switch
        {
            SearchSort.Oldest => " ORDER BY c.received_at, c.id",
            SearchSort.Newest or SearchSort.Relevance when terms is null => " ORDER BY c.received_at DESC, c.id DESC",
            _ => " ORDER BY score DESC, c.received_at DESC, c.id DESC",
        });
        sql.Append(" LIMIT @take OFFSET @skip");

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ListAsync<HitRow>(sql.ToString(), new
        {
            exact = terms?.ExactNumber, phone = terms?.Phone, email = terms?.Email, text = terms?.Text, like = terms is null ? null : Like(terms.Text),
            statuses = request.Statuses, open = CaseLifecycle.OpenNames, request.Channel, request.Class, request.Category, request.DepartmentId,
            request.ReceivedFrom, request.ReceivedBefore, scopeDepartment = request.Scope.DepartmentId, take = pageSize + 1, skip,
        }, null, cancellationToken);
        var items = rows.Take(pageSize).Select(r => r.ToHit()).ToList();
        return new CaseSearchPage(items, page, pageSize, rows.Count > pageSize);
    }

    /// <summary>One SELECT (case_id, score, matched) per meaning of the query; each is an index lookup on PostgreSQL.</summary>
    private List<string> Lookups(SearchTerms terms)
    {
        var parts = new List<string>();
        if (terms.ExactNumber is not null)
        {
            parts.Add("SELECT id, 100, 'number' FROM cases WHERE number = @exact");
        }
        else if (terms.NumberFragment is { } fragment)
        {
            // The fragment holds only ASCII letters, digits and dashes (SearchTerms), so it is written into the statement:
            // a LIKE prefix with a bind parameter cannot use the pattern index in a prepared (generic) plan.
            Debug.Assert(fragment.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
            var prefixes = new List<string> { fragment, $"{intake.CaseNumberPrefix}-{fragment}" };
            var suffixes = new List<string> { fragment };
            if (terms.SerialSuffix is { } serial) suffixes.Add(serial);
            foreach (var prefix in prefixes.Distinct())
                parts.Add(Invariant($"SELECT id, 90, 'number' FROM cases WHERE number LIKE '{prefix}%'"));
            foreach (var suffix in suffixes.Distinct())
            {
                parts.Add(database.IsPostgres
                    ? Invariant($"SELECT id, 90, 'number' FROM cases WHERE reverse(number) LIKE '{Reverse(suffix)}%'")
                    : Invariant($"SELECT id, 90, 'number' FROM cases WHERE number LIKE '%{suffix}'"));
            }
        }
        if (terms.Phone is not null)
        {
            parts.Add("SELECT c.id, 80, 'phone' FROM cases c WHERE c.contact_id IN (SELECT contact_id FROM contact_handles WHERE kind = 'phone' AND value = @phone)");
            parts.Add("SELECT id, 80, 'phone' FROM cases WHERE contact_phone = @phone");
            // A co-complainant of a collective complaint (case_parties).
            parts.Add("SELECT cp.case_id, 80, 'phone' FROM case_parties cp WHERE cp.contact_id IN (SELECT contact_id FROM contact_handles WHERE kind = 'phone' AND value = @phone)");
        }
        if (terms.Email is not null)
        {
            parts.Add("SELECT c.id, 80, 'email' FROM cases c WHERE c.contact_id IN (SELECT contact_id FROM contact_handles WHERE kind = 'email' AND value = @email)");
            parts.Add("SELECT id, 80, 'email' FROM cases WHERE lower(contact_email) = @email");
            parts.Add("SELECT cp.case_id, 80, 'email' FROM case_parties cp WHERE cp.contact_id IN (SELECT contact_id FROM contact_handles WHERE kind = 'email' AND value = @email)");
        }
        if (terms.MatchesText)
        {
            if (database.IsPostgres)
            {
                const string Doc = "case_search_doc(subject, complainant_name, location, customer_request, occurred_at, contact_email)";
                parts.Add($"SELECT id, 50, 'case' FROM cases WHERE search_grams({Doc}) @> search_grams(@text) AND {Doc} ILIKE @like");
                parts.Add("SELECT case_id, 30, 'message' FROM messages WHERE search_grams(body_text) @> search_grams(@text) AND body_text ILIKE @like");
            }
            else
            {
                const string Doc = "(coalesce(subject, '') || ' ' || coalesce(complainant_name, '') || ' ' || coalesce(location, '') || ' ' || coalesce(customer_request, '') || ' ' || coalesce(occurred_at, '') || ' ' || coalesce(contact_email, ''))";
                parts.Add($"SELECT id, 50, 'case' FROM cases WHERE {Doc} LIKE @like ESCAPE '\\'");
                parts.Add("SELECT case_id, 30, 'message' FROM messages WHERE body_text LIKE @like ESCAPE '\\'");
            }
        }
        if (parts.Count == 0) parts.Add("SELECT id, 0, '' FROM cases WHERE 1 = 0");
        return parts;
    }

    private void AppendFilters(StringBuilder sql, CaseSearchRequest request)
    {
        if (request.Statuses.Count > 0) sql.Append(" AND ").Append(database.In("c.status", "@statuses"));
        if (request.OpenOnly) sql.Append(" AND ").Append(database.In("c.status", "@open"));
        if (request.Channel is not null) sql.Append(" AND c.channel = @Channel");
        if (request.Class is not null) sql.Append(" AND c.class = @Class");
        if (request.Category is not null) sql.Append(" AND c.category = @Category");
        if (request.DepartmentId is not null) sql.Append(" AND c.department_id = @DepartmentId");
        if (request.ReceivedFrom is not null) sql.Append(" AND c.received_at >= @ReceivedFrom");
        if (request.ReceivedBefore is not null) sql.Append(" AND c.received_at < @ReceivedBefore");
        // OwnerScope.Covers as SQL: an owner sees the cases forwarded to their department now, nothing else.
        if (request.Scope.DepartmentId is not null) sql.Append(" AND c.department_id = @scopeDepartment AND c.status IN ('forwarded', 'answered')");
    }

    /// <summary>"contains", with LIKE's wildcards in the query taken literally.</summary>
    private static string Like(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed class HitRow
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
        public long Score { get; init; }
        public string? Matched { get; init; }

        public CaseSearchHit ToHit() => new()
        {
            Id = Id, Number = Number, Channel = Channel, Status = Status, Class = Class, Category = Category, Subject = Subject,
            ComplainantName = ComplainantName, ContactId = ContactId, DepartmentId = DepartmentId, ReceivedAt = ReceivedAt,
            LastInboundAt = LastInboundAt, ResolvedAt = ResolvedAt, ClosedAt = ClosedAt, MergedIntoId = MergedIntoId, ClaimedBy = ClaimedBy,
            Score = (int)Score,
            MatchedOn = string.IsNullOrEmpty(Matched) ? [] : Matched.Split(',').Order(StringComparer.Ordinal).ToList(),
        };
    }
}
