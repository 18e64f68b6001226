namespace OmniIntake.Data.Accounts;

/// <summary>
/// Failed sign-ins per account name and client address (issue 12 item 13), for existing and unknown names alike: an
/// address that guesses too often is locked out of that name for a while; other addresses, the account's owner
/// among them, are not. Every process sees the same counts (the database), so a farm of servers locks alike.
/// </summary>
public sealed class SignInFailures(Database database, TimeProvider clock)
{
    /// <summary>Until when <paramref name="source"/> may not try <paramref name="username"/>, or null.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string username, string source, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var until = await connection.OneOrDefaultAsync<DateTimeOffset?>(
            "SELECT locked_until FROM sign_in_failures WHERE username = @username AND source = @source AND locked_until IS NOT NULL",
            new { username = Normalize(username), source }, null, cancellationToken);
        return until > clock.GetUtcNow() ? until : null;
    }

    /// <summary>Counts one failure; the <paramref name="threshold"/>th in a row locks the name for that address.</summary>
    public async Task RecordFailureAsync(string username, string source, int threshold, TimeSpan lockout, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        // A lock that has run out starts the count afresh.
        await connection.ExecAsync(
            """
            INSERT INTO sign_in_failures (username, source, failures, locked_until, updated_at)
            VALUES (@username, @source, 1, CASE WHEN 1 >= @threshold THEN @until END, @now)
            ON CONFLICT (username, source) DO UPDATE SET
                failures = CASE WHEN sign_in_failures.locked_until IS NOT NULL THEN 1 ELSE sign_in_failures.failures + 1 END,
                locked_until = CASE WHEN (CASE WHEN sign_in_failures.locked_until IS NOT NULL THEN 1 ELSE sign_in_failures.failures + 1 END) >= @threshold
                                    THEN @until END,
                updated_at = @now
            """, new { username = Normalize(username), source, threshold, until = now + lockout, now }, null, cancellationToken);
    }

    /// <summary>A successful sign-in clears that address's count for the name.</summary>
    public async Task ClearAsync(string username, string source, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecAsync("DELETE FROM sign_in_failures WHERE username = @username AND source = @source",
            new { username = Normalize(username), source }, null, cancellationToken);
    }

    private static string Normalize(string username) => username.Trim().ToLowerInvariant();
}
