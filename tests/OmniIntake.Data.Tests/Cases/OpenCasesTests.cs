using Dapper;
using OmniIntake.Core.Cases;
using OmniIntake.Data.Cases;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Cases;

/// <summary>The open cases read through their own partial index (issue 17 item 6), never through the history.</summary>
public sealed class OpenCasesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void OpenCases_NameTheLifecyclesOpenStatuses() =>
        Assert.Equal(CaseLifecycle.OpenNames.Order(), OpenCases.Statuses.Order());

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheOpenQueue_ListsTheOpenCases_ThroughThePartialIndex(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var department = (await h.Departments.CreateAsync("water", "供水", Ct))!;
        var received = await h.Intake.AcceptAsync(h.Sms("+8613800138001", "停水三天"), Ct);
        var forwarded = await h.Intake.AcceptAsync(h.Sms("+8613800138002", "水压太低"), Ct);
        var resolved = await h.Intake.AcceptAsync(h.Sms("+8613800138003", "水表坏了"), Ct);
        await h.Commands.ForwardAsync(forwarded.CaseId, department.Id, "agent1", null, Ct);
        await h.Commands.ForwardAsync(resolved.CaseId, department.Id, "agent1", null, Ct);
        await h.Commands.ResolveAsync(resolved.CaseId, "agent1", null, Ct);

        var open = await h.Queries.ListAsync(new CaseFilter { OpenOnly = true }, Ct);
        var departmentsOpen = await h.Queries.ListAsync(new CaseFilter { OpenOnly = true, DepartmentId = department.Id }, Ct);

        Assert.Equal([forwarded.CaseId, received.CaseId], open.Select(c => c.Id));
        Assert.Equal([forwarded.CaseId], departmentsOpen.Select(c => c.Id));
        // The planner can prove the statement's condition implies the index's (else it could not use it at all).
        await using var connection = await h.Database.OpenAsync(Ct);
        if (provider == DatabaseProvider.Postgres) await connection.ExecuteAsync("SET enable_seqscan = off");
        var plan = provider == DatabaseProvider.Postgres
            ? string.Join('\n', await connection.QueryAsync<string>($"EXPLAIN SELECT count(*) FROM cases c WHERE {OpenCases.Where("c")}"))
            : string.Join('\n', (await connection.QueryAsync($"EXPLAIN QUERY PLAN SELECT count(*) FROM cases c INDEXED BY cases_open WHERE {OpenCases.Where("c")}"))
                .Select(r => (string)((IDictionary<string, object>)r)["detail"]));
        Assert.Contains("cases_open", plan, StringComparison.Ordinal);
    }
}
