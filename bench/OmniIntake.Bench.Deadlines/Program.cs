using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Events;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Policy;
using OmniIntake.Data;
using OmniIntake.Bench.Deadlines;
using OmniIntake.Data.Intake;
using OmniIntake.Data.Schema;

// Deadline firing benchmark (issue 6): N open forwarding deadlines spread over S seconds, fired by the real hub
// (its Hangfire sweep and precise timers) in a child process; printed beside the raw baseline of the same run:
// Hangfire delayed jobs, one per deadline, for a sample of the same due times.
// Issue 17 ("Done means": deadlines stay on time WHILE intake runs at full rate): with intake connections > 0, that many
// concurrent SqlIntakePipeline.AcceptAsync loops (each message a new case, as bench/OmniIntake.Bench) run in this
// process against the same database for the whole firing window; afterwards, with nothing due any more, the same
// pipeline alone and the raw baseline (a plain durable single-row INSERT loop, same connections) run 10 s each.
// Usage: bench/run-deadlines.sh [deadlines=100000] [spread seconds=600] [baseline jobs=2000] [intake connections=0]
var server = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_PG") ?? throw new InvalidOperationException("Set OMNIINTAKE_BENCH_PG.");
var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var spread = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 600);
var baselineJobs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;
var intakeConnections = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
var hubUrl = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_HUB_URL") ?? "http://127.0.0.1:5391";

var name = "bench_deadlines_" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await admin.ExecuteAsync($"CREATE DATABASE {name}");
}
var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = Math.Max(100, intakeConnections * 2) }.ToString();
await using var database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = cs });
await new SchemaMigrator(database).MigrateAsync();

// The rows the hub would have written, made in bulk: the engine does not care how they arrived.
// Time for the hub to start (OMNIINTAKE_BENCH_LEAD seconds): it must be up before the first due time, or its start-up
// sweep fires the first ones late; how long it took is printed.
var lead = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_LEAD") ?? "45", CultureInfo.InvariantCulture));
var anchor = DateTimeOffset.UtcNow + lead;
await using (var c = new NpgsqlConnection(cs))
{
    await c.OpenAsync();
    var watch = Stopwatch.StartNew();
    await c.ExecuteAsync("""
        INSERT INTO contacts (name, created_at) VALUES ('bench', now());
        INSERT INTO cases (number, channel, status, class, contact_id, received_at, last_inbound_at, updated_at)
        SELECT 'TS-20261124-' || lpad(g::text, 6, '0'), 'sms', 'received', 'general', 1, now(), now(), now() FROM generate_series(1, @n) g;
        INSERT INTO deadlines (case_id, kind, due_at, rule, state)
        SELECT id, 'forward', @anchor + (id - 1) * (@spreadMs / @n) * interval '1 millisecond', 'bench', 'pending' FROM cases;
        """, new { n, anchor, spreadMs = spread.TotalMilliseconds }, commandTimeout: 600);
    Console.WriteLine($"{n} open deadlines due from {anchor:HH:mm:ss} over {spread.TotalSeconds:0} s written in {watch.Elapsed.TotalSeconds:F1} s");
}

// The hub, as a separate process on the same database.
var hub = BenchHub.Start(hubUrl, cs);
DateTimeOffset? readyAt = null;
_ = ReportReadyAsync();

// The intake at full rate over the whole firing window (from the first due time to the last), started
// before the baseline's jobs are scheduled (slow on a loaded machine), so it covers the window whatever that takes.
var pipeline = new SqlIntakePipeline(database, new IntakeOptions(), new DefaultDeadlinePolicy(BusinessCalendar.ChinaDefault()), TimeProvider.System,
    NoEventLogSignal.Instance, NullLogger<SqlIntakePipeline>.Instance);
var accepted = 0;
var intakeDuring = intakeConnections == 0 ? Task.FromResult(0.0) : IntakeDuringAsync();

// The baseline in the same run: Hangfire delayed jobs for a sample of the same due times, in this process.
var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(cs, new PostgreSqlStorageOptions()),
    new PostgreSqlStorageOptions { SchemaName = "hangfire_baseline", PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromMilliseconds(200) });
GlobalConfiguration.Configuration.UseStorage(storage).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
BaselineJob.ConnectionString = cs;
await using (var c = new NpgsqlConnection(cs))
{
    await c.OpenAsync();
    await c.ExecuteAsync("CREATE TABLE baseline_fired (id int PRIMARY KEY, due_at timestamptz NOT NULL, fired_at timestamptz NOT NULL)");
}
var client = new BackgroundJobClient(storage);
var createWatch = Stopwatch.StartNew();
for (var i = 0; i < baselineJobs; i++)
{
    var due = anchor + spread * ((double)i / baselineJobs);
    client.Schedule(() => BaselineJob.Fire(i, due), due);
}
Console.WriteLine($"{baselineJobs} Hangfire delayed jobs scheduled in {createWatch.Elapsed.TotalSeconds:F1} s ({baselineJobs / createWatch.Elapsed.TotalSeconds:F0} jobs/s)");
using var hangfire = new BackgroundJobServer(new BackgroundJobServerOptions
{
    SchedulePollingInterval = TimeSpan.FromSeconds(1), WorkerCount = 4, ServerName = "baseline",
}, storage);

