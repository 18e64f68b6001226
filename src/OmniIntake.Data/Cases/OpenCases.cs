namespace OmniIntake.Data.Cases;

/// <summary>
/// The open cases as SQL (issue 17 item 6): written out as constants, exactly as the partial index cases_open
/// (migration 0038) names them, so both PostgreSQL and SQLite read the few open cases through it instead of the history.
/// Must name <see cref="Core.Cases.CaseLifecycle.OpenNames"/> (a test checks).
/// </summary>
public static class OpenCases
{
    public static readonly IReadOnlyList<string> Statuses = ["received", "forwarded", "answered"];

    /// <param name="alias">The cases table's alias in the statement.</param>
    public static string Where(string alias) => $"{alias}.status IN ('received', 'forwarded', 'answered')";
}
