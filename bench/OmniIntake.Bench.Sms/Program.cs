using System.Diagnostics;
using System.Globalization;
using Npgsql;
using OmniIntake.Testing;

// N concurrent senders post Twilio-signed inbound SMS webhooks at the hub (a separate process on PostgreSQL, replies
// going to a local Twilio stand-in) for D seconds; the same N connections run a plain durable INSERT loop for D
// seconds in the same run. Usage: bench/run-sms.sh [senders=8] [seconds=10]
var pg = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_PG") ?? throw new InvalidOperationException("Set OMNIINTAKE_BENCH_PG.");
var senders = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
const string PublicUrl = "https://hub.example.test";
const string OurNumber = "+8610010010000";

var database = "bench_sms_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
await using (var admin = new NpgsqlConnection(pg))
{
    await admin.OpenAsync();
    await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
}
var cs = new NpgsqlConnectionStringBuilder(pg) { Database = database, MaxPoolSize = 64 }.ToString();
await using var twilio = new TwilioStandIn();
var url = ServerProcess.FreeUrl();
using var hub = ServerProcess.Start(new Dictionary<string, string?>
{
    ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = cs,
    ["Accounts:BootstrapAdminUsername"] = "bench", ["Accounts:BootstrapAdminPassword"] = "bench-password-only",
    ["Channels:Sms:AccountSid"] = TwilioStandIn.AccountSid, ["Channels:Sms:AuthToken"] = TwilioStandIn.AuthToken, ["Channels:Sms:From"] = OurNumber,
    ["Channels:Sms:PublicUrl"] = PublicUrl, ["Channels:Sms:ApiBaseUrl"] = twilio.BaseUrl, ["Channels:Sms:MessagesPerMinutePerNumber"] = "100000",
    ["Logging:LogLevel:Default"] = "Warning",
}, url);
await hub.WaitReadyAsync(url, TimeSpan.FromSeconds(60));
await using (var c = new NpgsqlConnection(cs))
{
    await c.OpenAsync();
    await new NpgsqlCommand("CREATE TABLE bench_raw (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, sid text NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL)", c).ExecuteNonQueryAsync();
}
Console.WriteLine($"OmniIntake SMS webhook benchmark: {senders} concurrent senders, {seconds}s per measurement, {Environment.ProcessorCount} cores");

// The raw baseline: each sender a connection inserting one row per "message", durably (autocommit).
var raw = await RunAsync(async (sender, until) =>
{
    var latencies = new List<double>();
    await using var connection = new NpgsqlConnection(cs);
    await connection.OpenAsync();
    var i = 0;
    while (DateTime.UtcNow < until)
    {
        var watch = Stopwatch.StartNew();
        await using var insert = new NpgsqlCommand("INSERT INTO bench_raw (sid, body, created_at) VALUES (@sid, @body, now())", connection);
        insert.Parameters.AddWithValue("sid", $"SM{sender}-{i++}");
        insert.Parameters.AddWithValue("body", "3号楼电梯坏了三天了");
        await insert.ExecuteNonQueryAsync();
        latencies.Add(watch.Elapsed.TotalMilliseconds);
    }
    return latencies;
});

// The hub: signed webhooks, each sender a phone number of its own (its first message opens a case, the rest thread).
using var http = new HttpClient { BaseAddress = new Uri(url) };
var rejected = 0;
var (commitsBefore, writesBefore) = await CommitsAsync();
var hubRun = await RunAsync(async (sender, until) =>
{
    var latencies = new List<double>();
    var i = 0;
    while (DateTime.UtcNow < until)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["AccountSid"] = TwilioStandIn.AccountSid,
            ["From"] = "+86139" + (10_000_000 + sender * 100_000 + i / 20).ToString(CultureInfo.InvariantCulture), ["To"] = OurNumber,
            ["Body"] = i % 20 == 0 ? "3号楼电梯坏了三天了，没人来修" : $"补充说明 {i}", ["NumMedia"] = "0",
        };
        i++;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/channels/sms/twilio") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSigner.Sign(PublicUrl + "/channels/sms/twilio", form, TwilioStandIn.AuthToken));
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        if (response.IsSuccessStatusCode) latencies.Add(watch.Elapsed.TotalMilliseconds);
        else Interlocked.Increment(ref rejected);
    }
    return latencies;
});

// Issue 17 item 1: every commit in the hub's database during the run (the messages' units, and the replies' sending
// beside them) per message accepted; pg_stat_database lags a little, so it is read after the run settled.
await Task.Delay(TimeSpan.FromSeconds(1));
var (commitsAfter, writesAfter) = await CommitsAsync();
var commitsPerMessage = (commitsAfter - commitsBefore) / (double)Math.Max(1, hubRun.Count);
var writesPerMessage = (writesAfter - writesBefore) / (double)Math.Max(1, hubRun.Count);
Console.WriteLine("run                  | accepted | msg/s | p50 ms | p99 ms");
Print("plain INSERT loop", raw);
Print("signed SMS webhooks", hubRun);
Console.WriteLine($"ratio hub/raw: {hubRun.Count / (double)raw.Count:P1}; rejected webhooks: {rejected}; replies sent to the stand-in: {twilio.Created.Count}; contract violations: {twilio.Violations.Count}; hub transactions/msg (every read and write, with the replies' sending): {commitsPerMessage:F2}, of them writing: {writesPerMessage:F2}");
// Issue 17 item 7: one machine-readable line, so runs can be compared over time.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT sms senders={senders} raw={raw.Count / (double)seconds:F0} hub={hubRun.Count / (double)seconds:F0} ratio={hubRun.Count / (double)raw.Count:F3} p50={Quantile(hubRun, 0.5):F1} p99={Quantile(hubRun, 0.99):F1} raw_p99={Quantile(raw, 0.99):F1} rejected={rejected} violations={twilio.Violations.Count} commits_per_msg={commitsPerMessage:F2} writes_per_msg={writesPerMessage:F2}"));
hub.Kill();
NpgsqlConnection.ClearAllPools();
await using (var admin = new NpgsqlConnection(pg))
{
    await admin.OpenAsync();
    await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
}
return rejected == 0 ? 0 : 1;

// Every transaction the database finished (pg_stat_database counts a lone SELECT as one), and the transactions that wrote:
// only a writing transaction is given a transaction id, so the next id to give (the server's; nothing else runs on it) counts them.
async Task<(long Transactions, long Writes)> CommitsAsync()
{
    await using var c = new NpgsqlConnection(cs);
    await c.OpenAsync();
    await new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", c).ExecuteNonQueryAsync();
    var transactions = (long)(await new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", c).ExecuteScalarAsync())!;
    var writes = Convert.ToInt64(await new NpgsqlCommand("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint", c).ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    return (transactions, writes);
}

async Task<List<double>> RunAsync(Func<int, DateTime, Task<List<double>>> sender)
{
    var until = DateTime.UtcNow.AddSeconds(seconds);
    var results = await Task.WhenAll(Enumerable.Range(0, senders).Select(s => sender(s, until)));
    return results.SelectMany(r => r).ToList();
}

static double Quantile(List<double> latencies, double p)
{
    var sorted = latencies.Order().ToList();
    return sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
}

void Print(string name, List<double> latencies)
{
    var sorted = latencies.Order().ToList();
    double P(double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    Console.WriteLine($"{name,-20} | {sorted.Count,8} | {sorted.Count / (double)seconds,5:F0} | {P(0.5),6:F1} | {P(0.99),6:F1}");
}
