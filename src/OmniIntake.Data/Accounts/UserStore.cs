namespace OmniIntake.Data.Accounts;

public sealed class UserRecord
{
    public long Id { get; init; }
    public string Username { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public string Roles { get; init; } = "";
    public long? DepartmentId { get; init; }
    public int FailedLogins { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>When an admin switched the account off (null: it is on).</summary>
    public DateTimeOffset? DisabledAt { get; init; }

    public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class UserStore(Database database, TimeProvider clock)
{
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneAsync<long>("SELECT COUNT(*) FROM users", null, null, cancellationToken);
    }

    public async Task<UserRecord?> FindAsync(string username, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneOrDefaultAsync<UserRecord>(
            "SELECT id, username, display_name, password_hash, roles, department_id, failed_logins, locked_until, disabled_at FROM users WHERE username = @username",
            new { username = username.Trim().ToLowerInvariant() }, null, cancellationToken);
    }

    /// <summary>The account behind a session (no password hash): what a signed-in request is checked against.</summary>
    public async Task<UserRecord?> FindByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneOrDefaultAsync<UserRecord>(
            "SELECT id, username, display_name, '' AS password_hash, roles, department_id, failed_logins, locked_until, disabled_at FROM users WHERE id = @id",
            new { id }, null, cancellationToken);
    }

    public async Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<UserRecord>(
            "SELECT id, username, display_name, '' AS password_hash, roles, department_id, failed_logins, locked_until, disabled_at FROM users ORDER BY username",
            null, null, cancellationToken);
    }

    /// <returns>The new id, or null when the username is taken.</returns>
    public async Task<long?> CreateAsync(string username, string displayName, string passwordHash, IEnumerable<string> roles,
        long? departmentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneOrDefaultAsync<long?>(
            """
            INSERT INTO users (username, display_name, password_hash, roles, department_id, failed_logins, created_at)
            VALUES (@username, @displayName, @passwordHash, @roles, @departmentId, 0, @now)
            ON CONFLICT (username) DO NOTHING RETURNING id
            """,
            new
            {
                username = username.Trim().ToLowerInvariant(), displayName, passwordHash, roles = string.Join(',', roles), departmentId,
                now = clock.GetUtcNow(),
            }, null, cancellationToken);
    }

    /// <summary>An admin changes a user's name, roles or department (and may lift a lockout).</summary>
    /// <returns>False when there is no such user.</returns>
    public async Task<bool> UpdateAsync(long id, string displayName, IEnumerable<string> roles, long? departmentId, bool unlock,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (unlock)
            await connection.ExecAsync("DELETE FROM sign_in_failures WHERE username = (SELECT username FROM users WHERE id = @id)", new { id }, null,
                cancellationToken);
        return await connection.ExecAsync(
            $"""
             UPDATE users SET display_name = @displayName, roles = @roles, department_id = @departmentId
                    {(unlock ? ", failed_logins = 0, locked_until = NULL" : "")}
             WHERE id = @id
             """, new { id, displayName, roles = string.Join(',', roles), departmentId }, null, cancellationToken) > 0;
    }

    /// <summary>An admin switches an account off (now) or on again (null); its roles are kept for when it is back.</summary>
    /// <returns>False when there is no such user.</returns>
    public async Task<bool> SetDisabledAsync(long id, bool disabled, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecAsync("UPDATE users SET disabled_at = @at WHERE id = @id",
            new { id, at = disabled ? clock.GetUtcNow() : (DateTimeOffset?)null }, null, cancellationToken) > 0;
    }

    public async Task<bool> SetPasswordAsync(long id, string passwordHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecAsync("UPDATE users SET password_hash = @passwordHash, failed_logins = 0, locked_until = NULL WHERE id = @id",
            new { id, passwordHash }, null, cancellationToken) > 0;
    }

    /// <summary>Creates the first admin only if there is no user at all, atomically, so two racing set-ups make one.</summary>
    public async Task<long?> CreateFirstAdminAsync(string username, string displayName, string passwordHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        if (database.Dialect.LockTable("users") is { } lockUsers)
            await connection.ExecAsync(lockUsers, null, transaction, cancellationToken);
        if (await connection.OneAsync<long>("SELECT COUNT(*) FROM users", null, transaction, cancellationToken) > 0)
            return null;
        var id = await connection.OneAsync<long>(
            """
            INSERT INTO users (username, display_name, password_hash, roles, department_id, failed_logins, created_at)
            VALUES (@username, @displayName, @passwordHash, 'admin,supervisor,agent', NULL, 0, @now) RETURNING id
            """, new { username = username.Trim().ToLowerInvariant(), displayName, passwordHash, now = clock.GetUtcNow() },
            transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }
}
