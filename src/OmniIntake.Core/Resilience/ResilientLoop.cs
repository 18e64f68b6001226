using Microsoft.Extensions.Logging;

namespace OmniIntake.Core.Resilience;

/// <summary>
/// Runs a background loop's passes until shutdown and survives whatever a pass throws (issue 12, item 1: a lost
/// database, Redis, SMTP, IMAP or Twilio never stops the host): logs one line, backs off exponentially from
/// <paramref name="firstDelay"/> up to <paramref name="maxDelay"/>, and resumes. Only cancellation on shutdown ends it.
/// A pass does one unit of work, its own waiting included; a pass that completes resets the back-off.
/// </summary>
public sealed class ResilientLoop(string name, ILogger logger, TimeSpan firstDelay, TimeSpan maxDelay)
{
    public ResilientLoop(string name, ILogger logger) : this(name, logger, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30))
    {
    }

    /// <summary>How many passes in a row have failed (0 while the loop works).</summary>
    public int Failures { get; private set; }

    public async Task RunAsync(Func<CancellationToken, Task> pass, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pass(stoppingToken);
                if (Failures > 0) logger.LogInformation("{Loop} works again after {Failures} failed attempts.", name, Failures);
                Failures = 0;
                continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Failures++;
                var delay = Delay(Failures);
                // A dependency that is away is expected: one line. Anything else is a bug: the stack trace, and still go on.
                if (TransientFailure.Is(ex))
                    logger.LogWarning("{Loop} failed ({Error}); retrying in {Delay}.", name, TransientFailure.Describe(ex), delay);
                else
                    logger.LogError(ex, "{Loop} failed unexpectedly; retrying in {Delay}.", name, delay);
            }
            try
            {
                await Task.Delay(Delay(Failures), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>firstDelay, twice that, four times... capped at maxDelay.</summary>
    public TimeSpan Delay(int failures) =>
        TimeSpan.FromTicks(Math.Min(maxDelay.Ticks, firstDelay.Ticks * (1L << Math.Clamp(failures - 1, 0, 20))));
}
