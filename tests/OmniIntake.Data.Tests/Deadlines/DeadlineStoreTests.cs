using OmniIntake.Core.Deadlines;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Deadlines;

public sealed class DeadlineStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task NewCase_GetsAForwardingDeadline_ThirtyMinutesAfterReceipt(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var received = h.Clock.GetUtcNow();
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138000", "投诉"), Ct);

        var deadline = Assert.Single(await h.Deadlines.ForCaseAsync(opened.CaseId, Ct));

        Assert.Equal(DeadlineKind.Forward, deadline.Kind);
        Assert.Equal(received + TimeSpan.FromMinutes(30), deadline.DueAt);
        Assert.Equal(DeadlineState.Pending, deadline.State);
        Assert.Contains("5.2.2", deadline.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ForwardingDeadline_FollowsThePolicyCalendar(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero)); // Saturday 15:00 in Shanghai
        var weekend = await h.Intake.AcceptAsync(h.Sms("+8613800138000", "周末投诉"), Ct);
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero)); // Monday 20:00
        var evening = await h.Intake.AcceptAsync(h.Email("a@example.test", "evening", "晚上投诉"), Ct);

        var onWeekend = Assert.Single(await h.Deadlines.ForCaseAsync(weekend.CaseId, Ct));
        var inEvening = Assert.Single(await h.Deadlines.ForCaseAsync(evening.CaseId, Ct));

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 23, 59, 59, TimeSpan.FromHours(8)), onWeekend.DueAt);
        Assert.Contains("day off", onWeekend.Rule, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)), inEvening.DueAt);
        Assert.Contains("outside working hours", inEvening.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Breach_FiresOnce_NeverEarly(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138000", "投诉"), Ct);
        var id = (await h.Deadlines.ForCaseAsync(opened.CaseId, Ct)).Single().Id;

        h.Clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromMilliseconds(1));
        Assert.False(await h.Deadlines.TryBreachAsync(id, Ct));
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => h.Deadlines.TryBreachAsync(id))));

        Assert.Equal(1, attempts.Count(fired => fired));
        var detail = await h.Queries.GetAsync(opened.CaseNumber, Ct);
        Assert.Equal("breached", detail!.Deadlines.Single().State);
        Assert.Single(detail.Audit, a => a.Action == "deadline.breached");
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Breaches_FiredTogether_EachFireOnce_AsIfFiredAlone_AndNoneEarly(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var opened = new List<Core.Intake.IntakeResult>();
        for (var i = 0; i < 5; i++) opened.Add(await h.Intake.AcceptAsync(h.Sms($"+861380013800{i}", $"投诉 {i}"), Ct));
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var notDueYet = await h.Intake.AcceptAsync(h.Sms("+8613800138009", "晚到的投诉"), Ct);
        var ids = new List<long>();
        foreach (var o in opened.Append(notDueYet)) ids.Add((await h.Deadlines.ForCaseAsync(o.CaseId, Ct)).Single().Id);
        h.Clock.Advance(TimeSpan.FromMinutes(29)); // the first five are due, the last one in a minute
        Assert.True(await h.Deadlines.TryBreachAsync(ids[0], Ct)); // fired alone first: the batch leaves it as it is

        // Two batches over the same rows at once (a timer's and the sweep's), the ids in opposite orders.
        var fired = await Task.WhenAll(Task.Run(() => h.Deadlines.TryBreachManyAsync(ids, Ct)),
            Task.Run(() => h.Deadlines.TryBreachManyAsync([.. Enumerable.Reverse(ids)], Ct)));

        Assert.Equal(4, fired.Sum());
        foreach (var o in opened)
        {
            var detail = await h.Queries.GetAsync(o.CaseNumber, Ct);
            Assert.Equal("breached", detail!.Deadlines.Single().State);
            Assert.Single(detail.Audit, a => a.Action == "deadline.breached");
        }
        var late = await h.Queries.GetAsync(notDueYet.CaseNumber, Ct);
        Assert.Equal("pending", late!.Deadlines.Single().State);
        Assert.DoesNotContain(late.Audit, a => a.Action == "deadline.breached");
        Assert.Equal(0, await h.Deadlines.TryBreachManyAsync([], Ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AtRiskWarning_IsGivenOnce_AtItsTime_AndNeverAfterTheBreach(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138000", "投诉"), Ct);
        var deadline = (await h.Deadlines.ForCaseAsync(opened.CaseId, Ct)).Single();
        Assert.Equal(deadline.DueAt - TimeSpan.FromMinutes(6), deadline.WarnAt); // 80% of 30 minutes

        h.Clock.Advance(TimeSpan.FromMinutes(24) - TimeSpan.FromMilliseconds(1));
        Assert.False(await h.Deadlines.TryWarnAsync(deadline.Id, Ct));
        Assert.Single(await h.Deadlines.PendingDueByAsync(h.Clock.GetUtcNow() + TimeSpan.FromSeconds(1), 10, Ct));
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => h.Deadlines.TryWarnAsync(deadline.Id))));
        Assert.Equal(1, attempts.Count(warned => warned));

        var second = await h.Intake.AcceptAsync(h.Sms("+8613800138001", "另一件"), Ct);
        var late = (await h.Deadlines.ForCaseAsync(second.CaseId, Ct)).Single();
        h.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.True(await h.Deadlines.TryBreachAsync(late.Id, Ct));
        Assert.False(await h.Deadlines.TryWarnAsync(late.Id, Ct)); // a breached deadline is past warning

        var detail = await h.Queries.GetAsync(opened.CaseNumber, Ct);
        Assert.Single(detail!.Audit, a => a.Action == "deadline.atRisk");
        Assert.NotNull(detail.Deadlines.Single().WarnedAt);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Forwarding_StopsTheClock(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138000", "投诉"), Ct);
        var department = await h.Departments.CreateAsync("eng", "工程部", Ct);
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True((await h.Commands.ForwardAsync(opened.CaseId, department!.Id, "agent1", null, Ct)).IsDone);
        h.Clock.Advance(TimeSpan.FromHours(1));

        var deadline = (await h.Deadlines.ForCaseAsync(opened.CaseId, Ct)).Single(d => d.Kind == DeadlineKind.Forward);
        Assert.False(await h.Deadlines.TryBreachAsync(deadline.Id, Ct));
        Assert.Equal(DeadlineState.Met, deadline.State);
        Assert.DoesNotContain(await h.Deadlines.PendingDueByAsync(h.Clock.GetUtcNow(), 100, Ct), d => d.Kind == DeadlineKind.Forward);
    }
}
