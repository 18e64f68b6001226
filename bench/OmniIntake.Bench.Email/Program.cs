using System.Diagnostics;
using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Npgsql;
using OmniIntake.Channels.Email.Imap;
using OmniIntake.Channels.Email.Ingest;
using OmniIntake.Channels.Email.Parsing;
using OmniIntake.Channels.Email.Setup;
using OmniIntake.Core.Calendar;
using OmniIntake.Core.Events;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Policy;
using OmniIntake.Data;
using OmniIntake.Data.Intake;
using OmniIntake.Data.Outbox;
using OmniIntake.Data.Polling;
using OmniIntake.Data.Raw;
using OmniIntake.Data.Schema;

// The mails are written in GB18030 as well as UTF-8 (Chinese mail clients): both modes need the code pages.
System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

// bench/run-email-latency.sh: APPEND -> case latency with the hub's background jobs running (ImapLatency.cs).
if (args.Length > 0 && args[0] == "latency") return await ImapLatency.RunAsync(args);

// Ingest N messages from a real Dovecot mailbox through the hub (fetch, keep raw, read, intake, flag \Seen, cursor)
// against a raw MailKit fetch of the same messages, same run (issue 3). Usage: bench/run-email.sh [N, default 5000]
var pg = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_PG") ?? throw new InvalidOperationException("Set OMNIINTAKE_BENCH_PG (bench/run-email.sh does).");
var imapSetting = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_IMAP") ?? throw new InvalidOperationException("Set OMNIINTAKE_BENCH_IMAP.");
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var imap = imapSetting.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
var folderName = "bench" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
var mailbox = new ImapMailboxOptions
{
    Host = imap["Host"], Port = int.Parse(imap["Port"], CultureInfo.InvariantCulture), Security = SecureSocketOptions.None,
    Username = imap["Username"], Password = imap["Password"], Folder = folderName,
};

// 1. The mailbox: N realistic complaints (Chinese and English, GB18030 and UTF-8, some with an attachment).
using (var client = await ConnectAsync())
{
    var folder = (await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(folderName, true))!;
    var appendWatch = Stopwatch.StartNew();
    foreach (var chunk in Enumerable.Range(0, count).Chunk(500))
        await folder.AppendAsync(chunk.Select(i => (IAppendRequest)new AppendRequest(Complaint(i))).ToList());
    Console.WriteLine($"OmniIntake e-mail benchmark: {count} messages appended to Dovecot in {appendWatch.Elapsed.TotalSeconds:F1}s; {Environment.ProcessorCount} cores");
}

// 2. The raw baseline: the same messages fetched with MailKit in the same batches, bytes only.
var rawWatch = Stopwatch.StartNew();
long rawBytes = 0;
using (var client = await ConnectAsync())
{
    var folder = (ImapFolder)await client.GetFolderAsync(folderName);
    await folder.OpenAsync(FolderAccess.ReadOnly);
    var uids = await folder.SearchAsync(MailKit.Search.SearchQuery.All);
    foreach (var batch in uids.Chunk(mailbox.BatchSize))
    {
        await folder.FetchAsync(batch, MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.InternalDate);
        await folder.GetStreamsAsync(batch, async (_, _, _, stream, ct) =>
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            rawBytes += buffer.Length;
        });
    }
}
rawWatch.Stop();

// 3. The hub: one sweep of the same mailbox into a fresh PostgreSQL database.
var databaseName = "bench_email_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
await using (var admin = new NpgsqlConnection(pg))
{
    await admin.OpenAsync();
    await using var create = new NpgsqlCommand($"CREATE DATABASE {databaseName}", admin);
    await create.ExecuteNonQueryAsync();
}
var benchConnection = new NpgsqlConnectionStringBuilder(pg) { Database = databaseName }.ToString();
await using var database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = benchConnection });
await new SchemaMigrator(database).MigrateAsync();
var clock = TimeProvider.System;
var options = new EmailChannelOptions { Acknowledge = false, Imap = mailbox };
// As the hub wires it (PersistenceExtensions): every mail a unit of the group-committing runner, the intake joining it.
await using var units = new OmniIntake.Data.Units.GroupCommitUnits(database);
var intake = new SqlIntakePipeline(database, new IntakeOptions(), new DefaultDeadlinePolicy(BusinessCalendar.ChinaDefault()), clock,
    NoEventLogSignal.Instance, NullLogger<SqlIntakePipeline>.Instance, units);
var ingestor = new EmailIngestor(new EmailReader(), new SqlRawMessageStore(database), intake,
    new AutomaticReplies(database, clock, NoEventLogSignal.Instance), options, NullLogger<EmailIngestor>.Instance,
    units: units);
