using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

// N agent consoles (SignalR clients of /hubs/agents) while complaints are registered at a steady rate: the delay from
// a registration's acknowledgement (201, committed) to the case.opened event at each console, p50/p99, next to a raw
// SignalR broadcast of same-sized payloads over the same connections in the same run (the admin's Ping), with one
// hub process, then two behind the Redis backplane (consoles spread over both, intake on the first), then two on one
// PostgreSQL without Redis (each pushes to its own consoles, woken by the other's LISTEN/NOTIFY; the raw broadcast
// then reaches only the first node's consoles: there is no backplane).
// Usage: bench/run-console.sh [consoles=100] [rate per second=20] [seconds=15]
var pg = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_PG") ?? throw new InvalidOperationException("Set OMNIINTAKE_BENCH_PG.");
var redis = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_REDIS") ?? throw new InvalidOperationException("Set OMNIINTAKE_BENCH_REDIS.");
var consoles = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15;

Console.WriteLine($"OmniIntake console benchmark: {consoles} consoles, {rate} complaints/s for {seconds}s, {Environment.ProcessorCount} cores");
Console.WriteLine("setup              | what            | messages | p50 ms | p99 ms | max ms");
var result = new List<string>(); // issue 17 item 7: the figures of the closing RESULT line
var missing = 0;
foreach (var (nodes, backplane, setup, key) in new[]
         {
             (1, false, "1 node", ""), (2, true, "2 nodes + Redis", "2"), (2, false, "2 nodes, PG LISTEN", "2pg"),
         }.Where(s => Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_SETUPS") is not { Length: > 0 } only || only.Split(',').Contains(s.Item4 is "" ? "1" : s.Item4)))
{
    var database = $"bench_console_{nodes}_{DateTime.UtcNow:yyyyMMddHHmmss}";
    await Psql($"CREATE DATABASE {database}");
    var cs = pg.Replace("Database=postgres", "Database=" + database, StringComparison.Ordinal);
    var prefix = "bench" + Guid.NewGuid().ToString("N");
    var urls = Enumerable.Range(0, nodes).Select(i => $"http://127.0.0.1:{5400 + i}").ToArray();
    // The first starts alone (it migrates the database), then the second.
    var hubs = new List<Process>();
    try
    {
        foreach (var url in urls)
        {
            hubs.Add(BenchHub.Start(url, cs + ";Maximum Pool Size=60", new Dictionary<string, string?>
            {
                ["FollowUp:Enabled"] = "false",
                ["Live:Redis"] = backplane ? redis : null, ["Live:RedisChannelPrefix"] = backplane ? prefix : null,
            }));
            await BenchHub.WaitReadyAsync(hubs[^1], url);
        }
        var cookies = new List<string>();
        foreach (var url in urls) cookies.Add(await SignInAsync(url));
        var arrivals = new ConcurrentDictionary<string, ConcurrentBag<long>>(); // case number or ping id -> arrival ticks
        var connections = new List<HubConnection>();
        for (var i = 0; i < consoles; i++)
        {
            var node = i % nodes;
            var connection = new HubConnectionBuilder()
                .WithUrl(urls[node] + "/hubs/agents", o => o.Headers["Cookie"] = cookies[node]).Build();
            connection.On<JsonElement>("event", e =>
            {
                if (e.GetProperty("kind").GetString() == "case.opened")
                    arrivals.GetOrAdd(e.GetProperty("caseNumber").GetString()!, _ => []).Add(Stopwatch.GetTimestamp());
            });
            connection.On<string>("ping", payload => arrivals.GetOrAdd(payload[..36], _ => []).Add(Stopwatch.GetTimestamp()));
            connections.Add(connection);
        }
        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 20 }, async (c, ct) => await c.StartAsync(ct));
        await Task.Delay(2000); // the dispatching process settles (with Redis: one takes the lease)

        using var http = new HttpClient { BaseAddress = new Uri(urls[0]) };
        http.DefaultRequestHeaders.Add("Cookie", cookies[0]);
        async Task ComplainAsync(int i, ConcurrentDictionary<string, long> acked)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
            {
                Content = JsonContent.Create(new { channel = "phone", text = "电梯坏了 bench " + i, phone = "+86139" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture) }),
            };
            request.Headers.Add("Idempotency-Key", $"{prefix}-{i}");
            var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
            acked[number] = Stopwatch.GetTimestamp();
        }
        // Warm-up, not measured: the first complaints of a fresh process pay for compiling the intake and live paths
        // (about 170 ms each for the first dozen, measured), which the raw broadcast after it never pays.
        await SteadyAsync(i => ComplainAsync(1_000_000 + i, new ConcurrentDictionary<string, long>()), 2);
        await Task.Delay(1000);
        var acks = new ConcurrentDictionary<string, long>();
        await SteadyAsync(i => ComplainAsync(i, acks));
        await Task.Delay(3000);
        var intake = Delays(acks, arrivals, consoles);

        // The raw broadcast: same rate, a payload the size of a case.opened event, from the first node.
        var pinger = connections[0];
        var sent = new ConcurrentDictionary<string, long>();
        var payloadTail = new string('x', 300);
        await SteadyAsync(async _ =>
        {
            var id = Guid.NewGuid().ToString("D");
            await pinger.InvokeAsync("Ping", id + payloadTail);
            sent[id] = Stopwatch.GetTimestamp();
        });
        await Task.Delay(2000);
        // Without a backplane a broadcast reaches the consoles of the node it was sent on only.
        var raw = Delays(sent, arrivals, backplane || nodes == 1 ? consoles : (consoles + nodes - 1) / nodes);
        Print(setup, "intake -> console", intake);
        Print(setup, "raw broadcast", raw);
        result.Add(key.Length == 0
            ? $"nodes=1 p99={P99(intake.Delays)} raw_p99={P99(raw.Delays)}"
            : $"nodes{key}_p99={P99(intake.Delays)} raw{key}_p99={P99(raw.Delays)}");
        missing += intake.Missing;
        foreach (var c in connections) await c.DisposeAsync();
    }
    finally
    {
        foreach (var hub in hubs) await BenchHub.StopAsync(hub);
        await Psql($"DROP DATABASE {database} WITH (FORCE)");
    }
}
Console.WriteLine($"RESULT console {string.Join(' ', result)} missing={missing} consoles={consoles} rate={rate}");
return;

