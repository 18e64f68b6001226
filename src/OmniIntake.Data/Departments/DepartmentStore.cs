namespace OmniIntake.Data.Departments;

public sealed class DepartmentView
{
    public long Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
}

/// <summary>Departments that receive forwarded cases; their complaint owners are users with the owner role.</summary>
public sealed class DepartmentStore(Database database, TimeProvider clock)
{
    public async Task<IReadOnlyList<DepartmentView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<DepartmentView>("SELECT id, code, name FROM departments ORDER BY code", null, null, cancellationToken);
    }

    /// <returns>The new department, or null when the code is taken.</returns>
    public async Task<DepartmentView?> CreateAsync(string code, string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneOrDefaultAsync<DepartmentView>(
            "INSERT INTO departments (code, name, created_at) VALUES (@code, @name, @now) ON CONFLICT (code) DO NOTHING RETURNING id, code, name",
            new { code, name, now = clock.GetUtcNow() }, null, cancellationToken);
    }
}
