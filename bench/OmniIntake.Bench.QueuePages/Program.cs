using System.Diagnostics;
using System.Globalization;
using Dapper;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Schema;

// The agent's queue with N open cases (issue 14 item 6) among M closed ones in PostgreSQL, loaded with SQL: the first
// screen (GET /api/cases/queue's first page of 200, QueuePages.ReadAsync) and scrolling through every page to the end,
// beside a plain indexed SELECT of 200 open cases (the partial index cases_open, no deadline, no sort) in the same run.
// The browser's part (virtualised rows) is measured by bench/run-workspace-queue.sh.
var open = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var closed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 90_000;
var samples = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30;
var server = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_PG") ?? throw new InvalidOperationException("Run bench/run-queue-pages.sh.");
const string Name = "omni_bench_queue_pages";
const int PageSize = 200;
await BenchPostgres.RunAsync(server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
await BenchPostgres.RunAsync(server, $"CREATE DATABASE {Name}");
var connectionString = server.Replace("Database=postgres", $"Database={Name}", StringComparison.Ordinal) + ";Command Timeout=0";
await using var database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString });
await new SchemaMigrator(database).MigrateAsync();

await using (var connection = await database.OpenAsync())
{
    await connection.ExecuteAsync(
        """
        INSERT INTO contacts (name, created_at) SELECT '王先生' || i, now() FROM generate_series(1, @total) i;
        INSERT INTO cases (number, channel, status, class, contact_id, complainant_name, received_at, last_inbound_at, updated_at)
        SELECT 'TS-20261201-' || lpad(i::text, 6, '0'), 'phone',
               CASE WHEN i <= @closed THEN 'closed' WHEN i % 5 = 0 THEN 'forwarded' ELSE 'received' END, 'general', i, '王先生' || i,
               now() - (@total - i) * interval '1 minute', now(), now()
        FROM generate_series(1, @total) i;
        INSERT INTO deadlines (case_id, kind, due_at, rule, state, warn_at)
        SELECT c.id, 'forward', c.received_at + interval '2 hours', 'policy 5.2.2', CASE WHEN c.status = 'received' THEN 'pending' ELSE 'met' END,
               c.received_at + interval '90 minutes'
        FROM cases c;
        INSERT INTO deadlines (case_id, kind, due_at, rule, state, warn_at)
        SELECT c.id, 'ownerAnswer', c.received_at + interval '5 days', 'policy 5.2.3', 'pending', c.received_at + interval '4 days'
        FROM cases c WHERE c.status = 'forwarded';
        """, new { total = open + closed, closed }, commandTimeout: 0);
    await connection.ExecuteAsync("VACUUM ANALYZE", commandTimeout: 0);
}
Console.WriteLine($"OmniIntake queue pages: {open:N0} open cases among {open + closed:N0}, pages of {PageSize}, {samples} samples, {Environment.ProcessorCount} cores");
Console.WriteLine("what                                              | p50 ms | p95 ms");

var pages = new QueuePages(database);
var results = new List<string>();
await using (var connection = await database.OpenAsync())
{
    var baseline = await TimeAsync(async () => await connection.QueryAsync<long>(
        $"SELECT id FROM cases WHERE status IN ('received', 'forwarded', 'answered') ORDER BY id LIMIT {PageSize}"));
    Print("baseline: plain indexed SELECT of 200 open ids", baseline);
    results.Add(F($"select_p50_ms={baseline.P50:F1} select_p95_ms={baseline.P95:F1}"));
}
var first = await TimeAsync(async () =>
{
    var page = await pages.ReadAsync(new QueueFilter { Limit = PageSize });
    if (page.Total != open || page.Cases.Count != PageSize) throw new InvalidOperationException($"first page: {page.Cases.Count} of {page.Total}");
});
Print("queue: first screen (first page, total, cursor)", first);
results.Add(F($"first_page_p50_ms={first.P50:F1} first_page_p95_ms={first.P95:F1}"));

// Scrolling to the end: every page after the first, read with the previous page's cursor, all cases exactly once.
var perPage = new List<double>();
var whole = new List<double>();
for (var run = 0; run < Math.Max(3, samples / 10); run++)
{
    var seen = new HashSet<long>();
    var all = Stopwatch.StartNew();
    QueueCursor? after = null;
    string? next;
    do
    {
        var started = Stopwatch.GetTimestamp();
        var page = await pages.ReadAsync(new QueueFilter { Limit = PageSize, After = after });
        perPage.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        foreach (var c in page.Cases) if (!seen.Add(c.Id)) throw new InvalidOperationException($"case {c.Id} twice");
        next = page.Next;
        after = next is null ? null : QueueCursor.TryParse(next, out var cursor) ? cursor : throw new InvalidOperationException(next);
    }
    while (next is not null);
    whole.Add(all.Elapsed.TotalMilliseconds);
    if (seen.Count != open) throw new InvalidOperationException($"scrolled through {seen.Count} of {open}");
}
var scroll = Summary(perPage);
Print($"queue: each next page while scrolling ({open / PageSize} pages)", scroll);
Print("queue: scrolling through all pages to the end", Summary(whole));
results.Add(F($"next_page_p50_ms={scroll.P50:F1} next_page_p95_ms={scroll.P95:F1} all_pages_p50_ms={Summary(whole).P50:F0}"));
Console.WriteLine($"RESULT queue-pages open={open} page={PageSize} " + string.Join(' ', results));
await BenchPostgres.RunAsync(server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");

async Task<(double P50, double P95)> TimeAsync(Func<Task> action)
{
    for (var i = 0; i < 3; i++) await action(); // warm-up
    var times = new List<double>();
    for (var i = 0; i < samples; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    return Summary(times);
}

static (double P50, double P95) Summary(List<double> times)
{
    var sorted = times.Order().ToList();
    return (sorted[(sorted.Count - 1) / 2], sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1]);
}

static void Print(string what, (double P50, double P95) t) =>
    Console.WriteLine(F($"{what,-50}| {t.P50,6:F1} | {t.P95,6:F1}"));

static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