static string P99(List<double> sorted) =>
    sorted.Count == 0 ? "-" : sorted[Math.Min(sorted.Count - 1, (int)(0.99 * sorted.Count))].ToString("F1", CultureInfo.InvariantCulture);

async Task SteadyAsync(Func<int, Task> work, int? forSeconds = null)
{
    var total = rate * (forSeconds ?? seconds);
    var watch = Stopwatch.StartNew();
    var tasks = new List<Task>();
    for (var i = 0; i < total; i++)
    {
        var due = TimeSpan.FromSeconds((double)i / rate);
        var wait = due - watch.Elapsed; // read once: read twice, a loaded machine can make the difference negative
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        tasks.Add(work(i));
    }
    await Task.WhenAll(tasks);
}

(List<double> Delays, int Missing) Delays(ConcurrentDictionary<string, long> starts, ConcurrentDictionary<string, ConcurrentBag<long>> arrivals, int expected)
{
    var delays = new List<double>();
    var missing = 0;
    foreach (var (key, start) in starts)
    {
        var seen = arrivals.TryGetValue(key, out var bag) ? bag.ToArray() : [];
        missing += Math.Max(0, expected - seen.Length);
        // A console may see an event a little before the acknowledgement reaches the client: that is a zero delay.
        delays.AddRange(seen.Select(t => Math.Max(0, Stopwatch.GetElapsedTime(start, t).TotalMilliseconds)));
    }
    delays.Sort();
    return (delays, missing);
}

void Print(string setup, string what, (List<double> Delays, int Missing) result)
{
    var d = result.Delays;
    string P(double q) => d.Count == 0 ? "-" : d[Math.Min(d.Count - 1, (int)(q * d.Count))].ToString("F1", CultureInfo.InvariantCulture);
    Console.WriteLine($"{setup,-18} | {what,-15} | {d.Count,8} | {P(0.5),6} | {P(0.99),6} | {(d.Count == 0 ? "-" : d[^1].ToString("F1", CultureInfo.InvariantCulture)),6}"
                      + (result.Missing > 0 ? $"  ({result.Missing} not delivered)" : ""));
}

static async Task<string> SignInAsync(string url)
{
    using var http = new HttpClient();
    var response = await http.PostAsJsonAsync(url + "/api/auth/login", new { username = BenchHub.Username, password = BenchHub.Password });
    response.EnsureSuccessStatusCode();
    return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("omniintake.auth=", StringComparison.Ordinal)).Split(';')[0];
}

Task Psql(string sql) => BenchPostgres.RunAsync(pg, sql);
