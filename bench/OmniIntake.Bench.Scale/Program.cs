using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OmniIntake.Core.Calendar;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Events;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Policy;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Classes;
using OmniIntake.Data.Deadlines;
using OmniIntake.Data.FollowUps;
using OmniIntake.Data.Intake;
using OmniIntake.Data.Reports;
using OmniIntake.Data.Reports.Days;
using OmniIntake.Data.Events;
using OmniIntake.Data.Schema;
using OmniIntake.Server.Classes;
using OmniIntake.Server.Deadlines;
using OmniIntake.Server.FollowUps;
using OmniIntake.Server.Outbox;
using OmniIntake.Server.Reports;

// Cost at scale (issue 17 item 6): three years of history (N cases, default 1,000,000) loaded with SQL, then every agent
// and supervisor call and every minutely job timed on it beside the same call on a small database (1,000 cases received
// at the same rate, so the same recent picture without the history), in the same run, on the same server.
// Usage: bench/run-scale.sh [cases=1000000] [samples=20]. OMNIINTAKE_BENCH_KEEP=1 keeps both databases and a later run
// reuses them (migrating them to the current schema first), so before and after a change are timed on the same data.
// OMNIINTAKE_BENCH_ONLY=key,key (the RESULT line's keys without "_p95", "intake" for the intake's part) times only those.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var samples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
const int Small = 1_000;
var server = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_PG") ?? throw new InvalidOperationException("Run bench/run-scale.sh.");
var keep = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_KEEP") == "1";
var only = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_ONLY") is { Length: > 0 } keys ? keys.Split(',').ToHashSet() : null;
bool Selected(string key) => only is null || only.Contains(key);

Console.WriteLine($"OmniIntake scale benchmark: {count:N0} cases (three years) beside {Small:N0}, {samples} samples per call, {Environment.ProcessorCount} cores");
var small = await Hub.OpenAsync(server, "omni_bench_scale_small", Small);
var big = await Hub.OpenAsync(server, $"omni_bench_scale_{count}", count);
Console.WriteLine($"PostgreSQL {big.Version}; shared_buffers {big.Setting("shared_buffers")}, work_mem {big.Setting("work_mem")}, "
                  + $"effective_cache_size {big.Setting("effective_cache_size")}, random_page_cost {big.Setting("random_page_cost")}; big database {big.Size}");

// The hub sequences events and runs the per-day job every minute; the loaded history starts sequenced and the job's watermark
// at its end (nothing is stored yet, so nothing to forget).
foreach (var hub in new[] { small, big })
{
    await new EventSequencer(hub.Database).StampAsync();
    await hub.Days.AdvanceAsync();
}

var rows = new List<(string Key, string Label, Timing Small, Timing Big)>();
async Task Compare(string key, string label, Func<Hub, Func<Task>> call, int? times = null, Func<Hub, Func<Task>>? prepare = null)
{
    if (!Selected(key)) return;
    var s = await TimeAsync(call(small), times ?? samples, prepare?.Invoke(small));
    var b = await TimeAsync(call(big), times ?? samples, prepare?.Invoke(big));
    rows.Add((key, label, s, b));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {label,-44} | {s.P50,8:F1} {s.P95,8:F1} | {b.P50,8:F1} {b.P95,8:F1} | {b.P95 / Math.Max(s.P95, 0.01),6:F1}x"));
}

Console.WriteLine($"  {"call (ms)",-44} | {"small p50",8} {"p95",8} | {"big p50",8} {"p95",8} | p95 big/small");
// The agent's queue with each filter the API offers (GET /api/cases), and the owner's (GET /api/owner/cases).
await Compare("queue", "queue, no filter", h => () => h.Queries.ListAsync(new CaseFilter()));
await Compare("queue_open", "queue, open", h => () => h.Queries.ListAsync(new CaseFilter { OpenOnly = true }));
await Compare("queue_open_department", "queue, a department's open cases", h => () => h.Queries.ListAsync(new CaseFilter { OpenOnly = true, DepartmentId = 3 }));
await Compare("queue_open_unassigned", "queue, open and unassigned", h => () => h.Queries.ListAsync(new CaseFilter { OpenOnly = true, Unclaimed = true }));
await Compare("queue_mine", "queue, mine", h => () => h.Queries.ListAsync(new CaseFilter { ClaimedBy = "agent3" }));
await Compare("queue_status", "queue, status received", h => () => h.Queries.ListAsync(new CaseFilter { Status = "received" }));
await Compare("queue_class", "queue, class major", h => () => h.Queries.ListAsync(new CaseFilter { Class = "major" }));
await Compare("queue_channel", "queue, channel sms, open", h => () => h.Queries.ListAsync(new CaseFilter { Channel = "sms", OpenOnly = true }));
await Compare("queue_day", "queue, received on a day (chart drill-down)", h => () => h.Queries.ListAsync(new CaseFilter
{
    ReceivedFrom = DateTimeOffset.UtcNow.AddDays(-1).Date, ReceivedBefore = DateTimeOffset.UtcNow.Date,
}));
await Compare("queue_owner", "owner's queue (department, with it now)", h => () => h.Queries.ListAsync(new CaseFilter { DepartmentId = 5, WithDepartment = true }));
await Compare("case_file", "case file (a recent case)", h => () => h.Queries.GetAsync(h.RecentCaseKey()));
await Compare("board", "supervisor board", h => () => h.Board.NowAsync());

