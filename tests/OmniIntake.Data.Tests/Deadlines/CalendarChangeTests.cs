using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Events;
using OmniIntake.Core.Policy;
using OmniIntake.Data.Deadlines;
using OmniIntake.Data.Notifications;

namespace OmniIntake.Data.Tests.Deadlines;

/// <summary>
/// Issue 13, the calendar-change defect: after an admin changes a calendar day, every open clock is computed again from
/// what started it (receipt, reopening, send-back, forwarding, classification), never from the case's receipt; a
/// clock whose phase ended is not owed any more; and no supervisor hears of a breach that never happened.
/// </summary>
public sealed class CalendarChangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Shanghai);

    /// <summary>The change every scenario meets: Thursday 26 November 2026 becomes a day off.</summary>
    private static readonly DateOnly DayOff = new(2026, 11, 26);

    public static TheoryData<DatabaseProvider, string> EveryStart()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Postgres, DatabaseProvider.Sqlite })
            foreach (var start in new[] { "receipt", "reopening", "sendBack", "forwarding", "classification" })
                data.Add(provider, start);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStart))]
    public async Task ACalendarChange_RecomputesEveryOpenClock_FromWhatStartedIt(DatabaseProvider provider, string start)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var (caseId, owed) = await RunAsync(h, start);
        var changed = ChangedPolicy();

        await new DeadlineRecomputation(h.Database, h.Clock).RecomputeAsync(changed, "admin", "公司周年庆", Ct);

        var expected = owed.Select(o => (o.Kind, changed.Due(o.Kind, Channel.Sms, o.From))).OrderBy(o => o.Kind).ToList();
        var pending = (await h.Deadlines.ForCaseAsync(caseId, Ct)).Where(d => d.State == DeadlineState.Pending)
            .Select(d => (d.Kind, d.DueAt)).OrderBy(d => d.Kind).ToList();
        Assert.Equal(expected, pending);
        Assert.All(pending, p => Assert.True(p.DueAt > h.Clock.GetUtcNow(), $"{p.Kind} due {p.DueAt} is in the past"));
        var starts = await h.ListAsync<(string Kind, string StartedBy)>(
            $"SELECT kind, started_by FROM deadlines WHERE case_id = {caseId} AND state = 'pending' ORDER BY kind");
        Assert.Equal(owed.Select(o => (o.Kind.ToName(), o.StartedBy.ToName())).Order(), starts.Order());

        // The sweep finds nothing to breach, and no supervisor is told of a breach.
        var supervisors = new SupervisorNotificationOptions { Recipients = [new NotificationRecipient(Channel.Email, "centre@example.test")] };
        var store = new DeadlineStore(h.Database, h.Clock, NoEventLogSignal.Instance, supervisors);
        foreach (var deadline in await h.Deadlines.ForCaseAsync(caseId, Ct))
            Assert.False(await store.TryBreachAsync(deadline.Id, Ct), $"{deadline.Kind} breached");
        Assert.Equal(0, await h.CountAsync("messages WHERE direction = 'notification'"));
    }

    /// <summary>Plays one way of starting a clock; returns the case and the clocks it owes with the instant each started.</summary>
    private static async Task<(long CaseId, IReadOnlyList<(DeadlineKind Kind, ClockStart StartedBy, DateTimeOffset From)> Owed)> RunAsync(DataHarness h, string start)
    {
        switch (start)
        {
            case "receipt":
            {
                h.Clock.SetUtcNow(At(26, 10));
                var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138000", "电梯坏了"), Ct);
                return (opened.CaseId, [(DeadlineKind.Forward, ClockStart.Receipt, At(26, 10))]);
            }
            case "reopening":
            {
                h.Clock.SetUtcNow(At(24, 10));
                var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138001", "电梯坏了"), Ct);
                var property = await h.Departments.CreateAsync("property", "物业部", Ct);
                h.Clock.SetUtcNow(At(24, 10, 5));
                Done(await h.Commands.ForwardAsync(opened.CaseId, property!.Id, "agent1", null, Ct));
                h.Clock.SetUtcNow(At(24, 10, 10));
                Done(await h.Commands.ResolveAsync(opened.CaseId, "agent1", null, Ct));
                h.Clock.SetUtcNow(At(26, 10));
                Done(await h.Commands.ReopenAsync(opened.CaseId, "agent1", "客户说没有修好", Ct));
                // A new forwarding is owed from the reopening; the old owner's answer is not.
                return (opened.CaseId, [(DeadlineKind.Forward, ClockStart.Reopening, At(26, 10))]);
            }
            case "sendBack":
            {
                h.Clock.SetUtcNow(At(24, 10));
                var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138002", "电梯坏了"), Ct);
                var property = await h.Departments.CreateAsync("property", "物业部", Ct);
                h.Clock.SetUtcNow(At(24, 10, 5));
                Done(await h.Commands.ForwardAsync(opened.CaseId, property!.Id, "agent1", null, Ct));
                h.Clock.SetUtcNow(At(26, 10));
                Done(await h.Commands.SendBackAsync(opened.CaseId, "不是物业的问题", "owner1", OwnerScope.Department(property.Id), Ct));
                return (opened.CaseId, [(DeadlineKind.Forward, ClockStart.SendBack, At(26, 10))]);
            }
            case "forwarding":
            {
                h.Clock.SetUtcNow(At(26, 9, 30));
                var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138003", "电梯坏了"), Ct);
                var property = await h.Departments.CreateAsync("property", "物业部", Ct);
                h.Clock.SetUtcNow(At(26, 10));
                Done(await h.Commands.ForwardAsync(opened.CaseId, property!.Id, "agent1", null, Ct));
                return (opened.CaseId, [(DeadlineKind.OwnerAnswer, ClockStart.Forwarding, At(26, 10))]);
            }
            case "classification":
            {
                h.Clock.SetUtcNow(At(26, 10));
                var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138004", "电梯坏了"), Ct);
                h.Clock.SetUtcNow(At(26, 10, 15));
                Done(await h.Commands.ClassifyAsync(opened.CaseId, CaseClass.Major, null, "sup1", "客户已起诉", Ct));
                // Policy 4.1.2 as this product reads it: the major case's first answer counts from receipt.
                return (opened.CaseId, [(DeadlineKind.Forward, ClockStart.Receipt, At(26, 10)), (DeadlineKind.MajorFirstAnswer, ClockStart.Classification, At(26, 10))]);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(start), start, "no such way to start a clock");
        }
    }

    private static void Done(CommandResult result) => Assert.True(result.IsDone, result.Error);

    private static DefaultDeadlinePolicy ChangedPolicy()
    {
        var calendar = BusinessCalendar.ChinaDefault();
        var days = new Dictionary<DateOnly, bool>(ChinaHolidays.Days) { [DayOff] = false };
        return new DefaultDeadlinePolicy(new BusinessCalendar(calendar.Zone,
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], calendar.Periods, days));
    }
}

internal static class PolicyByKind
{
    /// <summary>What the policy owes for a kind of clock started at <paramref name="from"/>.</summary>
    public static DateTimeOffset Due(this IDeadlinePolicy policy, DeadlineKind kind, Channel channel, DateTimeOffset from) => kind switch
    {
        DeadlineKind.Forward => policy.Forwarding(channel, from).DueAt,
        DeadlineKind.OwnerAnswer or DeadlineKind.PublicReply => policy.Answer(channel, from).DueAt,
        DeadlineKind.MajorFirstAnswer => policy.MajorFirstAnswer(from).DueAt,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