using var sweep = new MailboxSweep(mailbox, options, ingestor, new SqlPollerStateStore(database, clock), clock, NullLogger<MailboxSweep>.Instance);
// 3b. A second baseline: the same fetch, each message stored durably with one plain INSERT (4 connections, as the hub).
await using (var c = new NpgsqlConnection(benchConnection))
{
    await c.OpenAsync();
    await using var create = new NpgsqlCommand("CREATE TABLE bench_raw (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, uid bigint NOT NULL, content bytea NOT NULL)", c);
    await create.ExecuteNonQueryAsync();
}
var storeWatch = Stopwatch.StartNew();
using (var client = await ConnectAsync())
{
    var folder = (ImapFolder)await client.GetFolderAsync(folderName);
    await folder.OpenAsync(FolderAccess.ReadOnly);
    var uids = await folder.SearchAsync(MailKit.Search.SearchQuery.All);
    foreach (var batch in uids.Chunk(mailbox.BatchSize))
    {
        var fetched = new List<(uint Uid, byte[] Bytes)>();
        await folder.GetStreamsAsync(batch, async (_, _, uid, stream, ct) =>
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            fetched.Add((uid.Id, buffer.ToArray()));
        });
        await Parallel.ForEachAsync(fetched, new ParallelOptions { MaxDegreeOfParallelism = mailbox.Parallelism }, async (m, ct) =>
        {
            await using var c = new NpgsqlConnection(benchConnection);
            await c.OpenAsync(ct);
            await using var insert = new NpgsqlCommand("INSERT INTO bench_raw (uid, content) VALUES (@uid, @content)", c);
            insert.Parameters.AddWithValue("uid", (long)m.Uid);
            insert.Parameters.AddWithValue("content", m.Bytes);
            await insert.ExecuteNonQueryAsync(ct);
        });
    }
}
storeWatch.Stop();

var hubWatch = Stopwatch.StartNew();
var result = await sweep.RunAsync(CancellationToken.None);
hubWatch.Stop();

var rawRate = count / rawWatch.Elapsed.TotalSeconds;
var hubRate = result.Taken / hubWatch.Elapsed.TotalSeconds;
Console.WriteLine($"raw MailKit fetch : {count} msgs, {rawBytes / 1024.0 / 1024.0:F1} MiB in {rawWatch.Elapsed.TotalSeconds:F2}s = {rawRate:F0} msg/s");
var storeRate = count / storeWatch.Elapsed.TotalSeconds;
Console.WriteLine($"fetch + INSERT    : {count} msgs in {storeWatch.Elapsed.TotalSeconds:F2}s = {storeRate:F0} msg/s (one durable insert per message)");
Console.WriteLine($"hub ingest        : {result.Taken} taken of {result.Fetched} fetched ({result.Failed} failed) in {hubWatch.Elapsed.TotalSeconds:F2}s = {hubRate:F0} msg/s");
Console.WriteLine($"ratio hub/raw     : {hubRate / rawRate:P1} (hub {hubWatch.Elapsed.TotalMilliseconds / count:F2} ms/msg vs raw {rawWatch.Elapsed.TotalMilliseconds / count:F2} ms/msg)");
Console.WriteLine($"ratio hub/insert  : {hubRate / storeRate:P1}");
if (result.Taken != count) Console.WriteLine($"WARNING: {count - result.Taken} messages not taken");
// Issue 17 item 7: one machine-readable line, so runs can be compared over time.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT email messages={count} taken={result.Taken} failed={result.Failed} raw_fetch={rawRate:F0} fetch_insert={storeRate:F0} hub={hubRate:F0} ratio={hubRate / storeRate:F3}"));

using (var client = await ConnectAsync())
{
    await (await client.GetFolderAsync(folderName)).DeleteAsync();
}
await using (var admin = new NpgsqlConnection(pg))
{
    await admin.OpenAsync();
    NpgsqlConnection.ClearAllPools();
    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)", admin);
    await drop.ExecuteNonQueryAsync();
}
return result.Taken == count ? 0 : 1;

async Task<ImapClient> ConnectAsync()
{
    var client = new ImapClient();
    await client.ConnectAsync(mailbox.Host, mailbox.Port, SecureSocketOptions.None);
    await client.AuthenticateAsync(mailbox.Username, mailbox.Password);
    return client;
}

static MimeMessage Complaint(int i)
{
    var chinese = i % 2 == 0;
    var mail = new MimeMessage
    {
        Subject = chinese ? $"投诉：小区电梯又坏了（{i}）" : $"Complaint: broken lift again ({i})",
        Date = DateTimeOffset.UtcNow,
    };
    mail.From.Add(new MailboxAddress(chinese ? "王先生" : "Mr Smith", $"sender{i}@example.test"));
    mail.To.Add(MailboxAddress.Parse("complaints@hub.example.test"));
    var text = new TextPart("plain");
    if (chinese) text.SetText("GB18030", $"您好，3号楼的电梯已经坏了三天，老人上下楼很不方便，请尽快处理。编号{i}。\n");
    else text.Text = $"Hello, the lift in building 3 has been broken for three days. Please fix it. Ref {i}.\n";
    if (i % 10 != 0)
    {
        mail.Body = text;
        return mail;
    }
    var photo = new MimePart("image", "jpeg") { FileName = "lift.jpg", Content = new MimeContent(new MemoryStream(new byte[20_000])), ContentTransferEncoding = ContentEncoding.Base64 };
    mail.Body = new Multipart("mixed") { text, photo };
    return mail;
}
