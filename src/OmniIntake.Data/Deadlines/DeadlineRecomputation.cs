using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;
using OmniIntake.Data.Cases;

namespace OmniIntake.Data.Deadlines;

/// <summary>
/// After the calendar changed (it has, mid-year, in 2020), every pending deadline is computed again from what started
/// its clock (<see cref="DeadlineClock"/>): a forwarding owed since a reopening or a send-back from that moment, never
/// from the case's receipt (issue 13), the owner's answer and the public reply from the forwarding, a resumed clock from
/// its resumption with the window it had left. A paused clock is not computed: it keeps its working time left. Each one that
/// moves is updated and the move is audited on its case (issue 6).
/// </summary>
public sealed class DeadlineRecomputation(Database database, TimeProvider clock)
{
    private sealed class PendingDeadline
    {
        public long Id { get; init; }
        public long CaseId { get; init; }
        public string Number { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Channel { get; init; } = "";
        public DateTimeOffset? StartsAt { get; init; }
        public string? StartedBy { get; init; }
        public long? RemainingSeconds { get; init; }
        public DateTimeOffset DueAt { get; init; }
        public string Rule { get; init; } = "";
        public string? RuleCode { get; init; }
        public string? RuleParams { get; init; }
    }

    /// <returns>(checked, moved).</returns>
    public async Task<(int Checked, int Moved)> RecomputeAsync(IDeadlinePolicy policy, string actor, string reason,
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
            var batch = await connection.ListAsync<PendingDeadline>(
                """
                SELECT d.id, d.case_id, c.number, d.kind, c.channel, d.starts_at, d.started_by, d.remaining_seconds, d.due_at, d.rule, d.rule_code, d.rule_params
                FROM deadlines d JOIN cases c ON c.id = d.case_id
                WHERE d.state = 'pending' AND d.id > @after ORDER BY d.id LIMIT 500
                """, new { after }, transaction, cancellationToken);
            if (batch.Count == 0) return (checkedCount, moved);
            foreach (var row in batch)
            {
                var due = Compute(policy, row);
                if (due is null) continue;
                checkedCount++;
                // The stored code follows the rule (issue 13 item 2): a calendar change may move a window to another rule.
                var ruleCode = due.Code.Code;
                var ruleParams = StoredRuleCode.Params(due.Code);
                if (due.DueAt == row.DueAt && due.Rule == row.Rule)
                {
                    // Same due time and rule: nothing moved; only a code read back from an old text may be put right.
                    if (ruleCode != row.RuleCode || ruleParams != row.RuleParams)
                        await connection.ExecAsync("UPDATE deadlines SET rule_code = @ruleCode, rule_params = @ruleParams WHERE id = @id",
                            new { ruleCode, ruleParams, id = row.Id }, transaction, cancellationToken);
                    continue;
                }
                await connection.ExecAsync(
                    """
                    UPDATE deadlines SET due_at = @DueAt, rule = @Rule, rule_code = @ruleCode, rule_params = @ruleParams, warn_at = @WarnAt,
                           warned_at = CASE WHEN @WarnAt > @now THEN NULL ELSE warned_at END
                    WHERE id = @id AND state = 'pending'
                    """, new { due.DueAt, due.Rule, ruleCode, ruleParams, due.WarnAt, now, id = row.Id }, transaction, cancellationToken);
                await CaseJournal.WriteAsync(connection, transaction, row.CaseId, row.Number,
                    new DeadlineRecomputed(actor, now, row.Id, row.Kind, row.DueAt, due.DueAt, due.Rule, reason), null, cancellationToken);
                moved++;
            }
            await transaction.CommitAsync(cancellationToken);
            after = batch[^1].Id;
        }
    }

    private static DueTime? Compute(IDeadlinePolicy policy, PendingDeadline row)
    {
        // Answer rows written before their start was kept (migration 12) are left as they are; every other row has its
        // start since migration 25.
        if (row.StartsAt is not { } startsAt || !ClockStartNames.TryParse(row.StartedBy, out var startedBy)) return null;
        // A resumed clock runs the window it had left when it was paused (issue 13), from its resumption.
        var window = startedBy == ClockStart.Resumption ? TimeSpan.FromSeconds(row.RemainingSeconds ?? 0) : (TimeSpan?)null;
        var clock = new DeadlineClock(Enum.Parse<DeadlineKind>(row.Kind, ignoreCase: true), startedBy, startsAt, window);
        return clock.Due(policy, ChannelNames.Parse(row.Channel));
    }
}
