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

        var terms = request.Terms;
        var filters = Filters(request);
        var byDate = request.Sort == SearchSort.Oldest ? "c.received_at, c.id" : "c.received_at DESC, c.id DESC";
        var sql = new StringBuilder();
        if (terms is null)
        {
            sql.Append("SELECT ").Append(Columns).Append(", 0 AS score, '' AS matched FROM cases c WHERE 1 = 1").Append(filters)
               .Append(" ORDER BY ").Append(byDate);
        }
        else
        {
            // Each meaning of the query keeps only its first skip + take + 1 cases in date order (filters applied): a case
            // on the page is among the first of the lookup that gives it its best score, so nothing on the page is lost,
            // and a word in a fifth of all messages costs one short walk, not a sort of every case that holds it.
            var lookups = Lookups(terms).Select((lookup, i) => Invariant(
                $"SELECT * FROM (SELECT c.id AS case_id, {lookup.Score} AS score, '{lookup.Matched}' AS matched FROM cases c WHERE ({lookup.Condition}){filters} ORDER BY {byDate} LIMIT @keep) l{i}"));
            sql.Append("WITH hits AS (\n").Append(string.Join("\nUNION ALL\n", lookups)).Append("\n),\n")
               .Append("best AS (SELECT case_id, MAX(score) AS score, ")
               .Append(database.Dialect.DistinctList("matched"))
               .Append(" AS matched FROM hits GROUP BY case_id)\n")
               .Append("SELECT ").Append(Columns).Append(", b.score, b.matched FROM best b JOIN cases c ON c.id = b.case_id")
               .Append(" ORDER BY ").Append(request.Sort == SearchSort.Relevance ? "b.score DESC, " + byDate : byDate);
        }
        sql.Append(" LIMIT @take OFFSET @skip");

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ListAsync<CaseSearchHit>(sql.ToString(), new
        {
            exact = terms?.ExactNumber, phone = terms?.Phone, email = terms?.Email, text = terms?.Text, like = terms is null ? null : Like(terms.Text),
            statuses = request.Statuses, open = CaseLifecycle.OpenNames, request.Channel, request.Class, request.Category, request.DepartmentId,
            request.ReceivedFrom, request.ReceivedBefore, scopeDepartment = request.Scope.DepartmentId, keep = skip + pageSize + 1, take = pageSize + 1, skip,
        }, null, cancellationToken);
        var items = rows.Take(pageSize).ToList();
        return new CaseSearchPage(items, page, pageSize, rows.Count > pageSize);
    }

    private sealed record Lookup(int Score, string Matched, string Condition);

    /// <summary>One condition on a case (alias c) per meaning of the query, each an index lookup on PostgreSQL.</summary>
    private List<Lookup> Lookups(SearchTerms terms)
    {
        var lookups = new List<Lookup>();
        if (terms.ExactNumber is not null)
        {
            lookups.Add(new Lookup(100, "number", "c.number = @exact"));
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
                lookups.Add(new Lookup(90, "number", Invariant($"c.number LIKE '{prefix}%'")));
            foreach (var suffix in suffixes.Distinct())
            {
                lookups.Add(new Lookup(90, "number", database.Dialect.EndsWith("c.number", suffix)));
            }
        }
        foreach (var (kind, value) in new[] { ("phone", terms.Phone), ("email", terms.Email) })
        {
            if (value is null) continue;
            var handle = Invariant($"SELECT contact_id FROM contact_handles WHERE kind = '{kind}' AND value = @{kind}");
            lookups.Add(new Lookup(80, kind, $"c.contact_id IN ({handle})"));
            lookups.Add(new Lookup(80, kind, kind == "phone" ? "c.contact_phone = @phone" : "lower(c.contact_email) = @email"));
            // A co-complainant of a collective complaint (case_parties).
            lookups.Add(new Lookup(80, kind, $"c.id IN (SELECT cp.case_id FROM case_parties cp WHERE cp.contact_id IN ({handle}))"));
        }
        // A whole case number names its case: its digits in a reply's text would only add noise.
        if (terms.MatchesText && terms.ExactNumber is null)
        {
            var dialect = database.Dialect;
            lookups.Add(new Lookup(50, "case", dialect.Contains(dialect.CaseSearchDocument)));
            lookups.Add(new Lookup(30, "message", $"c.id IN (SELECT m.case_id FROM messages m WHERE {dialect.Contains("m.body_text")})"));
        }
        if (lookups.Count == 0) lookups.Add(new Lookup(0, "", "1 = 0"));
        return lookups;
    }

    private string Filters(CaseSearchRequest request)
    {
        var sql = new StringBuilder();
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
        return sql.ToString();
    }

    /// <summary>"contains", with LIKE's wildcards in the query taken literally.</summary>
    private static string Like(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
