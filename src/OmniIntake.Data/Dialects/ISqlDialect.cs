namespace OmniIntake.Data.Dialects;

/// <summary>
/// Everything the two databases spell differently, in one place (issue 13 item 6): feature code writes its SQL once
/// and asks the dialect only for these fragments, never which database it talks to.
/// </summary>
public interface ISqlDialect
{
    /// <summary>The folder of migrations only this database accepts (Migrations/&lt;folder&gt;); shared ones live in Migrations/common.</summary>
    string MigrationFolder { get; }

    /// <summary>The literal for true in SQL text (SQLite keeps booleans as integers).</summary>
    string True { get; }

    /// <summary>The literal for false in SQL text.</summary>
    string False { get; }

    /// <summary>"column is one of @list": Dapper hands Npgsql the list as one array parameter (= ANY) but expands it for SQLite (IN).</summary>
    string In(string column, string parameter);

    /// <summary>
    /// How many values one <see cref="In"/> list holds before a caller splits it: SQLite spends a parameter on each (kept
    /// well under its limit), PostgreSQL sends the list as one array, so one statement reads thousands (issue 17 item 6).
    /// </summary>
    int InListSize { get; }

    /// <summary>
    /// Appended to a SELECT inside a write transaction to lock the rows read until commit against other writers of them
    /// (not against inserts that merely reference them). Empty on SQLite, where BEGIN IMMEDIATE already serialises every writer.
    /// </summary>
    string ForUpdate { get; }

    /// <summary>As <see cref="ForUpdate"/>, locking only the rows of the table known as <paramref name="alias"/> in a join.</summary>
    string ForUpdateOf(string alias);

    /// <summary>Appended to a SELECT that claims one row of a queue: skips rows another worker holds (empty on SQLite, see <see cref="ForUpdate"/>).</summary>
    string ForUpdateSkipLocked { get; }

    /// <summary>
    /// A statement that serialises writers of one thing until the transaction ends (an advisory lock keyed by
    /// <paramref name="keyExpression"/>), or null where the write transaction already does (SQLite).
    /// </summary>
    string? TransactionLock(string keyExpression);

    /// <summary>Locks a whole table against concurrent writers until commit, or null where the write transaction already does.</summary>
    string? LockTable(string table);

    /// <summary>A lock held by the session across transactions (taken and released explicitly), or null where there is none to need.</summary>
    string? SessionLock(string keyExpression);

    /// <summary>Releases <see cref="SessionLock"/>, or null.</summary>
    string? SessionUnlock(string keyExpression);

    /// <summary>
    /// A statement that, at commit, tells the other server processes listening on <paramref name="channel"/> (payload
    /// @origin), or null where there are none to tell (SQLite is embedded in one process). Issue 17 item 5.
    /// </summary>
    /// <param name="channel">The channel told.</param>
    /// <param name="when">A SQL condition: told only when it holds as the statement runs (null: always).</param>
    string? Notify(string channel, string? when = null);

    /// <summary>Case-insensitive LIKE.</summary>
    string ILike { get; }

    /// <summary>The distinct values of <paramref name="expression"/> in a group joined by commas.</summary>
    string DistinctList(string expression);

    /// <summary>An expression as text exactly as stored (PostgreSQL renders a timestamptz otherwise).</summary>
    string AsText(string expression);

    /// <summary>"column ends with <paramref name="suffix"/>", in the form this database's indexes serve (the suffix holds digits only).</summary>
    string EndsWith(string column, string suffix);

    /// <summary>
    /// "<paramref name="document"/> contains the search text": @text is the text, @like its escaped LIKE pattern. PostgreSQL
    /// narrows by its trigram index first (search_grams, migration 0019); SQLite scans.
    /// </summary>
    string Contains(string document);

    /// <summary>The text of a case the search matches, exactly as the expression index of migration 0019 spells it on PostgreSQL.</summary>
    string CaseSearchDocument { get; }

    /// <summary>
    /// Whether writes that depend on each other's generated keys can travel as one statement of data-modifying CTEs
    /// (PostgreSQL); SQLite has none, and being in-process it pays nothing for a round trip per statement.
    /// </summary>
    bool ChainsWritesInOneStatement { get; }

    /// <summary>
    /// <paramref name="parameter"/> as a value of <paramref name="sqlType"/> (bigint, text): PostgreSQL must be told the
    /// type of a parameter it cannot infer (one only compared with IS NULL, or passed to COALESCE); SQLite never needs it.
    /// </summary>
    string Typed(string parameter, string sqlType);

    /// <summary>
    /// One statement whose single row and column is the next case serial (issue 13 item 6): a sequence on PostgreSQL, so
    /// concurrent intakes never wait for each other's commit; a counter row on SQLite, whose writers are serialised anyway.
    /// </summary>
    string NextCaseSerial { get; }

    /// <summary>A non-negative integer expression as text of at least <paramref name="width"/> digits, zero-padded (a case number's serial).</summary>
    string ZeroPadded(string integerExpression, int width);

    /// <summary>
    /// The JSON object text <paramref name="jsonObject"/> with <paramref name="key"/> set to <paramref name="value"/>: a
    /// chained statement adds an id that only an earlier part of it generated (the message's, to its audit and event).
    /// </summary>
    string JsonWithKey(string jsonObject, string key, string value);
}
