namespace OmniIntake.Data.Dialects;

/// <summary>PostgreSQL's spelling of <see cref="ISqlDialect"/>.</summary>
public sealed class PostgresDialect : ISqlDialect
{
    public static readonly PostgresDialect Instance = new();

    public string MigrationFolder => "postgres";
    public string True => "true";
    public string False => "false";
    public string In(string column, string parameter) => $"{column} = ANY({parameter})";
    public int InListSize => 10_000;
    // NO KEY UPDATE: the locked rows are updated, never deleted nor given another key, and a FOR UPDATE lock would also
    // block every insert that references them (the key-share lock of a foreign-key check): with a case locked by one
    // message's unit, another transaction's history row for that case waited for the whole batch (issue 17: 30 of 100
    // samples of the SMS bench's active statements were audit inserts waiting so). Writers of the row still exclude one another.
    public string ForUpdate => " FOR NO KEY UPDATE";
    public string ForUpdateOf(string alias) => $" FOR NO KEY UPDATE OF {alias}";
    public string ForUpdateSkipLocked => " FOR UPDATE SKIP LOCKED";
    public string? TransactionLock(string keyExpression) => $"SELECT pg_advisory_xact_lock({keyExpression})";
    public string? LockTable(string table) => $"LOCK TABLE {table} IN EXCLUSIVE MODE";
    public string? SessionLock(string keyExpression) => $"SELECT pg_advisory_lock({keyExpression})";
    public string? SessionUnlock(string keyExpression) => $"SELECT pg_advisory_unlock({keyExpression})";
    public string? Notify(string channel, string? when = null) => $"SELECT pg_notify('{channel}', @origin)" + (when is null ? "" : $" WHERE {when}");
    public string ILike => "ILIKE";
    public string DistinctList(string expression) => $"string_agg(DISTINCT {expression}, ',')";
    public string AsText(string expression) => $"({expression})::text";

    // An index on reverse(number) serves a suffix as a prefix.
    public string EndsWith(string column, string suffix) =>
        $"reverse({column}) LIKE '{new string(suffix.Reverse().ToArray())}%'";

    public string Contains(string document) => $"search_grams({document}) @> search_grams(@text) AND {document} ILIKE @like";
    public string CaseSearchDocument => "case_search_doc(c.subject, c.complainant_name, c.location, c.customer_request, c.occurred_at, c.contact_email)";
    public bool ChainsWritesInOneStatement => true;
    public string Typed(string parameter, string sqlType) => $"{parameter}::{sqlType}";
    public string NextCaseSerial => "SELECT nextval('case_serial')";
    public string ZeroPadded(string integerExpression, int width) =>
        $"lpad({integerExpression}::text, greatest({width}, length({integerExpression}::text)), '0')";

    // jsonb || keeps the object a jsonb value, stored as its text (keys in jsonb's order, as the intake always stored them).
    public string JsonWithKey(string jsonObject, string key, string value) => $"({jsonObject}::jsonb || jsonb_build_object('{key}', {value}))::text";
}
