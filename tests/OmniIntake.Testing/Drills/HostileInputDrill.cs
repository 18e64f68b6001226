using System.Collections.Concurrent;

namespace OmniIntake.Testing.Drills;

/// <summary>What the hostile-input drill counted: each probe answered (any 4xx is a fine refusal), with a 5xx, not at
/// all within the hang limit, or by a dead process.</summary>
public sealed record HostileInputOutcome(int Tried, int ServerErrors, int Hangs, int Crashes, int Refused, int Accepted, int ProbeFaults,
    IReadOnlyList<string> Findings)
{
    public string Summary => $"hostile inputs tried {Tried}: 5xx {ServerErrors}, hangs {Hangs}, crashes {Crashes} (accepted {Accepted}, refused {Refused}, probes that could not be sent {ProbeFaults})";
}

/// <summary>Sends every probe of the catalogue at a running hub, a few at a time, and watches the process.</summary>
public static class HostileInputDrill
{
    public static async Task<HostileInputOutcome> RunAsync(ServerProcess server, DrillTarget target, IReadOnlyList<HostileProbe> probes,
        int concurrency, TimeSpan hangAfter, CancellationToken cancellationToken)
    {
        var findings = new ConcurrentQueue<string>();
        int tried = 0, probeFaults = 0, serverErrors = 0, hangs = 0, refused = 0, accepted = 0, crashes = 0;
        await Parallel.ForEachAsync(probes, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (probe, ct) =>
        {
            if (server.HasExited) return;
            Interlocked.Increment(ref tried);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(hangAfter);
            try
            {
                var answer = await probe.Send(target, limit.Token);
                if (answer.IsServerError)
                {
                    Interlocked.Increment(ref serverErrors);
                    findings.Enqueue($"5xx {answer.Status} {probe.EntryPoint} {probe.Name}: {answer.Detail}");
                }
                else if (answer.Status >= 400) Interlocked.Increment(ref refused);
                else Interlocked.Increment(ref accepted);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref hangs);
                findings.Enqueue($"hang (> {hangAfter.TotalSeconds:0} s) {probe.EntryPoint} {probe.Name}");
            }
            catch (HttpRequestException ex) when (server.HasExited)
            {
                findings.Enqueue($"crash at {probe.EntryPoint} {probe.Name}: {ex.Message}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The probe itself could not be sent (a client-side limit): the catalogue's fault, counted apart.
                Interlocked.Increment(ref probeFaults);
                findings.Enqueue($"probe fault {probe.EntryPoint} {probe.Name}: {ex.GetType().Name}: {ex.Message}");
            }
            if (server.HasExited && Interlocked.Exchange(ref crashes, 1) == 0)
                findings.Enqueue($"the server process exited during {probe.EntryPoint} {probe.Name}");
        });
        return new HostileInputOutcome(tried, serverErrors, hangs, crashes, refused, accepted, probeFaults, findings.ToList());
    }
}
