using Dapper;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Intake;

/// <summary>
/// Issue 17 item 3: a message threaded onto a case moves only its last_inbound_at and updated_at; no index of cases
/// names them (migration 0064), so on PostgreSQL that UPDATE is heap-only (HOT) and writes no index entry, while the
/// phone rule still finds the contact's case.
/// </summary>
public sealed class ThreadingIndexTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ThreadingOntoACase_TouchesNoIndexedColumn_AndStillFindsTheContactsCase(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var first = await h.Intake.AcceptAsync(h.Sms("+8613800138011", "电梯坏了"), Ct);
        h.Clock.Advance(TimeSpan.FromHours(2));
        await using var connection = await h.Database.OpenAsync(Ct);
        var indexes = provider == DatabaseProvider.Postgres
            ? (await connection.QueryAsync<string>("SELECT indexdef FROM pg_indexes WHERE tablename = 'cases'")).ToList()
            : (await connection.QueryAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL")).ToList();
        Assert.Contains(indexes, d => d.Contains("(contact_id)", StringComparison.Ordinal));
        Assert.DoesNotContain(indexes, d => d.Contains("last_inbound_at", StringComparison.Ordinal) || d.Contains("updated_at", StringComparison.Ordinal));
        if (provider == DatabaseProvider.Postgres)
        {
            // The threading write's UPDATE (Data/Intake/PostgresIntakeWriter "Threaded"), counted within its own transaction.
            await using var tx = await connection.BeginTransactionAsync(Ct);
            await connection.ExecuteAsync("UPDATE cases SET last_inbound_at = now(), updated_at = now() WHERE id = @CaseId", new { first.CaseId }, tx);
            var (updated, hot) = await connection.QuerySingleAsync<(long, long)>(
                "SELECT pg_stat_get_xact_tuples_updated('cases'::regclass), pg_stat_get_xact_tuples_hot_updated('cases'::regclass)", transaction: tx);
            await tx.RollbackAsync(Ct);
            Assert.Equal((1L, 1L), (updated, hot));
        }

        var again = await h.Intake.AcceptAsync(h.Sms("+8613800138011", "还是坏的"), Ct);

        Assert.Equal(first.CaseId, again.CaseId);
    }
}
