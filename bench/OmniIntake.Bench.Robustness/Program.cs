using System.Globalization;
using Npgsql;
using OmniIntake.Testing;
using OmniIntake.Testing.Drills;

// The outside test's experiments, re-run in full (issue 12): every hostile value in every field of every entry point
// plus the malformed shapes, against the hub on its embedded SQLite; then R rounds of kill -9 under SMS load on
// PostgreSQL. Usage: bash bench/run-robustness.sh [scale=5] [rounds=20] [senders=8]
var pg = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_PG") ?? throw new InvalidOperationException("Set OMNIINTAKE_BENCH_PG.");
var scale = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var senders = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
Console.WriteLine($"OmniIntake robustness drill: hostile inputs at scale {scale}, {rounds} kill -9 rounds with {senders} SMS senders, {Environment.ProcessorCount} cores");

await using var twilio = new TwilioStandIn();
var file = Path.Combine(Path.GetTempPath(), $"omniintake-bench-drill-{Guid.NewGuid():N}.db");
var url = ServerProcess.FreeUrl();
const string PipeKey = "bench-pipe-key-0123456789";
HostileInputOutcome hostile;
using (var server = ServerProcess.Start(new Dictionary<string, string?>
{
    ["Database:Provider"] = "Sqlite", ["Database:ConnectionString"] = $"Data Source={file}",
    ["Accounts:BootstrapAdminUsername"] = "admin", ["Accounts:BootstrapAdminPassword"] = "admin-password-for-bench",
    ["Channels:Sms:AccountSid"] = TwilioStandIn.AccountSid, ["Channels:Sms:AuthToken"] = TwilioStandIn.AuthToken,
    ["Channels:Sms:From"] = CrashDrill.OurNumber, ["Channels:Sms:PublicUrl"] = url, ["Channels:Sms:ApiBaseUrl"] = twilio.BaseUrl,
    ["Channels:Email:PipeApiKey"] = PipeKey, ["Logging:LogLevel:Default"] = "Warning",
}, url))
{
    await server.WaitReadyAsync(url, TimeSpan.FromSeconds(90));
    using var target = new DrillTarget(url, PipeKey);
    await target.SignInAsync("admin", "admin-password-for-bench", CancellationToken.None);
    var probes = HostileCatalogue.Build(scale, CrashDrill.OurNumber);
    var watch = System.Diagnostics.Stopwatch.StartNew();
    hostile = await HostileInputDrill.RunAsync(server, target, probes, 4, TimeSpan.FromSeconds(30), CancellationToken.None);
    Console.WriteLine($"{hostile.Summary} in {watch.Elapsed.TotalSeconds:0.0} s");
    foreach (var group in probes.GroupBy(p => p.EntryPoint)) Console.WriteLine($"  {group.Key,-12} {group.Count(),5} probes");
    foreach (var finding in hostile.Findings.Take(50)) Console.WriteLine("  " + finding);
    server.Kill();
}
foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);

var database = "bench_drill_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
await using (var admin = new NpgsqlConnection(pg))
{
    await admin.OpenAsync();
    await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
}
var cs = new NpgsqlConnectionStringBuilder(pg) { Database = database, MaxPoolSize = 64 }.ToString();
var crash = await CrashDrill.RunAsync(cs, rounds, senders, TimeSpan.FromSeconds(3), Console.WriteLine, CancellationToken.None);
Console.WriteLine(crash.Summary);
Console.WriteLine(FormattableString.Invariant(
    $"RESULT robustness hostile_inputs={hostile.Tried} server_errors={hostile.ServerErrors} hangs={hostile.Hangs} crashes={hostile.Crashes} kill9_rounds={crash.Rounds} acknowledged={crash.Acknowledged} lost={crash.Lost} doubled={crash.Doubled} first_answers_missing={crash.FirstAnswersMissing} first_answers_doubled={crash.FirstAnswersDoubled}"));
