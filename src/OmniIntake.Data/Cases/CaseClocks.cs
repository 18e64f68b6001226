using System.Data.Common;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;

namespace OmniIntake.Data.Cases;

/// <summary>The deadline rows of a case, written as a decision's <see cref="ClockChanges"/> say, inside the caller's transaction.</summary>
internal static class CaseClocks
{
    public static async Task ApplyAsync(DbConnection c, DbTransaction tx, Database database, long caseId, ClockChanges clocks, DateTimeOffset now,
        CancellationToken ct)
    {
        await CloseAsync(c, tx, database, caseId, "met", clocks.Met, now, ct);
        await CloseAsync(c, tx, database, caseId, "cancelled", clocks.Cancelled, now, ct);
        foreach (var started in clocks.Started) await StartAsync(c, tx, caseId, started, ct);
    }

    /// <summary>Closes the case's pending (or paused: issue 13) deadlines of these kinds as met or cancelled.</summary>
    public static Task<int> CloseAsync(DbConnection c, DbTransaction tx, Database database, long caseId, string state, IReadOnlyList<DeadlineKind> kinds,
        DateTimeOffset now, CancellationToken ct) =>
        kinds.Count == 0
            ? Task.FromResult(0)
            : c.ExecAsync(
                $"UPDATE deadlines SET state = @state, closed_at = @now WHERE case_id = @caseId AND state IN ('pending', 'paused') AND {database.In("kind", "@kinds")}",
                new { state, now, caseId, kinds = kinds.Select(k => k.ToName()).ToArray() }, tx, ct);

    /// <summary>Starts a clock: a deadline of a kind the case may owe again (a re-dispatch) replaces the old one. What
    /// started it and when are kept, so a calendar change computes it again from that start (issue 13).</summary>
    public static Task<int> StartAsync(DbConnection c, DbTransaction tx, long caseId, StartedClock started, CancellationToken ct) =>
        c.ExecAsync(
            """
            INSERT INTO deadlines (case_id, kind, due_at, rule, state, warn_at, starts_at, started_by, remaining_seconds, rule_code, rule_params, paused_at)
            VALUES (@caseId, @kind, @dueAt, @rule, @state, @warnAt, @startsAt, @startedBy, @window, @ruleCode, @ruleParams, @pausedAt)
            ON CONFLICT (case_id, kind) DO UPDATE SET due_at = excluded.due_at, rule = excluded.rule, rule_code = excluded.rule_code,
                                                      rule_params = excluded.rule_params, state = excluded.state, closed_at = NULL,
                                                      warn_at = excluded.warn_at, warned_at = NULL, starts_at = excluded.starts_at,
                                                      started_by = excluded.started_by, paused_at = excluded.paused_at, remaining_seconds = excluded.remaining_seconds
            """, new
            {
                caseId, kind = started.Due.Kind.ToName(), dueAt = started.Due.DueAt, rule = started.Due.Rule, warnAt = started.Due.WarnAt,
                startsAt = started.Clock.StartsAt, startedBy = started.Clock.StartedBy.ToName(),
                // A clock that starts paused (the case waits) keeps its whole window as the window left (issue 13).
                window = started.PausedWith is { } whole ? (long?)whole.TotalSeconds : started.Clock.Window is { } window ? (long?)window.TotalSeconds : null,
                state = started.PausedWith is null ? "pending" : DeadlineState.Paused.ToName(),
                pausedAt = started.PausedWith is null ? (DateTimeOffset?)null : started.Clock.StartsAt,
                ruleCode = started.Due.Code.Code, ruleParams = Deadlines.StoredRuleCode.Params(started.Due.Code),
            }, tx, ct);
}