var hubJobsAtStart = await ScalarAsync("SELECT COALESCE((SELECT count(*) FROM hangfire.job), 0)");
var end = anchor + spread + TimeSpan.FromSeconds(30);
while (DateTimeOffset.UtcNow < end)
{
    await Task.Delay(TimeSpan.FromSeconds(30));
    var fired = await ScalarAsync("SELECT count(*) FROM deadlines WHERE state = 'breached'");
    Console.WriteLine($"  {DateTimeOffset.UtcNow:HH:mm:ss} breached {fired}/{n}");
    if (fired == n && await ScalarAsync("SELECT count(*) FROM baseline_fired") >= baselineJobs) break;
}

var intakeRate = await intakeDuring;
// The intake's baselines in the same run, nothing due any more: the pipeline alone, then the raw INSERT loop.
var intakeAlone = intakeConnections == 0 ? 0 : await RateAsync(TimeSpan.FromSeconds(10), (_, i) => AcceptAsync("after", i), useConnection: false);
if (intakeConnections > 0)
{
    await using var c = new NpgsqlConnection(cs);
    await c.OpenAsync();
    await c.ExecuteAsync("""
        CREATE TABLE bench_raw (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, channel text NOT NULL, external_id text NOT NULL,
                                body text NOT NULL, created_at timestamptz NOT NULL)
        """);
}
var rawInsert = intakeConnections == 0 ? 0 : await RateAsync(TimeSpan.FromSeconds(10), (connection, i) =>
    connection.ExecuteAsync("INSERT INTO bench_raw (channel, external_id, body, created_at) VALUES ('sms', @id, @body, now())",
        new { id = $"raw-{i}", body = "小区电梯坏了三天，没人修" }), useConnection: true);

var ours = await LatenessAsync("SELECT EXTRACT(EPOCH FROM (closed_at - due_at)) * 1000 FROM deadlines WHERE state = 'breached'");
// A hub that came up after the first due times fires those late at its start-up sweep: that is start-up, not firing.
var started = readyAt ?? anchor;
var oursOnceUp = await LatenessAsync(string.Create(CultureInfo.InvariantCulture,
    $"SELECT EXTRACT(EPOCH FROM (closed_at - due_at)) * 1000 FROM deadlines WHERE state = 'breached' AND due_at > '{started:O}'::timestamptz"));
var theirs = await LatenessAsync("SELECT EXTRACT(EPOCH FROM (fired_at - due_at)) * 1000 FROM baseline_fired");
var hubJobs = await ScalarAsync("SELECT count(*) FROM hangfire.job") - hubJobsAtStart;
var early = await ScalarAsync("SELECT count(*) FROM deadlines WHERE state = 'breached' AND closed_at < due_at");
var twice = await ScalarAsync("SELECT count(*) FROM (SELECT case_id FROM audit WHERE action = 'deadline.breached' GROUP BY case_id HAVING count(*) > 1) x");
Console.WriteLine();
Console.WriteLine("                         |  fired |   p50 ms |   p99 ms |   max ms | jobs added");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hub sweep + timers       | {ours.Count,6} | {ours.P50,8:F0} | {ours.P99,8:F0} | {ours.Max,8:F0} | {hubJobs,10}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Hangfire delayed job (1s)| {theirs.Count,6} | {theirs.P50,8:F0} | {theirs.P99,8:F0} | {theirs.Max,8:F0} | {baselineJobs,10}"));
if (started > anchor)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"hub sweep + timers, due once the hub was up | {oursOnceUp.Count,6} | {oursOnceUp.P50,8:F0} | {oursOnceUp.P99,8:F0} | {oursOnceUp.Max,8:F0} |"));
Console.WriteLine($"fired early: {early}; fired twice: {twice}; not fired: {n - ours.Count}");
// Where the tail sits (issue 17 "Done means"): breaches fired over a second late, by the second they were due in. A
// few bursts point at timers armed too late (the sweep's look-ahead), a spread at the process's own scheduling.
await using (var c = new NpgsqlConnection(cs))
{
    await c.OpenAsync();
    var bursts = (await c.QueryAsync<(DateTime Second, long Late, double MaxMs)>("""
        SELECT date_trunc('second', due_at) AS second, count(*) AS late, max(EXTRACT(EPOCH FROM (closed_at - due_at)) * 1000)::float8 AS max_ms
        FROM deadlines WHERE state = 'breached' AND closed_at - due_at > interval '1 second'
        GROUP BY 1 ORDER BY 1
        """)).ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"over 1 s late: {bursts.Sum(b => b.Late)} breaches due in {bursts.Count} of {spread.TotalSeconds:0} seconds{(bursts.Count == 0 ? "" : ": " + string.Join(", ", bursts.OrderByDescending(b => b.Late).Take(8).Select(b => $"{b.Second:HH:mm:ss} {b.Late} (max {b.MaxMs:F0} ms)")))}"));
}
var intakeFigures = "";
if (intakeConnections > 0)
{
    Console.WriteLine();
    Console.WriteLine($"intake, {intakeConnections} connections          |   msg/s");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline while deadlines fire     | {intakeRate,7:F0}  ({accepted} messages)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline alone, after the firing  | {intakeAlone,7:F0}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw INSERT loop (baseline)        | {rawInsert,7:F0}"));
    intakeFigures = string.Create(CultureInfo.InvariantCulture,
        $" intake_conns={intakeConnections} intake_during={intakeRate:F0} intake_alone={intakeAlone:F0} raw_insert={rawInsert:F0}");
}
// Issue 17 item 7: one machine-readable line, so runs can be compared over time.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT deadlines deadlines={n} fired={ours.Count} p50={ours.P50:F0} p99={ours.P99:F0} max={ours.Max:F0} jobs_added={hubJobs} early={early} twice={twice} hangfire_p50={theirs.P50:F0} hangfire_p99={theirs.P99:F0} up_p99={oursOnceUp.P99:F0}{intakeFigures}"));