// At start-up the hub generates the policy's ended periods not stored yet (this month and the two before): timed with
// none stored (each call first forgets them), and with all stored (a restart).
await Compare("startup_reports", "start-up: report generation (none stored)", h => async () =>
{
    await h.ForgetGeneratedReportsAsync();
    await h.ReportGeneration.RunAsync(CancellationToken.None);
}, 3);
await Compare("restart_reports", "start-up: report generation (all stored)", h => () => h.ReportGeneration.RunAsync(CancellationToken.None), 3);

var today = LocalDays.Of(DateTimeOffset.UtcNow, Hub.Intake.Zone);
var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
await Compare("report_month", "report, last month", h => () => h.Reports.PeriodAsync(lastMonth, lastMonth.AddMonths(1), Hub.Intake.Zone), Math.Min(samples, 3));
await Compare("report_year", "report, the last twelve months", h => () => h.Reports.PeriodAsync(today.AddYears(-1), today.AddDays(1), Hub.Intake.Zone),
    Math.Min(samples, 3));
await Compare("trend_day", "trends by day (14)", h => () => h.Trends.TrendAsync(TrendGrain.Day, 14, today, Hub.Intake.Zone), Math.Min(samples, 3));
await Compare("trend_week", "trends by week (8)", h => () => h.Trends.TrendAsync(TrendGrain.Week, 8, today, Hub.Intake.Zone), Math.Min(samples, 3));
await Compare("trend_month", "trends by month (6)", h => () => h.Trends.TrendAsync(TrendGrain.Month, 6, today, Hub.Intake.Zone), Math.Min(samples, 3));

// The minutely jobs, each as Hangfire runs it; two new complaints arrive before each class sweep (its work is what is new).
// A reused database holds the complaints an earlier run's intake part left uncompared: counted as compared, so each sweep
// timed compares its two new ones (not 200 of that backlog).
foreach (var hub in new[] { small, big }) await hub.SettleComparisonsAsync();
await Compare("job_classes", "job: class sweep (2 new complaints)", h => async () => await h.ClassJob.RunAsync(CancellationToken.None),
    Math.Min(samples, 10), h => () => h.NewComplaintsAsync(2));
// The per-day figures' job: it forgets the days of the cases changed since its last run (two new complaints, their
// events sequenced as the hub does) and stores the days that ended.
await Compare("job_report_days", "job: report days (2 new complaints)", h => async () =>
{
    await h.Days.AdvanceAsync();
    await h.Days.FillAsync(today.AddDays(-3), today, Hub.Intake.Zone);
}, Math.Min(samples, 10), h => async () =>
{
    await h.NewComplaintsAsync(2);
    await new EventSequencer(h.Database).StampAsync();
});
await Compare("job_follow_up", "job: follow-up", h => () => h.FollowUps.AskDueAsync(TimeSpan.Zero, t => "https://hub.example.test/followup.html#" + t,
    FollowUpJob.Compose), Math.Min(samples, 10));
await Compare("job_deadlines", "job: deadline sweep", h => () => h.DeadlineSweep.RunAsync(CancellationToken.None), Math.Min(samples, 10));
// Intake: new complaints through the pipeline on 8 connections, then a phone customer's message threading onto their open case.
// Issue 17 item 3: the server's statement statistics cover exactly this part, so the threading look-up is measured alone.
double intakeSmall = 0, intakeBig = 0, lookupSmall = 0, lookupBig = 0;
if (Selected("intake"))
{
    await small.ResetStatementsAsync();
    intakeSmall = await h2(small);
    intakeBig = await h2(big);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  intake, 8 connections, new cases (msg/s)     | {intakeSmall,17:F0} | {intakeBig,17:F0} | {intakeBig / intakeSmall,6:P0} of small"));
    await Compare("thread_phone", "intake: a message onto the sender's open case", h => () => h.ThreadOntoOpenCaseAsync());
    lookupSmall = await small.StatementsAsync("small");
    lookupBig = await big.StatementsAsync("big");
}

