using System.Diagnostics;
using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OmniIntake.Channels.Forum.Polling;
using OmniIntake.Channels.Forum.Setup;
using OmniIntake.Core.Calendar;
using OmniIntake.Core.Events;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Policy;
using OmniIntake.Data;
using OmniIntake.Data.Intake;
using OmniIntake.Data.Polling;
using OmniIntake.Data.Schema;
using OmniIntake.Testing;

// A feed of N items (default 10,000) served locally, polled once by the hub's FeedPoller into PostgreSQL, beside the
// raw feed library (SyndicationFeed.Load) parsing the same bytes, same run: items/s and memory. Usage: bench/run-forum.sh [N]
var pg = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_PG") ?? throw new InvalidOperationException("Set OMNIINTAKE_BENCH_PG (bench/run-forum.sh does).");
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>业主论坛</title><link>https://forum.example.test/</link>");
for (var i = 0; i < count; i++)
{
    xml.Append(CultureInfo.InvariantCulture, $"<item><guid isPermaLink=\"false\">post-{i}</guid><title>投诉：{i} 号楼电梯又坏了</title><link>/t/{i}</link>")
        .Append(CultureInfo.InvariantCulture, $"<description><![CDATA[<p>第 {i} 号楼的电梯坏了三天，<b>没人修</b>。Complaint {i}: the lift is broken.</p>]]></description>")
        .Append(CultureInfo.InvariantCulture, $"<dc:creator>owner{i}</dc:creator><category>物业</category><pubDate>{DateTimeOffset.UtcNow.AddMinutes(-i % 600):R}</pubDate></item>");
}
var bytes = Encoding.UTF8.GetBytes(xml.Append("</channel></rss>").ToString());

// The raw baseline: the library parsing the same bytes, every item's text read.
var rawAllocated = GC.GetTotalAllocatedBytes(true);
var rawWatch = Stopwatch.StartNew();
var feed = SyndicationFeed.Load(XmlReader.Create(new MemoryStream(bytes)));
var rawItems = feed.Items.Count(item => item.Summary?.Text.Length > 0);
rawWatch.Stop();
rawAllocated = GC.GetTotalAllocatedBytes(true) - rawAllocated;

var database = "bench_forum_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
await using (var admin = new NpgsqlConnection(pg))
{
    await admin.OpenAsync();
    await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
}
var cs = new NpgsqlConnectionStringBuilder(pg) { Database = database }.ToString();
await using var db = new Database(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = cs });
await new SchemaMigrator(db).MigrateAsync();
await using var server = new FeedServer();
server.Serve(bytes);
var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
var clock = TimeProvider.System;
// As the hub wires it (PersistenceExtensions): every post a unit of the group-committing runner, the intake joining it.
await using var units = new OmniIntake.Data.Units.GroupCommitUnits(db);
var intake = new SqlIntakePipeline(db, new IntakeOptions(), new DefaultDeadlinePolicy(BusinessCalendar.ChinaDefault()), clock, NoEventLogSignal.Instance,
    NullLogger<SqlIntakePipeline>.Instance, units);
var poller = new FeedPoller(services.GetRequiredService<IHttpClientFactory>(), intake, new SqlPollerStateStore(db, clock), new OmniIntake.Data.Raw.SqlRawMessageStore(db), clock,
    NullLogger<FeedPoller>.Instance, units);
var source = new FeedSourceOptions { Name = "bench", Url = server.Url };
var hubAllocated = GC.GetTotalAllocatedBytes(true);
var hubWatch = Stopwatch.StartNew();
var result = await poller.PollAsync(source, CancellationToken.None);
hubWatch.Stop();
hubAllocated = GC.GetTotalAllocatedBytes(true) - hubAllocated;
var again = Stopwatch.StartNew();
var second = await poller.PollAsync(source, CancellationToken.None);
again.Stop();

Console.WriteLine($"OmniIntake forum benchmark: a feed of {count} items ({bytes.Length / 1024.0 / 1024.0:F1} MiB), {Environment.ProcessorCount} cores");
Console.WriteLine($"raw SyndicationFeed.Load : {rawItems} items in {rawWatch.Elapsed.TotalSeconds:F2}s = {rawItems / rawWatch.Elapsed.TotalSeconds:F0} items/s, {rawAllocated / 1024.0 / 1024.0:F0} MiB allocated");
Console.WriteLine($"hub poll (fetch, parse, filter, intake into PostgreSQL): {result.Taken} taken of {result.Items} in {hubWatch.Elapsed.TotalSeconds:F2}s = {result.Taken / hubWatch.Elapsed.TotalSeconds:F0} items/s, {hubAllocated / 1024.0 / 1024.0:F0} MiB allocated");
Console.WriteLine($"ratio hub/raw: {result.Taken / hubWatch.Elapsed.TotalSeconds / (rawItems / rawWatch.Elapsed.TotalSeconds):P2}; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB");
Console.WriteLine($"second poll: {(second.NotModified ? "304 Not Modified" : $"{second.Taken} taken")} in {again.Elapsed.TotalMilliseconds:F0} ms");
// Issue 17 item 7: one machine-readable line, so runs can be compared over time.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT forum items={count} taken={result.Taken} raw={rawItems / rawWatch.Elapsed.TotalSeconds:F0} hub={result.Taken / hubWatch.Elapsed.TotalSeconds:F0} ratio={result.Taken / hubWatch.Elapsed.TotalSeconds / (rawItems / rawWatch.Elapsed.TotalSeconds):F4} second_poll_ms={again.Elapsed.TotalMilliseconds:F0}"));
NpgsqlConnection.ClearAllPools();
await using (var admin = new NpgsqlConnection(pg))
{
    await admin.OpenAsync();
    await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
}
return result.Taken == count ? 0 : 1;
