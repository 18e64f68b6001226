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

    /// <summary>Tells supervisors of a hot or major case (hot: within one working day; major: immediately).</summary>
    public static async Task NotifyAsync(DbConnection c, DbTransaction tx, Database database, SupervisorNotificationOptions notifications, long caseId,
        string number, CaseClass caseClass, string reason, DateTimeOffset now, CancellationToken ct)
    {
        if (caseClass < CaseClass.Hot) return;
        var text = caseClass == CaseClass.Major
            ? $"【重大投诉 Major】{number}: {reason}。请立即处理，至少每周通报一次进展，处理后提交详细专题报告。Handle now, report progress at least weekly, and write a detailed special report after handling."
            : $"【热点投诉 Hot】{number}: {reason}。请在一个工作日内通报，处理后提交简要专题报告。Report within one working day and write a brief special report after handling.";
        await SupervisorNotifications.QueueAsync(c, tx, database, notifications, caseId, "class." + caseClass.ToName(), text, now, ct);
        await c.ExecAsync("UPDATE cases SET class_notified_at = @now WHERE id = @caseId", new { now, caseId }, tx, ct);
    }
}
