using OmniIntake.Core.Cases;

namespace OmniIntake.Data.Cases;

public sealed class CategoryStore(Database database)
{
    public async Task<IReadOnlyList<Category>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ListAsync<(string Code, string NameZh, string NameEn)>(
            "SELECT code, name_zh, name_en FROM categories ORDER BY sort, code", null, null, cancellationToken);
        return rows.Select(r => new Category(r.Code, r.NameZh, r.NameEn)).ToList();
    }

    /// <summary>Seeds the configured set when the table is empty (first start); later changes are the admin's.</summary>
    public async Task SeedIfEmptyAsync(IReadOnlyList<Category> categories, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var count = await connection.OneAsync<long>("SELECT COUNT(*) FROM categories", null, transaction, cancellationToken);
        if (count == 0)
        {
            for (var i = 0; i < categories.Count; i++)
            {
                await connection.ExecAsync(
                    "INSERT INTO categories (code, name_zh, name_en, sort) VALUES (@Code, @NameZh, @NameEn, @sort) ON CONFLICT (code) DO NOTHING",
                    new { categories[i].Code, categories[i].NameZh, categories[i].NameEn, sort = i }, transaction, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
