using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

// N concurrent web chat conversations, each completing the complaint dialog in Chinese over /hubs/chat, against a raw
// SignalR echo over the same connections in the same run; turn latency p50/p99 and the hub's peak memory (VmHWM).
// Usage: bench/run-chat.sh [conversations, default 1000]
var pg = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_PG") ?? throw new InvalidOperationException("Set OMNIINTAKE_BENCH_PG.");
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
const string Url = "http://127.0.0.1:5392";
string[] script = ["3号楼的电梯坏了三天，没人来修", "王先生", "13800138000", "昨天下午三点", "3号楼电梯", "尽快修好", "确认"];

var database = "bench_chat_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
await Psql($"CREATE DATABASE {database}");
var cs = pg.Replace("Database=postgres", "Database=" + database, StringComparison.Ordinal);
var hub = BenchHub.Start(Url, cs + ";Maximum Pool Size=60", new Dictionary<string, string?>
{
    ["Channels:WebChat:MessagesPerMinute"] = "600", ["Channels:WebChat:StartsPerMinute"] = "600", ["Channels:WebChat:ConnectionsPerAddressPerMinute"] = "100000",
    // Each conversation comes from an address of its own, as a public widget's customers do behind the proxy (nginx in
    // production): the per-address limits of issue 12 then count one customer each, not the bench's 1,000 together.
    ["Proxies:KnownProxies:0"] = "127.0.0.1",
});
try
{
    await BenchHub.WaitReadyAsync(hub, Url);
    var baseMemory = PeakMemoryMiB(hub.Id);
    var connections = new HubConnection[count];
    var connectWatch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (i, ct) =>
    {
        var address = $"10.{i / 62_500 % 250}.{i / 250 % 250}.{i % 250 + 1}";
        connections[i] = new HubConnectionBuilder()
            .WithUrl(Url + "/hubs/chat", o => o.Headers["X-Forwarded-For"] = address)
            .Build();
        await connections[i].StartAsync(ct);
    });
    Console.WriteLine($"OmniIntake chat benchmark: {count} WebSocket connections in {connectWatch.Elapsed.TotalSeconds:F1}s; {Environment.ProcessorCount} cores; hub at start {baseMemory:F0} MiB");

    // Warm-up on a tenth of the connections, then ANALYZE (what autovacuum does within a deployment's first minute): the
    // measured runs are the hub's steady state, not its first dialogs' compiling nor plans made for empty tables.
    var warmUp = Stopwatch.StartNew();
    var warmed = await MeasureAsync(connections[..Math.Max(1, count / 10)], (connection, i) => Dialog(connection, count + i));
    await BenchPostgres.RunAsync(pg, "ANALYZE", database);
    Console.WriteLine($"warmed up: {warmed.Completed} dialogs in {warmUp.Elapsed.TotalSeconds:F1}s, then ANALYZE");

    // The raw baseline: as many echo round trips per connection as the dialog has turns, all connections at once.
    var echo = await MeasureAsync(connections, async (connection, _) =>
    {
        var latencies = new List<double>();
        for (var turn = 0; turn <= script.Length; turn++)
        {
            var watch = Stopwatch.StartNew();
            await connection.InvokeAsync<string>("Echo", script[Math.Min(turn, script.Length - 1)]);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
        return (latencies, true);
    });
    var echoMemory = PeakMemoryMiB(hub.Id);

    var dialog = await MeasureAsync(connections, Dialog);
    var peak = PeakMemoryMiB(hub.Id);

    Console.WriteLine("run                 | turns  | completed | p50 ms | p99 ms | max ms | wall s");
    Print("raw SignalR echo", echo);
    Print("dialog turns", dialog);
    // Which turn the tail is: the start, the questions, or the last one (it registers the case through the intake).
    Console.WriteLine("dialog turn p50/p99 by step: " + string.Join(", ", Enumerable.Range(0, script.Length + 1).Select(step =>
    {
        var at = dialog.Latencies.Where((_, i) => i % (script.Length + 1) == step).ToList();
        return $"{(step == 0 ? "start" : "t" + step)} {Percentile(at, 0.5):F0}/{Percentile(at, 0.99):F0}";
    })));
    Console.WriteLine($"hub peak memory (VmHWM): {peak:F0} MiB (after the echo run {echoMemory:F0} MiB, at start {baseMemory:F0} MiB)");
    Console.WriteLine($"p50 ratio dialog/echo: {Percentile(dialog.Latencies, 0.5) / Percentile(echo.Latencies, 0.5):F1}x, p99 ratio: {Percentile(dialog.Latencies, 0.99) / Percentile(echo.Latencies, 0.99):F1}x");
    // Issue 17 item 7: one machine-readable line, so runs can be compared over time.
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"RESULT chat conversations={count} completed={dialog.Completed} p50={Percentile(dialog.Latencies, 0.5):F0} p99={Percentile(dialog.Latencies, 0.99):F0} echo_p50={Percentile(echo.Latencies, 0.5):F0} echo_p99={Percentile(echo.Latencies, 0.99):F0} ratio_p99={Percentile(dialog.Latencies, 0.99) / Percentile(echo.Latencies, 0.99):F2} rss_mib={peak:F0}"));
    foreach (var connection in connections) await connection.DisposeAsync();
    return dialog.Completed == count ? 0 : 1;
}
finally
{
    await BenchHub.StopAsync(hub);
    await Psql($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
}

static async Task<Run> MeasureAsync(HubConnection[] connections, Func<HubConnection, int, Task<(List<double> Latencies, bool Completed)>> conversation)
{
    var all = new List<double>();
    var completed = 0;
    var wall = Stopwatch.StartNew();
    var results = await Task.WhenAll(connections.Select((c, i) => conversation(c, i)));
    foreach (var (latencies, done) in results)
    {
        all.AddRange(latencies);
        if (done) completed++;
    }
    return new Run(all, completed, wall.Elapsed);
}

void Print(string name, Run run) =>
    Console.WriteLine($"{name,-19} | {run.Latencies.Count,6} | {run.Completed,9} | {Percentile(run.Latencies, 0.5),6:F0} | {Percentile(run.Latencies, 0.99),6:F0} | {run.Latencies.Max(),6:F0} | {run.Wall.TotalSeconds,6:F1}");

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
}

static double PeakMemoryMiB(int pid)
{
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) ?? "VmHWM: 0 kB";
    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}

Task Psql(string sql) => BenchPostgres.RunAsync(pg, sql);

// One customer's whole dialog over its connection: the start, then each answer of the script; each turn's latency.
// Each customer gives a phone number of their own (1,000 people, not one number 1,000 times over: their cases and
// contacts would all be one contact's, every registration waiting for the one before on that contact's rows).
async Task<(List<double> Latencies, bool Completed)> Dialog(HubConnection connection, int customer)
{
    var latencies = new List<double>();
    var watch = Stopwatch.StartNew();
    var session = await connection.InvokeAsync<JsonElement>("Start", "zh-CN");
    latencies.Add(watch.Elapsed.TotalMilliseconds);
    var token = session.GetProperty("token").GetString()!;
    JsonElement last = default;
    foreach (var text in script.Select(t => t == script[2] ? string.Create(CultureInfo.InvariantCulture, $"139{customer:D8}") : t))
    {
        watch.Restart();
        last = await connection.InvokeAsync<JsonElement>("Send", token, Guid.NewGuid().ToString("N"), text);
        latencies.Add(watch.Elapsed.TotalMilliseconds);
    }
    return (latencies, last.GetProperty("status").GetString() == "registered");
}

internal sealed record Run(List<double> Latencies, int Completed, TimeSpan Wall);