var result = new List<string> { $"cases={count}" };
foreach (var (key, _, s, b) in rows) result.Add(string.Create(CultureInfo.InvariantCulture, $"{key}_p95={b.P95:F1} {key}_small_p95={s.P95:F1}"));
if (Selected("intake"))
{
    result.Add(string.Create(CultureInfo.InvariantCulture, $"intake={intakeBig:F0} intake_small={intakeSmall:F0} intake_ratio={intakeBig / intakeSmall:F2}"));
    result.Add(string.Create(CultureInfo.InvariantCulture, $"lookup_mean_ms={lookupBig:F3} lookup_small_mean_ms={lookupSmall:F3}"));
}
Console.WriteLine($"RESULT scale {string.Join(' ', result)}");

await small.DisposeAsync();
await big.DisposeAsync();
if (!keep)
{
    NpgsqlConnection.ClearAllPools();
    await BenchPostgres.RunAsync(server, "DROP DATABASE IF EXISTS omni_bench_scale_small WITH (FORCE)");
    await BenchPostgres.RunAsync(server, $"DROP DATABASE IF EXISTS omni_bench_scale_{count} WITH (FORCE)");
}
return;

async Task<double> h2(Hub hub) => await hub.IntakeRateAsync(8, TimeSpan.FromSeconds(5));

// prepare runs before each call, outside the stopwatch (a job's new work arriving is the intake's cost, not the job's).
static async Task<Timing> TimeAsync(Func<Task> run, int times, Func<Task>? prepare = null)
{
    if (prepare is not null) await prepare();
    await run(); // warm: the first call also pays for plans and cold pages
    var values = new List<double>();
    for (var i = 0; i < times; i++)
    {
        if (prepare is not null) await prepare();
        var watch = Stopwatch.StartNew();
        await run();
        values.Add(watch.Elapsed.TotalMilliseconds);
    }
    values.Sort();
    return new Timing(values[values.Count / 2], values[Math.Min(values.Count - 1, (int)Math.Ceiling(values.Count * 0.95) - 1)]);
}

internal readonly record struct Timing(double P50, double P95);

/// <summary>One loaded database and the hub's read paths and jobs on it, built as the server composes them.</summary>
internal sealed class Hub : IAsyncDisposable
{
    public static readonly IntakeOptions Intake = new();
    private static int _serial;

    // Each run's new complaints from numbers of their own: on a reused database (OMNIINTAKE_BENCH_KEEP=1) the numbers an
    // earlier run used have open cases, and a "new" complaint from one threads onto it (no new case, nothing to compare).
    private static readonly long RunBase = Random.Shared.NextInt64(0, 89_999_999);
    private readonly Dictionary<string, string> _settings;
    private readonly int _cases;
    private readonly Random _random = new(17);

    private Hub(Database database, int cases, string version, string size, Dictionary<string, string> settings)
    {
        Database = database;
        _cases = cases;
        Version = version;
        Size = size;
        _settings = settings;
        var clock = TimeProvider.System;
        var policy = new DefaultDeadlinePolicy(BusinessCalendar.ChinaDefault());
        Queries = new CaseQueries(database);
        Board = new BoardQueries(database, clock);
        // As the hub composes them (issue 17 item 6): reports and trends sum the stored per-day figures.
        Days = new ReportDays(database, clock);
        Reports = new ReportQueries(database, Days);
        Trends = new TrendQueries(Reports, new GeneratedReportStore(database, clock));
        Pipeline = new SqlIntakePipeline(database, Intake, policy, clock, NoEventLogSignal.Instance, NullLogger<SqlIntakePipeline>.Instance);
        var rules = new ClassRules();
        var classSweep = new ClassSweep(database, policy, clock, NoEventLogSignal.Instance, rules);
        ClassJob = new ClassJob(classSweep, new SimilarityWindow(classSweep, new ComplaintSimilarity(), clock), rules, NullLogger<ClassJob>.Instance);
        FollowUps = new FollowUpStore(database, policy, clock, NoEventLogSignal.Instance, new DataProtectionSeal(new EphemeralDataProtectionProvider()));
        var deadlines = new DeadlineStore(database, clock, NoEventLogSignal.Instance);
        DeadlineSweep = new DeadlineSweepJob(deadlines, new DeadlineTimers(deadlines, new DeadlineOptions(), clock, NullLogger<DeadlineTimers>.Instance), new DeadlineOptions(), clock,
            NullLogger<DeadlineSweepJob>.Instance);
        ReportGeneration = new ReportGenerationJob(Reports, new GeneratedReportStore(database, clock), Intake, clock, NullLogger<ReportGenerationJob>.Instance);
    }