await BenchHub.StopAsync(hub);
hangfire.SendStop();
NpgsqlConnection.ClearAllPools();
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await admin.ExecuteAsync($"DROP DATABASE {name} WITH (FORCE)");
}
return;

async Task ReportReadyAsync()
{
    using var http = new HttpClient();
    while (!hub.HasExited)
    {
        try
        {
            if ((await http.GetAsync(hubUrl + "/readyz")).IsSuccessStatusCode)
            {
                var now = DateTimeOffset.UtcNow;
                readyAt = now;
                var margin = anchor - now;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"hub ready {(margin >= TimeSpan.Zero ? $"{margin.TotalSeconds:F0} s before" : $"{-margin.TotalSeconds:F0} s AFTER")} the first due time"));
                return;
            }
        }
        catch (HttpRequestException)
        {
        }
        await Task.Delay(500);
    }
}

async Task<double> IntakeDuringAsync()
{
    var wait = anchor - DateTimeOffset.UtcNow;
    if (wait > TimeSpan.Zero) await Task.Delay(wait);
    return await RateAsync(anchor + spread - DateTimeOffset.UtcNow, (_, i) => AcceptAsync("during", i), useConnection: false, count => accepted = count);
}

// Each message opens a new case (a new number every time), the most expensive path, as bench/OmniIntake.Bench.
Task AcceptAsync(string phase, int i) => pipeline.AcceptAsync(new InboundMessage
{
    Channel = Channel.Sms,
    ExternalId = $"SM-{phase}-{i}",
    Sender = ContactHandle.Create(ContactHandleKind.Phone, "+86139" + (10_000_000 + i % 89_999_999).ToString(CultureInfo.InvariantCulture)),
    Text = "小区电梯坏了三天，没人修",
    ReceivedAt = DateTimeOffset.UtcNow,
});

// Operations per second of `intakeConnections` concurrent loops for `duration`.
async Task<double> RateAsync(TimeSpan duration, Func<NpgsqlConnection, int, Task> operation, bool useConnection, Action<int>? done = null)
{
    var watch = Stopwatch.StartNew();
    var counter = 0;
    await Task.WhenAll(Enumerable.Range(0, intakeConnections).Select(async _ =>
    {
        await using var connection = new NpgsqlConnection(cs);
        if (useConnection) await connection.OpenAsync();
        while (watch.Elapsed < duration) await operation(connection, Interlocked.Increment(ref counter));
    }));
    done?.Invoke(counter);
    return counter / watch.Elapsed.TotalSeconds;
}

async Task<long> ScalarAsync(string sql)
{
    await using var c = new NpgsqlConnection(cs);
    await c.OpenAsync();
    try { return await c.ExecuteScalarAsync<long>(sql); }
    catch (PostgresException) { return 0; }
}

async Task<(int Count, double P50, double P99, double Max)> LatenessAsync(string sql)
{
    await using var c = new NpgsqlConnection(cs);
    await c.OpenAsync();
    var values = (await c.QueryAsync<double>(sql)).Order().ToList();
    if (values.Count == 0) return (0, double.NaN, double.NaN, double.NaN);
    double At(double q) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(q * values.Count) - 1)];
    return (values.Count, At(0.50), At(0.99), values[^1]);
}

