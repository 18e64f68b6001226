using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Policy;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Events;
using OmniIntake.Core.Intake;
using OmniIntake.Data;
using OmniIntake.Data.Intake;
using OmniIntake.Data.Schema;
using OmniIntake.Data.Units;

// Intake rate through the pipeline into PostgreSQL against a plain single-row durable INSERT loop, same connection
// counts, same run (issue 2); then, with N open deadlines preloaded (issue 6: "100,000 open deadlines without slowing
// intake"), the same at 8 connections. Usage: bench/run-intake.sh [seconds per measurement] [open deadlines, default 0]
var server = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_PG")
             ?? throw new InvalidOperationException("Set OMNIINTAKE_BENCH_PG (bench/run-intake.sh does).");
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var openDeadlines = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
int[] concurrencies = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_CONNS") is { Length: > 0 } conns
    ? conns.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray() : [1, 8, 32];

var databaseName = "bench_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await admin.ExecuteAsync($"CREATE DATABASE {databaseName}");
}
var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = databaseName, MaxPoolSize = 64 }.ToString();
await using var database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString });
await new SchemaMigrator(database).MigrateAsync();
await using (var c = new NpgsqlConnection(connectionString))
{
    await c.OpenAsync();
    await c.ExecuteAsync("""
        CREATE TABLE bench_raw (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, channel text NOT NULL, external_id text NOT NULL,
                                body text NOT NULL, created_at timestamptz NOT NULL);
        CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
        """);
    foreach (var experiment in (Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_SQL") ?? "").Split(";;", StringSplitOptions.RemoveEmptyEntries))
        await c.ExecuteAsync(experiment);
}
// Issue 17 item 2: the pipeline as the hub builds it, each intake a unit of the group-committing runner.
await using var units = new GroupCommitUnits(database);
var pipeline = new SqlIntakePipeline(database, new IntakeOptions(), new DefaultDeadlinePolicy(BusinessCalendar.ChinaDefault()), TimeProvider.System, NoEventLogSignal.Instance,
    NullLogger<SqlIntakePipeline>.Instance, units);

Console.WriteLine($"OmniIntake intake benchmark: {seconds}s per measurement, PostgreSQL {await ServerVersionAsync()}, {Environment.ProcessorCount} cores");
Console.WriteLine("conns | raw insert/s | pipeline msg/s | ratio | commits/msg | statements/msg | raw commits/row | units/batch");
var result = new List<string>(); // issue 17 item 7: the figures of the closing RESULT line
// Warm-up, then ANALYZE as autovacuum does within its first minute on a deployment: measured straight away on a new
// database, the intake ran on the plans PostgreSQL cached for its empty tables (the threading look-up scanned every
// case: 0.16-0.57 ms a call instead of 0.02, and the first runs measured 621-630 msg/s at 32 connections instead of ~1,600).
var warmUp = Stopwatch.StartNew();
await MeasureAsync(8, (_, i) => AcceptAsync(8, " (warm-up)", i), useConnection: false, TimeSpan.FromSeconds(3));
await using (var c = new NpgsqlConnection(connectionString))
{
    await c.OpenAsync();
    await c.ExecuteAsync("ANALYZE -- every table (a single word would be taken by Dapper for a procedure)\n");
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warmed up (3 s of intake at 8 connections, then ANALYZE) in {warmUp.Elapsed.TotalSeconds:F1}s"));
foreach (var n in concurrencies) await CompareAsync(n, "");
if (openDeadlines > 0)
{
    var loaded = Stopwatch.StartNew();
    await using (var c = new NpgsqlConnection(connectionString))
    {
        await c.OpenAsync();
        // Open cases whose forwarding deadlines fall due over the next hour, as a busy centre would hold.
        await c.ExecuteAsync($"""
            INSERT INTO contacts (name, created_at) VALUES ('bench', now());
            INSERT INTO cases (number, channel, status, class, contact_id, received_at, last_inbound_at, updated_at)
            SELECT 'PRE-' || g, 'sms', 'received', 'general', (SELECT max(id) FROM contacts), now(), now(), now() FROM generate_series(1, {openDeadlines}) g;
            INSERT INTO deadlines (case_id, kind, due_at, rule, state, warn_at)
            SELECT id, 'forward', now() + random() * interval '1 hour', 'bench', 'pending', now() + random() * interval '48 minutes'
            FROM cases WHERE number LIKE 'PRE-%';
            ANALYZE;
            """, commandTimeout: 600);
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"preloaded {openDeadlines:N0} open deadlines in {loaded.Elapsed.TotalSeconds:F1}s; again at 8 connections:"));
    await CompareAsync(8, $" ({openDeadlines:N0} open)");
}

async Task CompareAsync(int n, string label)
{
    var raw = await MeasureAsync(n, async (connection, i) =>
    {
        await connection.ExecuteAsync("INSERT INTO bench_raw (channel, external_id, body, created_at) VALUES ('sms', @id, @body, now())",
            new { id = $"raw-{n}{label.Length}-{i}", body = "小区电梯坏了三天，没人修" });
    }, useConnection: true);
    var batchesBefore = units.Counts;
    var piped = await MeasureAsync(n, (_, i) => AcceptAsync(n, label, i), useConnection: false);
    var batched = units.Counts;
    var perBatch = (batched.BatchedUnits - batchesBefore.BatchedUnits) / (double)Math.Max(1, batched.Batches - batchesBefore.Batches);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{n,5} | {raw.Rate,12:F0} | {piped.Rate,14:F0} | {piped.Rate / raw.Rate,5:P0} | {piped.CommitsPerOp,11:F2} | {piped.StatementsPerOp,14:F1} | {raw.CommitsPerOp,15:F2} | {perBatch,11:F1}{label}"));
    var key = label.Length == 0 ? $"c{n}" : $"c{n}_open{openDeadlines}";
    result.Add(string.Create(CultureInfo.InvariantCulture,
        $"raw_{key}={raw.Rate:F0} hub_{key}={piped.Rate:F0} ratio_{key}={piped.Rate / raw.Rate:F2} commits_{key}={piped.CommitsPerOp:F2} statements_{key}={piped.StatementsPerOp:F1}"));
}

// Where the server's time went: the statements with the most total execution time.
await using (var c = new NpgsqlConnection(connectionString))
{
    await c.OpenAsync();
    Console.WriteLine("top statements by total time (calls, mean ms, total ms, first 90 chars):");
    foreach (var (calls, mean, total, query) in await c.QueryAsync<(long, double, double, string)>(
                 "SELECT calls, mean_exec_time, total_exec_time, regexp_replace(query, '[[:space:]]+', ' ', 'g') FROM pg_stat_statements " +
                 "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT 8"))
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {calls,8} {mean,8:F3} {total,9:F0}  {query[..Math.Min(90, query.Length)]}"));
}

Console.WriteLine($"RESULT intake seconds={seconds} {string.Join(' ', result)}");

// bench/run-intake-floor.sh: the server logs every statement (with its parameters) of ONE intake, marked by its external
// id, and the database is kept; the script replays those statements with pgbench, without this process (the floor).
if (Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_FLOOR") is { Length: > 0 } marker)
{
    await using (var c = new NpgsqlConnection(connectionString))
    {
        await c.OpenAsync();
        await c.ExecuteAsync("ALTER SYSTEM SET log_statement = 'all' -- while the marked intake runs\n");
        await c.ExecuteAsync("ALTER SYSTEM SET log_parameter_max_length = -1 -- every parameter whole\n");
        await c.ExecuteAsync("SELECT pg_reload_conf()");
    }
    await Task.Delay(500); // the reload reaches the backends asynchronously
    await pipeline.AcceptAsync(new InboundMessage
    {
        Channel = Channel.Sms, ExternalId = marker, Sender = ContactHandle.Create(ContactHandleKind.Phone, "+8613999999999"),
        Text = "小区电梯坏了三天，没人修", ReceivedAt = DateTimeOffset.UtcNow,
    });
    await using (var c = new NpgsqlConnection(connectionString))
    {
        await c.OpenAsync();
        await c.ExecuteAsync("ALTER SYSTEM RESET log_statement -- back to the cluster's own\n");
        await c.ExecuteAsync("ALTER SYSTEM RESET log_parameter_max_length -- back to the cluster's own\n");
        await c.ExecuteAsync("SELECT pg_reload_conf()");
    }
    Console.WriteLine($"floor database: {databaseName}");
    return;
}

await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    NpgsqlConnection.ClearAllPools();
    await admin.ExecuteAsync($"DROP DATABASE {databaseName} WITH (FORCE)");
}
return;

// A new number every time: each message opens a new case, the most expensive path.
Task AcceptAsync(int n, string label, int i) => pipeline.AcceptAsync(new InboundMessage
{
    Channel = Channel.Sms,
    ExternalId = $"SM{n}{label.Length}-{i}",
    Sender = ContactHandle.Create(ContactHandleKind.Phone, "+86139" + (10_000_000 + i % 89_999_999).ToString(CultureInfo.InvariantCulture)),
    Text = "小区电梯坏了三天，没人修",
    ReceivedAt = DateTimeOffset.UtcNow,
});

async Task<Measurement> MeasureAsync(int connections, Func<NpgsqlConnection, int, Task> operation, bool useConnection, TimeSpan? duration = null)
{
    var before = await StatsAsync();
    var stopwatch = Stopwatch.StartNew();
    var stopAt = duration ?? TimeSpan.FromSeconds(seconds);
    var counter = 0;
    var workers = Enumerable.Range(0, connections).Select(async _ =>
    {
        await using var connection = new NpgsqlConnection(connectionString);
        if (useConnection) await connection.OpenAsync();
        while (stopwatch.Elapsed < stopAt)
        {
            var i = Interlocked.Increment(ref counter);
            await operation(connection, i);
        }
    });
    await Task.WhenAll(workers);
    var elapsed = stopwatch.Elapsed.TotalSeconds;
    var after = await StatsAsync();
    return new Measurement(counter / elapsed, (after.Commits - before.Commits) / (double)counter,
        (after.Statements - before.Statements) / (double)counter);
}

async Task<(long Commits, long Statements)> StatsAsync()
{
    await using var c = new NpgsqlConnection(connectionString);
    await c.OpenAsync();
    // pg_stat_database lags by up to stats_fetch; force a fresh snapshot.
    await c.ExecuteAsync("SELECT pg_stat_clear_snapshot()");
    var commits = await c.ExecuteScalarAsync<long>("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
    var statements = await c.ExecuteScalarAsync<long>(
        "SELECT COALESCE(SUM(calls), 0)::bigint FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())");
    return (commits, statements);
}

async Task<string> ServerVersionAsync()
{
    await using var c = new NpgsqlConnection(connectionString);
    await c.OpenAsync();
    return c.ServerVersion;
}

internal sealed record Measurement(double Rate, double CommitsPerOp, double StatementsPerOp);
