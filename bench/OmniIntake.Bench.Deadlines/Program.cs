using System.Diagnostics;
using System.Globalization;
using Dapper;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using OmniIntake.Data;
using OmniIntake.Bench.Deadlines;
using OmniIntake.Data.Schema;

// Deadline firing benchmark (issue 6): N open forwarding deadlines spread over S seconds, fired by the real hub
// (its Hangfire sweep and precise timers) in a child process; printed beside the raw baseline of the same run:
// Hangfire delayed jobs, one per deadline, for a sample of the same due times.
// Usage: bench/run-deadlines.sh [deadlines=100000] [spread seconds=600] [baseline jobs=2000]
var server = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_PG") ?? throw new InvalidOperationException("Set OMNIINTAKE_BENCH_PG.");
var hubDll = Environment.GetEnvironmentVariable("OMNIINTAKE_HUB_DLL") ?? throw new InvalidOperationException("Set OMNIINTAKE_HUB_DLL.");
var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var spread = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 600);
var baselineJobs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;

var name = "bench_deadlines_" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await admin.ExecuteAsync($"CREATE DATABASE {name}");
}
var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
await using var database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = cs });
await new SchemaMigrator(database).MigrateAsync();

// The rows the hub would have written, made in bulk: the engine does not care how they arrived.
var lead = TimeSpan.FromSeconds(45); // time for the hub to start
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
var hub = Process.Start(new ProcessStartInfo("dotnet", $"\"{hubDll}\"")
{
    Environment =
    {
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:5391", ["Database__Provider"] = "Postgres", ["Database__ConnectionString"] = cs,
        ["Accounts__BootstrapAdminUsername"] = "bench", ["Accounts__BootstrapAdminPassword"] = "bench-password-only",
        ["Logging__LogLevel__Default"] = "Warning",
    },
    RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
})!;
hub.OutputDataReceived += (_, _) => { };
hub.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("hub: " + e.Data); };
hub.BeginOutputReadLine();
hub.BeginErrorReadLine();

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

var ours = await LatenessAsync("SELECT EXTRACT(EPOCH FROM (closed_at - due_at)) * 1000 FROM deadlines WHERE state = 'breached'");
var theirs = await LatenessAsync("SELECT EXTRACT(EPOCH FROM (fired_at - due_at)) * 1000 FROM baseline_fired");
var hubJobs = await ScalarAsync("SELECT count(*) FROM hangfire.job") - hubJobsAtStart;
var early = await ScalarAsync("SELECT count(*) FROM deadlines WHERE state = 'breached' AND closed_at < due_at");
var twice = await ScalarAsync("SELECT count(*) FROM (SELECT case_id FROM audit WHERE action = 'deadline.breached' GROUP BY case_id HAVING count(*) > 1) x");
Console.WriteLine();
Console.WriteLine("                         |  fired |   p50 ms |   p99 ms |   max ms | jobs added");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hub sweep + timers       | {ours.Count,6} | {ours.P50,8:F0} | {ours.P99,8:F0} | {ours.Max,8:F0} | {hubJobs,10}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Hangfire delayed job (1s)| {theirs.Count,6} | {theirs.P50,8:F0} | {theirs.P99,8:F0} | {theirs.Max,8:F0} | {baselineJobs,10}"));
Console.WriteLine($"fired early: {early}; fired twice: {twice}; not fired: {n - ours.Count}");
// Issue 17 item 7: one machine-readable line, so runs can be compared over time.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT deadlines deadlines={n} fired={ours.Count} p50={ours.P50:F0} p99={ours.P99:F0} max={ours.Max:F0} jobs_added={hubJobs} early={early} twice={twice} hangfire_p50={theirs.P50:F0} hangfire_p99={theirs.P99:F0}"));

hub.Kill(entireProcessTree: true);
await hub.WaitForExitAsync();
hangfire.SendStop();
NpgsqlConnection.ClearAllPools();
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await admin.ExecuteAsync($"DROP DATABASE {name} WITH (FORCE)");
}
return;

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

