namespace OmniIntake.Data.Dialects;

/// <summary>SQLite's spelling of <see cref="ISqlDialect"/>. Its writers are serialised by BEGIN IMMEDIATE, so it needs no locks.</summary>
public sealed class SqliteDialect : ISqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public string MigrationFolder => "sqlite";
    public string True => "1";
    public string False => "0";
    public string In(string column, string parameter) => $"{column} IN {parameter}";
    public int InListSize => 500;
    public string ForUpdate => "";
    public string ForUpdateOf(string alias) => "";
    public string ForUpdateSkipLocked => "";
    public string? TransactionLock(string keyExpression) => null;
    public string? LockTable(string table) => null;
    public string? SessionLock(string keyExpression) => null;
    public string? SessionUnlock(string keyExpression) => null;
    public string? Notify(string channel, string? when = null) => null;

    // SQLite's LIKE already ignores ASCII case.
    public string ILike => "LIKE";
    public string DistinctList(string expression) => $"group_concat(DISTINCT {expression})";
    public string AsText(string expression) => expression;
    public string EndsWith(string column, string suffix) => $"{column} LIKE '%{suffix}'";
    public string Contains(string document) => $"{document} LIKE @like ESCAPE '\\'";
    public string CaseSearchDocument =>
        "(coalesce(c.subject, '') || ' ' || coalesce(c.complainant_name, '') || ' ' || coalesce(c.location, '') || ' ' || coalesce(c.customer_request, '') || ' ' || coalesce(c.occurred_at, '') || ' ' || coalesce(c.contact_email, ''))";
    public bool ChainsWritesInOneStatement => false;
    public string Typed(string parameter, string sqlType) => parameter;
    public string NextCaseSerial => "UPDATE case_serial SET value = value + 1 WHERE id = 1 RETURNING value";
    public string ZeroPadded(string integerExpression, int width) => $"printf('%0{width}d', {integerExpression})";
    public string JsonWithKey(string jsonObject, string key, string value) => $"json_set({jsonObject}, '$.{key}', {value})";
}
