namespace OmniIntake.Data.Departments;

/// <summary>A category and the department its complaints are forwarded to (issue 14: admin-configurable).</summary>
public sealed class CategoryDepartment
{
    public string Category { get; init; } = "";
    public long DepartmentId { get; init; }
}

/// <summary>What a mapping change came to.</summary>
public enum CategoryMappingOutcome
{
    Saved,
    UnknownCategory,
    UnknownDepartment,
}

/// <summary>The category → department mapping the agent's forward action preselects from.</summary>
public sealed class CategoryDepartmentStore(Database database, TimeProvider clock)
{
    public async Task<IReadOnlyList<CategoryDepartment>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<CategoryDepartment>(
            "SELECT category_code AS category, department_id FROM category_departments ORDER BY category_code", null, null, cancellationToken);
    }

    /// <summary>Maps <paramref name="category"/> to <paramref name="departmentId"/>, or unmaps it (null).</summary>
    public async Task<CategoryMappingOutcome> SetAsync(string category, long? departmentId, string actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        if (await connection.OneAsync<long>("SELECT COUNT(*) FROM categories WHERE code = @category", new { category }, transaction, cancellationToken) == 0)
            return CategoryMappingOutcome.UnknownCategory;
        if (departmentId is null)
        {
            await connection.ExecAsync("DELETE FROM category_departments WHERE category_code = @category", new { category }, transaction, cancellationToken);
        }
        else
        {
            if (await connection.OneAsync<long>("SELECT COUNT(*) FROM departments WHERE id = @departmentId", new { departmentId }, transaction, cancellationToken) == 0)
                return CategoryMappingOutcome.UnknownDepartment;
            await connection.ExecAsync(
                """
                INSERT INTO category_departments (category_code, department_id, updated_at, updated_by) VALUES (@category, @departmentId, @now, @actor)
                ON CONFLICT (category_code) DO UPDATE SET department_id = excluded.department_id, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """, new { category, departmentId, now = clock.GetUtcNow(), actor }, transaction, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return CategoryMappingOutcome.Saved;
    }
}
