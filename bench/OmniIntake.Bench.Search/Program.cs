using System.Diagnostics;
using System.Globalization;
using Dapper;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Search;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Schema;
using OmniIntake.Data.Search;

// Loads N cases (1.5 messages each) into PostgreSQL with SQL, builds the indexes of migration 0030 as shipped, then
// times CaseSearch (the code behind GET /api/cases/search) per kind of query beside a plain indexed lookup of a case
// by its number in the same run. The queue's old q= (CaseQueries.ListAsync) is timed once per kind, for the record.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var samples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
var server = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_PG") ?? throw new InvalidOperationException("Run bench/run-search.sh.");
const string Name = "omni_bench_search";
await BenchPostgres.RunAsync(server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
await BenchPostgres.RunAsync(server, $"CREATE DATABASE {Name}");
var connectionString = server.Replace("Database=postgres", $"Database={Name}", StringComparison.Ordinal) + ";Command Timeout=0";
await using var database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString });
await new SchemaMigrator(database).MigrateAsync();

var load = Stopwatch.StartNew();
await using (var connection = await database.OpenAsync())
{
    // The search indexes are dropped while loading and rebuilt from their own definitions (migration 0030) after.
    var indexes = (await connection.QueryAsync<(string Name, string Definition)>(
        """
        SELECT indexname, indexdef FROM pg_indexes
        WHERE indexname IN ('cases_received_id', 'cases_search_grams', 'messages_search_grams', 'cases_number_prefix', 'cases_number_suffix', 'cases_contact_phone', 'cases_contact_email')
        """)).ToList();
    foreach (var index in indexes) await connection.ExecuteAsync($"DROP INDEX {index.Name}");
    await connection.ExecuteAsync(Load.Sql, new { n = count }, commandTimeout: 0);
    Console.WriteLine($"loaded {count:N0} cases, {await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM messages"):N0} messages in {load.Elapsed.TotalSeconds:F0} s");
    foreach (var index in indexes)
    {
        var built = Stopwatch.StartNew();
        await connection.ExecuteAsync(index.Definition, commandTimeout: 0);
        Console.WriteLine($"index {index.Name}: {built.Elapsed.TotalSeconds:F0} s");
    }
    await connection.ExecuteAsync("VACUUM ANALYZE", commandTimeout: 0);
}

var intake = new IntakeOptions();
var search = new CaseSearch(database, intake);
var random = new Random(15);
int Pick() => random.Next(1, count + 1);
string Serial(int i) => i.ToString("D5", CultureInfo.InvariantCulture);
string NumberOf(int i) => $"TS-{Load.Day(i):yyyyMMdd}-{Serial(i)}";
string Phone(int i) { var d = "139" + i.ToString("D8", CultureInfo.InvariantCulture); return $"{d[..3]} {d[3..7]} {d[7..]}"; }

var kinds = new (string Key, string Label, Func<string> Query)[]
{
    ("number", "full number", () => NumberOf(Pick())),
    ("partial", "part of a number (day-serial)", () => { var i = Pick(); return $"{Load.Day(i):yyyyMMdd}-{Serial(i)}"; }),
    ("phone", "phone typed with spaces", () => Phone(Pick())),
    ("nowhere", "a word found nowhere", () => random.Next(2) == 0 ? "量子纠缠" : "xylophone"),
    ("chinese", "a Chinese place (~0.06% of cases)", () => Load.Place(Pick())),
    ("common", "a common Chinese word (in 20% of the cases)", () => "停车"),
};

var results = new List<string>();
await using (var connection = await database.OpenAsync())
{
    var baseline = await TimeAsync(async () => await connection.QuerySingleAsync<long>("SELECT id FROM cases WHERE number = @n", new { n = NumberOf(Pick()) }));
    Print("plain indexed lookup (cases.number =)", baseline);
    results.Add($"lookup_p95_ms={baseline.P95:F1}");
}
foreach (var (key, label, query) in kinds)
{
    var found = 0;
    var timing = await TimeAsync(async () =>
    {
        if (!SearchTerms.TryParse(query(), out var terms, out var error)) throw new InvalidOperationException(error);
        var page = await search.SearchAsync(new CaseSearchRequest { Terms = terms, PageSize = 25 });
        found += page.Items.Count;
    });
    Print($"search: {label}", timing, $"{found / (double)(samples + 3):F1} hits per page");
    results.Add(string.Create(CultureInfo.InvariantCulture, $"{key}_p50_ms={timing.P50:F1} {key}_p95_ms={timing.P95:F1}"));
}
var queue = new CaseQueries(database);
foreach (var (label, q) in new[] { ("full number", NumberOf(Pick())), ("phone", "13900012345"), ("a word found nowhere", "量子纠缠") })
{
    var once = Stopwatch.StartNew();
    await queue.ListAsync(new CaseFilter { Search = q, Limit = 50 });
    Console.WriteLine($"  before: queue q= {label,-40} once {once.Elapsed.TotalMilliseconds,9:F1} ms");
}
Console.WriteLine($"RESULT search cases={count} {string.Join(' ', results)}");
// OMNIINTAKE_BENCH_KEEP=1 keeps the loaded database to EXPLAIN a query by hand.
if (Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_KEEP") != "1") await BenchPostgres.RunAsync(server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");

