using System.Data.Common;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Intake;

public sealed class AtomicityTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task FailingTransaction_LeavesNothingBehind(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        // The event row is the last write of an intake: make the database refuse it.
        await h.ExecAsync(provider == DatabaseProvider.Postgres
            ? """
              CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;
              CREATE TRIGGER refuse_events BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse();
              """
            : "CREATE TRIGGER refuse_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");

        await Assert.ThrowsAnyAsync<DbException>(() => h.Intake.AcceptAsync(h.Sms("+8613800138000", "will fail"), TestContext.Current.CancellationToken));

        foreach (var table in new[] { "contacts", "contact_handles", "cases", "messages", "deadlines", "audit", "events" })
            Assert.Equal(0, await h.CountAsync(table));

        // Once the fault is gone the same message goes through: nothing half-written blocks it.
        await h.ExecAsync("DROP TRIGGER refuse_events" + (provider == DatabaseProvider.Postgres ? " ON events" : ""));
        var result = await h.Intake.AcceptAsync(h.Sms("+8613800138000", "now it works", id: "SM-after"), TestContext.Current.CancellationToken);
        Assert.Equal(Core.Intake.IntakeOutcome.NewCase, result.Outcome);
    }
}
