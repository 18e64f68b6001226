using OmniIntake.Data;
using Xunit;

namespace OmniIntake.Testing;

/// <summary>Theory data: every integration test runs on real PostgreSQL AND on SQLite.</summary>
public sealed class BothProviders : TheoryData<DatabaseProvider>
{
    public BothProviders()
    {
        Add(DatabaseProvider.Postgres);
        Add(DatabaseProvider.Sqlite);
    }
}
