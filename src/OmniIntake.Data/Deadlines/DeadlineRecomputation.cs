using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;
using OmniIntake.Data.Cases;

namespace OmniIntake.Data.Deadlines;

/// <summary>
/// After the calendar changed (it has, mid-year, in 2020), every pending forwarding deadline is computed again from its
/// case's channel and receipt time; each one that moves is updated and the move is audited on its case (issue 6).
/// </summary>
public sealed class DeadlineRecomputation(Database database, TimeProvider clock)
{
    private sealed class PendingForward
    {
        public long Id { get; init; }
        public long CaseId { get; init; }
        public string Number { get; init; } = "";
        public string Channel { get; init; } = "";
        public DateTimeOffset ReceivedAt { get; init; }
        public DateTimeOffset DueAt { get; init; }
        public string Rule { get; init; } = "";
    }

    /// <returns>(checked, moved).</returns>
    public async Task<(int Checked, int Moved)> RecomputeForwardingAsync(IDeadlinePolicy policy, string actor, string reason,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var checkedCount = 0;
        var moved = 0;
        long after = 0;
        while (true)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            var batch = await connection.ListAsync<PendingForward>(
                """
                SELECT d.id, d.case_id, c.number, c.channel, c.received_at, d.due_at, d.rule
                FROM deadlines d JOIN cases c ON c.id = d.case_id
                WHERE d.kind = 'forward' AND d.state = 'pending' AND d.id > @after ORDER BY d.id LIMIT 500
                """, new { after }, transaction, cancellationToken);
            if (batch.Count == 0) return (checkedCount, moved);
            foreach (var row in batch)
            {
                checkedCount++;
                var due = policy.Forwarding(ChannelNames.Parse(row.Channel), row.ReceivedAt);
                if (due.DueAt == row.DueAt && due.Rule == row.Rule) continue;
                await connection.ExecAsync(
                    """
                    UPDATE deadlines SET due_at = @DueAt, rule = @Rule, warn_at = @WarnAt,
                           warned_at = CASE WHEN @WarnAt > @now THEN NULL ELSE warned_at END
                    WHERE id = @id AND state = 'pending'
                    """, new { due.DueAt, due.Rule, due.WarnAt, now, id = row.Id }, transaction, cancellationToken);
                await CaseJournal.RecordAsync(connection, transaction, row.CaseId, row.Number, now, actor, "deadline.recomputed",
                    new { deadlineId = row.Id, kind = DeadlineKind.Forward.ToName(), fromDueAt = row.DueAt, toDueAt = due.DueAt, rule = due.Rule, reason },
                    "deadline.recomputed", new { deadlineId = row.Id, dueAt = due.DueAt }, cancellationToken);
                moved++;
            }
            await transaction.CommitAsync(cancellationToken);
            after = batch[^1].Id;
        }
    }
}
