using OmniIntake.Data.Schema;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Schema;

public sealed class SchemaMigratorTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Migrating_IsIdempotent_AndConcurrentStartsApplyOnce(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var database = new Database(test.Options);
        var migrator = new SchemaMigrator(database);

        var first = await Task.WhenAll(Enumerable.Range(0, provider == DatabaseProvider.Postgres ? 3 : 1)
            .Select(_ => Task.Run(() => migrator.MigrateAsync())));
        var again = await migrator.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(migrator.Scripts().Select(s => s.Version), first.SelectMany(v => v).Order());
        Assert.Empty(again);
    }
}
