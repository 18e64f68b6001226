using System.Data.Common;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Policy;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Notifications;

namespace OmniIntake.Data.Classes;

/// <summary>
/// Raises a case's class automatically (policy 5.5: repeat complainants, collective size, age), inside a caller's
/// transaction. It only ever raises, and leaves alone a class a person set. Hot and major cases are notified at once.
/// </summary>
internal static class ClassRaising
{
    public static async Task<bool> RaiseAsync(DbConnection c, DbTransaction tx, Database database, IDeadlinePolicy policy,
        SupervisorNotificationOptions notifications, long caseId, CaseClass to, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var kase = await CaseStore.LoadAsync(c, tx, database, caseId, ct);
        if (kase is null) return false;
        // The case decides (issue 13): a rule only ever raises, and leaves alone a class a person set.
        var decision = kase.Raise(new ClassRaise(to, reason), now, policy);
        if (!decision.IsDone || decision.Change is not CaseClassified raised) return false;
        await CaseStore.SaveAsync(c, tx, database, kase, decision, ct);
        if (raised.NotifiesSupervisors) await NotifyAsync(c, tx, database, notifications, caseId, kase.Number, to, reason, now, ct);
        return true;
    }

    /// <summary>
    /// Raises these cases as <see cref="RaiseAsync"/> raises each (the same decision by the case, the same row, clocks,
    /// audit, event and notice), set-based (issue 17 item 6): the cases are loaded and locked a batch at a time, each case
    /// decides in Core, and the writes are a few statements per batch (the class update per target class, the journal as
    /// multi-row inserts, class_notified_at at once) instead of a load and five writes per case. A decision that also
    /// starts a clock (made major) writes its clocks per case, as does a supervisor notice when recipients are set.
    /// </summary>
    /// <returns>The cases raised, in the order given.</returns>
    public static async Task<IReadOnlyList<long>> RaiseManyAsync(DbConnection c, DbTransaction tx, Database database, IDeadlinePolicy policy,
        SupervisorNotificationOptions notifications, IReadOnlyList<(long CaseId, ClassRaise Raise)> raises, DateTimeOffset now, CancellationToken ct)
    {
        var raised = new List<long>();
        foreach (var batch in raises.DistinctBy(r => r.CaseId).Chunk(BatchSize))
        {
            var cases = (await CaseStore.LoadManyAsync(c, tx, database, [.. batch.Select(r => r.CaseId)], ct)).ToDictionary(k => k.Id);
            var done = new List<(Case Case, CaseClassified Change, ClockChanges Clocks)>();
            foreach (var (caseId, raise) in batch)
            {
                if (!cases.TryGetValue(caseId, out var kase)) continue;
                // The case decides (issue 13): a rule only ever raises, and leaves alone a class a person set.
                var decision = kase.Raise(raise, now, policy);
                if (!decision.IsDone || decision.Change is not CaseClassified change) continue;
                if (decision.Message is not null || decision.Deliveries is { Count: > 0 } || decision.Then.Count > 0 || change.ToCategory != change.FromCategory)
                {
                    // Not the shape a raise has today: written as one case is, so nothing is lost if Core's decision grows.
                    await CaseStore.SaveAsync(c, tx, database, kase, decision, ct);
                    await NotifyManyAsync(c, tx, database, notifications, [(kase, change)], now, ct);
                    raised.Add(caseId);
                    continue;
                }
                done.Add((kase, change, decision.Clocks));
            }
            foreach (var to in done.GroupBy(d => (d.Change.ToClass, d.Change.At)))
                await c.ExecAsync($"UPDATE cases SET class = @toClass, updated_at = @at WHERE {database.In("id", "@ids")}",
                    new { toClass = to.Key.ToClass.ToName(), at = to.Key.At, ids = to.Select(d => d.Case.Id).ToArray() }, tx, ct);
            foreach (var (kase, change, clocks) in done.Where(d => d.Clocks != ClockChanges.None))
                await CaseClocks.ApplyAsync(c, tx, database, kase.Id, clocks, change.At, ct);
            await CaseJournal.WriteManyAsync(c, tx, [.. done.Select(d => (d.Case.Id, d.Case.Number, (CaseRecord)d.Change))], ct);
            await NotifyManyAsync(c, tx, database, notifications, [.. done.Where(d => d.Change.NotifiesSupervisors).Select(d => (d.Case, d.Change))], now, ct);
            raised.AddRange(done.Select(d => d.Case.Id));
        }
        return raised;
    }

    /// <summary>Cases loaded and written per batch of <see cref="RaiseManyAsync"/>.</summary>
    private const int BatchSize = 500;

    private static async Task NotifyManyAsync(DbConnection c, DbTransaction tx, Database database, SupervisorNotificationOptions notifications,
        IReadOnlyList<(Case Case, CaseClassified Change)> raised, DateTimeOffset now, CancellationToken ct)
    {
        var told = raised.Where(r => r.Change.NotifiesSupervisors && r.Change.ToClass >= CaseClass.Hot).ToList();
        if (told.Count == 0) return;
        if (notifications.Recipients.Count > 0)
            foreach (var (kase, change) in told)
                await SupervisorNotifications.QueueAsync(c, tx, database, notifications, kase.Id, "class." + change.ToClass.ToName(),
                    NoticeText(kase.Number, change.ToClass, change.NotifyReason), now, ct);
        await c.ExecAsync($"UPDATE cases SET class_notified_at = @now WHERE {database.In("id", "@ids")}",
            new { now, ids = told.Select(t => t.Case.Id).ToArray() }, tx, ct);
    }

    /// <summary>Tells supervisors of a hot or major case (hot: within one working day; major: immediately).</summary>
    public static async Task NotifyAsync(DbConnection c, DbTransaction tx, Database database, SupervisorNotificationOptions notifications, long caseId,
        string number, CaseClass caseClass, string reason, DateTimeOffset now, CancellationToken ct)
    {
        if (caseClass < CaseClass.Hot) return;
        await SupervisorNotifications.QueueAsync(c, tx, database, notifications, caseId, "class." + caseClass.ToName(), NoticeText(number, caseClass, reason), now, ct);
        await c.ExecAsync("UPDATE cases SET class_notified_at = @now WHERE id = @caseId", new { now, caseId }, tx, ct);
    }

    private static string NoticeText(string number, CaseClass caseClass, string reason) => caseClass == CaseClass.Major
        ? $"【重大投诉 Major】{number}: {reason}。请立即处理，至少每周通报一次进展，处理后提交详细专题报告。Handle now, report progress at least weekly, and write a detailed special report after handling."
        : $"【热点投诉 Hot】{number}: {reason}。请在一个工作日内通报，处理后提交简要专题报告。Report within one working day and write a brief special report after handling.";
}
