using OmniIntake.Data.Deadlines;

namespace OmniIntake.Server.Deadlines;

/// <summary>
/// Run by Hangfire every minute and once at start-up: fires every breach and at-risk warning already due (compare-and-set,
/// so a second process or a retried run changes nothing) and arms precise timers for those due before the next run.
/// </summary>
public sealed class DeadlineSweepJob(DeadlineStore store, DeadlineTimers timers, DeadlineOptions options, TimeProvider clock,
    ILogger<DeadlineSweepJob> logger)
{
    public const string RecurringId = "deadline-sweep";

    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var fired = 0;
        var warned = 0;
        var armed = 0;
        while (true)
        {
            var due = await store.PendingDueByAsync(now + options.SweepHorizon, options.SweepBatch, cancellationToken);
            // Overdue breaches (a late start, a backlog while intake runs: issue 17 "Done means") are fired in
            // transactions of up to 100, several at a time: one by one, each its own transaction, a backlog drained at
            // a few per second on a loaded machine while the rows behind it came due too. Each is a compare-and-set on
            // its row, so order does not matter and a timer firing the same row changes nothing.
            var firedThisBatch = 0;
            await Parallel.ForEachAsync(due.Where(d => d.DueAt <= now).Select(d => d.Id).Chunk(100),
                new ParallelOptions { MaxDegreeOfParallelism = options.FireConcurrency, CancellationToken = cancellationToken },
                async (ids, ct) => Interlocked.Add(ref firedThisBatch, await store.TryBreachManyAsync(ids, ct)));
            fired += firedThisBatch;
            foreach (var deadline in due)
            {
                if (deadline.DueAt <= now) continue;
                if (deadline.WarningOwed && deadline.WarnAt <= now)
                {
                    if (await store.TryWarnAsync(deadline.Id, cancellationToken)) { warned++; firedThisBatch++; }
                }
                else if (deadline.WarningOwed && deadline.WarnAt <= now + options.SweepHorizon)
                {
                    timers.Arm(deadline.Id, DeadlineMoment.AtRisk, deadline.WarnAt!.Value);
                    armed++;
                }
                if (deadline.DueAt <= now + options.SweepHorizon)
                {
                    timers.Arm(deadline.Id, DeadlineMoment.Breach, deadline.DueAt);
                    armed++;
                }
            }
            // A full batch that fired something means there may be more overdue rows behind it.
            if (due.Count < options.SweepBatch || firedThisBatch == 0) break;
        }
        if (fired + warned > 0)
            logger.LogInformation("Deadline sweep fired {Fired} breaches and {Warned} at-risk warnings, armed {Armed} timers.", fired, warned, armed);
        return new SweepResult(fired, warned, armed);
    }
}

public sealed record SweepResult(int Fired, int Warned, int Armed);

/// <summary>Bound from configuration section "Deadlines".</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    /// <summary>Deadlines due within this horizon get a precise timer; longer than the sweep period so runs overlap.</summary>
    public TimeSpan SweepHorizon { get; set; } = TimeSpan.FromSeconds(90);

    public int SweepBatch { get; set; } = 1000;

    /// <summary>How many firing transactions run at once (the timers' firing loops; the sweep's batches of overdue breaches).</summary>
    public int FireConcurrency { get; set; } = 8;

    /// <summary>Cron of the recurring sweep (Hangfire).</summary>
    public string SweepCron { get; set; } = "* * * * *";

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (SweepHorizon < TimeSpan.FromSeconds(61))
            errors.Add($"Deadlines:SweepHorizon must exceed the one-minute sweep period (got '{SweepHorizon}').");
        if (SweepBatch is < 1 or > 100_000) errors.Add($"Deadlines:SweepBatch must be 1-100000 (got {SweepBatch}).");
        if (FireConcurrency is < 1 or > 64) errors.Add($"Deadlines:FireConcurrency must be 1-64 (got {FireConcurrency}).");
        if (string.IsNullOrWhiteSpace(SweepCron)) errors.Add("Deadlines:SweepCron is required.");
        return errors;
    }
}