    public Database Database { get; }
    public string Version { get; }
    public string Size { get; }
    public CaseQueries Queries { get; }
    public BoardQueries Board { get; }
    public ReportDays Days { get; }
    public ReportQueries Reports { get; }
    public TrendQueries Trends { get; }
    public SqlIntakePipeline Pipeline { get; }
    public ClassJob ClassJob { get; }
    public FollowUpStore FollowUps { get; }
    public DeadlineSweepJob DeadlineSweep { get; }
    public ReportGenerationJob ReportGeneration { get; }

    public string Setting(string name) => _settings.GetValueOrDefault(name, "?");

    /// <summary>Creates and loads the database unless a kept one with the same number of cases is there; migrates it.</summary>
    public static async Task<Hub> OpenAsync(string server, string name, int cases)
    {
        var admin = server.Replace("Database=postgres", "Database=postgres", StringComparison.Ordinal);
        var connectionString = server.Replace("Database=postgres", $"Database={name}", StringComparison.Ordinal) + ";Command Timeout=0;Maximum Pool Size=40";
        bool loaded;
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            loaded = await c.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", new { name });
        }
        if (loaded)
        {
            await using var c = new NpgsqlConnection(connectionString);
            await c.OpenAsync();
            loaded = await c.ExecuteScalarAsync<bool>("SELECT to_regclass('bench_loaded') IS NOT NULL")
                     && await c.ExecuteScalarAsync<long>("SELECT cases FROM bench_loaded") == cases;
        }
        if (!loaded)
        {
            await BenchPostgres.RunAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await BenchPostgres.RunAsync(server, $"CREATE DATABASE {name}");
        }
        var database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString });
        var migrated = Stopwatch.StartNew();
        await new SchemaMigrator(database).MigrateAsync();
        await using (var connection = await database.OpenAsync())
        {
            if (!loaded)
            {
                var load = Stopwatch.StartNew();
                // The search indexes are built after the load from their own definitions (as bench/run-search.sh does): faster.
                var indexes = (await connection.QueryAsync<(string Name, string Definition)>(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN ('cases_search_grams', 'messages_search_grams')")).ToList();
                foreach (var index in indexes) await connection.ExecuteAsync($"DROP INDEX {index.Name}");
                await connection.ExecuteAsync(History.Sql, new { n = cases, open = Math.Min(2000, cases / 2), contacts = cases * 6 / 10 }, commandTimeout: 0);
                foreach (var index in indexes) await connection.ExecuteAsync(index.Definition, commandTimeout: 0);
                await connection.ExecuteAsync("VACUUM ANALYZE", commandTimeout: 0);
                await connection.ExecuteAsync("CREATE TABLE bench_loaded (cases bigint NOT NULL); INSERT INTO bench_loaded VALUES (@cases)", new { cases });
                var counts = await connection.QuerySingleAsync<(long Messages, long Events, long Audit)>(
                    "SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM events), (SELECT count(*) FROM audit)");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"loaded {cases:N0} cases, {counts.Messages:N0} messages, {counts.Events + counts.Audit:N0} events and audit rows into {name} in {load.Elapsed.TotalSeconds:F0} s"));
            }
            else
            {
                // What earlier runs registered (the intake part: thousands of new cases) is closed again, so the open cases are
                // the loaded ~2,000 each time: the board and the open queues measure history, not a growing backlog. Closed,
                // not resolved: a resolved case is due a follow-up, and the follow-up job would time asking thousands.
                await connection.ExecuteAsync($"""
                    UPDATE deadlines SET state = 'met', closed_at = now() WHERE state = 'pending' AND case_id > (SELECT cases FROM bench_loaded);
                    UPDATE cases SET status = 'closed', resolved_at = now(), closed_at = now(), updated_at = now()
                    WHERE id > (SELECT cases FROM bench_loaded) AND ({OpenCases.Where("cases")} OR status = 'resolved');
                    """, commandTimeout: 0);
                await connection.ExecuteAsync("VACUUM ANALYZE", commandTimeout: 0);
                Console.WriteLine($"reusing {name} (migrated and analysed in {migrated.Elapsed.TotalSeconds:F0} s)");
            }
        }
        await using var info = await database.OpenAsync();
        var version = await info.ExecuteScalarAsync<string>("SELECT version()") ?? "";
        var size = await info.ExecuteScalarAsync<string>("SELECT pg_size_pretty(pg_database_size(current_database()))") ?? "";
        var settings = (await info.QueryAsync<(string Name, string Value)>(
                "SELECT name, current_setting(name) FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost')"))
            .ToDictionary(s => s.Name, s => s.Value);
        return new Hub(database, cases, version.Split(" on ")[0], size, settings);
    }

    /// <summary>One of the most recent cases (what agents open), by id.</summary>
    public string RecentCaseKey()
    {
        var i = _cases - _random.Next(0, Math.Min(_cases, 2000));
        return string.Create(CultureInfo.InvariantCulture, $"{i}");
    }

    public async Task ForgetGeneratedReportsAsync()
    {
        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM generated_reports");
    }

    public async Task SettleComparisonsAsync()
    {
        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync("UPDATE cases SET similarity_checked_at = now() WHERE similarity_checked_at IS NULL");
    }

    public async Task NewComplaintsAsync(int n)
    {
        for (var i = 0; i < n; i++)
        {
            var serial = Interlocked.Increment(ref _serial);
            await Pipeline.AcceptAsync(new InboundMessage
            {
                Channel = OmniIntake.Core.Cases.Channel.Sms, ExternalId = $"SMnew{Environment.TickCount64}-{serial}",
                Sender = ContactHandle.Create(ContactHandleKind.Phone, "+86137" + (10_000_000 + (RunBase + serial) % 89_999_999).ToString(CultureInfo.InvariantCulture)),
                Text = serial % 2 == 0 ? "小区停车费收错了，要求退回多收的费用" : "楼上装修噪音太大，晚上十点还在施工", ReceivedAt = DateTimeOffset.UtcNow,
            });
        }
    }

    /// <summary>A message from the phone of one of the open cases' customers: it threads onto that case (the phone rule).</summary>
    public async Task ThreadOntoOpenCaseAsync()
    {
        var serial = Interlocked.Increment(ref _serial);
        var i = _cases - _random.Next(0, Math.Min(_cases / 2, 2000));
        var phone = "+86139" + (1 + (long)i * 7919 % (_cases * 6 / 10)).ToString("D8", CultureInfo.InvariantCulture);
        await Pipeline.AcceptAsync(new InboundMessage
        {
            Channel = OmniIntake.Core.Cases.Channel.Sms, ExternalId = $"SMthread{Environment.TickCount64}-{serial}",
            Sender = ContactHandle.Create(ContactHandleKind.Phone, phone), Text = "补充一下，今天又坏了", ReceivedAt = DateTimeOffset.UtcNow,
        });
    }

    /// <summary>New complaints (each a new number, so a new case: the most expensive path) on N connections for a while.</summary>
    public async Task<double> IntakeRateAsync(int connections, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        var done = 0;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            while (watch.Elapsed < duration)
            {
                await NewComplaintsAsync(1);
                Interlocked.Increment(ref done);
            }
        }));
        return done / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Forgets the server's statement statistics (pg_stat_statements, preloaded by infra/postgres/start.sh).</summary>
    public async Task ResetStatementsAsync()
    {
        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()");
    }

    /// <summary>Prints this database's statements with the most time since the reset; returns the threading look-up's mean (ms).</summary>
    public async Task<double> StatementsAsync(string label)
    {
        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        const string Mine = "FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())";
        Console.WriteLine($"  top statements of the intake on the {label} database (calls, mean ms, rows/call, first 100 chars):");
        foreach (var (calls, mean, rows, query) in await connection.QueryAsync<(long, double, long, string)>(
                     $"SELECT calls, mean_exec_time, rows, regexp_replace(query, '[[:space:]]+', ' ', 'g') {Mine} ORDER BY total_exec_time DESC LIMIT 6"))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {calls,8} {mean,8:F3} {rows / Math.Max(calls, 1),6}  {query[..Math.Min(100, query.Length)]}"));
        // The intake's one read before it writes (IntakeLookup): with the phone rule, as both the new cases and the threading send it.
        return await connection.ExecuteScalarAsync<double?>(
            $"SELECT SUM(total_exec_time) / NULLIF(SUM(calls), 0) {Mine} AND query LIKE '%SELECT cp.case_id FROM case_parties cp%'") ?? 0;
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
