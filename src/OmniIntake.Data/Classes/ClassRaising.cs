using System.Data.Common;
using OmniIntake.Core.Audit;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Events;
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
    private sealed class Row
    {
        public string Number { get; init; } = "";
        public string Class { get; init; } = "";
        public string? Category { get; init; }
        public bool ClassByHand { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
        public string Channel { get; init; } = "";
    }

    public static async Task<bool> RaiseAsync(DbConnection c, DbTransaction tx, Database database, IDeadlinePolicy policy,
        SupervisorNotificationOptions notifications, long caseId, CaseClass to, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var found = await c.OneOrDefaultAsync<Row>(
            "SELECT number, class, category, class_by_hand, received_at, channel FROM cases WHERE id = @caseId" + database.Dialect.ForUpdate,
            new { caseId }, tx, ct);
        if (found is null || found.ClassByHand || !CaseClassNames.TryParse(found.Class, out var from) || from >= to) return false;
        await c.ExecAsync("UPDATE cases SET class = @to, updated_at = @now WHERE id = @caseId", new { to = to.ToName(), now, caseId }, tx, ct);
        if (to == CaseClass.Major)
            await CaseCommands.ScheduleAsync(c, tx, caseId, DeadlineClock.Classification(found.ReceivedAt), policy, ChannelNames.Parse(found.Channel), ct);
        await CaseJournal.RecordAsync(c, tx, caseId, found.Number, now, AuditActors.System, "case.classified",
            new { fromClass = found.Class, toClass = to.ToName(), reason, automatic = true },
            CaseEventKinds.Classified, new { @class = to.ToName(), category = found.Category }, ct);
        await NotifyAsync(c, tx, database, notifications, caseId, found.Number, to, reason, now, ct);
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