async Task<Timing> TimeAsync(Func<Task> run)
{
    for (var i = 0; i < 3; i++) await run();
    var times = new List<double>();
    for (var i = 0; i < samples; i++)
    {
        var watch = Stopwatch.StartNew();
        await run();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return new Timing(times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)]);
}

static void Print(string label, Timing t, string? note = null) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-50} p50 {t.P50,8:F1} ms  p95 {t.P95,8:F1} ms  {note}"));

internal readonly record struct Timing(double P50, double P95);

/// <summary>The generated data: case i is received on day <see cref="Day"/>, by contact i with phone +86139{i:D8}.</summary>
internal static class Load
{
    public static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // 40 x 40 two-character place names: each names 1/1600 of the cases.
    public const string Syllables = "东西南北中安平和华兴龙凤金银山水明光福寿春秋星月天海江湖松竹梅兰云霞长宁泰康乐嘉";

    public static DateTime Day(int i) => Start.AddMinutes(i);

    public static string Place(int i) => $"{Syllables[i % 40]}{Syllables[i / 40 % 40]}花园";

    public const string Sql = """
        INSERT INTO contacts (name, created_at)
        SELECT (ARRAY['王','李','张','刘','陈'])[1 + i % 5] || '先生' || i, now() FROM generate_series(1, @n) i;
        INSERT INTO contact_handles (kind, value, contact_id)
        SELECT 'phone', '+86139' || lpad(i::text, 8, '0'), i FROM generate_series(1, @n) i;
        INSERT INTO cases (number, channel, status, class, contact_id, complainant_name, contact_phone, location, received_at,
                           last_inbound_at, updated_at, resolved_at, closed_at)
        SELECT 'TS-' || to_char(d, 'YYYYMMDD') || '-' || lpad(i::text, greatest(5, length(i::text)), '0'),
               (ARRAY['phone','email','sms','chat','forum'])[1 + i % 5],
               (ARRAY['received','forwarded','answered','resolved','closed'])[1 + (i / 7) % 5], 'general', i,
               (ARRAY['王','李','张','刘','陈'])[1 + i % 5] || '先生' || i, '+86139' || lpad(i::text, 8, '0'),
               substr('东西南北中安平和华兴龙凤金银山水明光福寿春秋星月天海江湖松竹梅兰云霞长宁泰康乐嘉', 1 + i % 40, 1)
                 || substr('东西南北中安平和华兴龙凤金银山水明光福寿春秋星月天海江湖松竹梅兰云霞长宁泰康乐嘉', 1 + (i / 40) % 40, 1) || '花园'
                 || (1 + i % 30) || '号楼',
               d, d, d, CASE WHEN (i / 7) % 5 >= 3 THEN d + interval '2 days' END, CASE WHEN (i / 7) % 5 = 4 THEN d + interval '3 days' END
        FROM (SELECT i, timestamptz '2024-01-01 00:00:00+00' + i * interval '1 minute' AS d FROM generate_series(1, @n) i) s;
        INSERT INTO messages (case_id, direction, channel, sender, body_text, attachments, created_at)
        SELECT c.id, 'inbound', c.channel, c.contact_phone,
               (ARRAY['小区停车费收错了，要求退回多收的费用', '楼上装修噪音太大，晚上十点还在施工', '电梯经常故障，老人上下楼很不方便',
                      '物业管理费上涨没有提前通知业主', '外墙渗水，卧室墙面发霉', '快递柜收费不合理', '绿化带被占用改成了停车位但没有公示',
                      'The heating does not work since Monday', '垃圾清运不及时，夏天味道很大', '门禁卡补办要等两周'])[1 + c.id % 10]
               || '。订单' || c.id || '，联系我 139' || lpad(c.id::text, 8, '0'), '[]', c.received_at
        FROM cases c;
        INSERT INTO messages (case_id, direction, channel, sender, author, body_text, attachments, created_at)
        SELECT c.id, 'outbound', c.channel, 'agent', 'agent', '您好，您的投诉已受理，案件编号 ' || c.number || '，我们会尽快处理。', '[]', c.received_at + interval '10 minutes'
        FROM cases c WHERE c.id % 2 = 0;
        SELECT setval('case_serial', @n);
        """;
}
