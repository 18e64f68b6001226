using Dapper;
using Npgsql;

namespace OmniIntake.Data.Tests.Cases;

/// <summary>
/// The row lock a writer takes on a case (ISqlDialect.ForUpdate, PostgreSQL): it keeps out the case's other writers, but
/// not the inserts that merely reference the case (a history row, an event): issue 17, with FOR UPDATE a message's unit
/// holding a case made another transaction's audit row for it wait for the whole batch.
/// </summary>
public sealed class CaseRowLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACaseLockedByAWriter_StillTakesHistoryRows_ButKeepsOutAnotherWriter()
    {
        await using var h = await DataHarness.CreateAsync(DatabaseProvider.Postgres);
        var kase = await h.Intake.AcceptAsync(h.Sms("+8613800138001", "3号楼电梯坏了"), Ct);
        await using var holder = (NpgsqlConnection)await h.Database.OpenAsync(Ct);
        await using var holding = await holder.BeginTransactionAsync(Ct);
        await holder.ExecuteAsync("SELECT id FROM cases WHERE id = @id" + h.Database.Dialect.ForUpdate, new { id = kase.CaseId }, holding);

        await using var other = (NpgsqlConnection)await h.Database.OpenAsync(Ct);
        await using (var inserting = await other.BeginTransactionAsync(Ct))
        {
            // Waiting would hit the timeout and throw: the insert must go through while the writer holds the case.
            await other.ExecuteAsync("SET LOCAL lock_timeout = '2s'", transaction: inserting);
            await other.ExecuteAsync("INSERT INTO audit (case_id, at, actor, action, detail) VALUES (@id, now(), 'test', 'test.note', 'while locked')",
                new { id = kase.CaseId }, inserting);
            await inserting.CommitAsync(Ct);
        }
        await using (var writing = await other.BeginTransactionAsync(Ct))
        {
            await other.ExecuteAsync("SET LOCAL lock_timeout = '300ms'", transaction: writing);
            var error = await Assert.ThrowsAsync<PostgresException>(() =>
                other.ExecuteAsync("SELECT id FROM cases WHERE id = @id" + h.Database.Dialect.ForUpdate, new { id = kase.CaseId }, writing));
            Assert.Equal(PostgresErrorCodes.LockNotAvailable, error.SqlState);
        }
        await holding.CommitAsync(Ct);
        Assert.Single(await h.ListAsync<string>("SELECT detail FROM audit WHERE action = 'test.note'"));
    }
}
