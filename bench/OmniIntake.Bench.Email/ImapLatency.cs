using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;
using Npgsql;

/// <summary>
/// Issue 17 item 6: APPEND → case latency with every background job of the hub running. The hub runs as its own
/// process (bench_hub) on a private PostgreSQL, watching a private Dovecot folder over IDLE, all its minutely Hangfire
/// jobs on (class sweep, follow-up, deadline sweep, dialogs, outbox, report days, the mailbox sweep). A history of
/// complaints is taken first, so the class sweep has a window to compare; then mails are appended at a steady rate and
/// each one's delay from its APPEND's OK to its case message in the database is measured, beside Dovecot's own IDLE
/// notice (EXISTS) to a second client in the same run. Usage: bench/run-email-latency.sh [mails=200] [rate/s=2] [history=1000]
/// </summary>
internal static class ImapLatency
{
    public static async Task<int> RunAsync(string[] args)
    {
        var pg = Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_PG") ?? throw new InvalidOperationException("Set OMNIINTAKE_BENCH_PG.");
        var imap = (Environment.GetEnvironmentVariable("OMNIINTAKE_BENCH_IMAP") ?? throw new InvalidOperationException("Set OMNIINTAKE_BENCH_IMAP."))
            .Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var mails = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var rate = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        var history = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1000;
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var folderName = "latency" + stamp;
        var databaseName = "bench_latency_" + stamp;

        async Task<ImapClient> ConnectAsync()
        {
            var client = new ImapClient();
            await client.ConnectAsync(imap["Host"], int.Parse(imap["Port"], CultureInfo.InvariantCulture), SecureSocketOptions.None);
            await client.AuthenticateAsync(imap["Username"], imap["Password"]);
            return client;
        }

        using (var client = await ConnectAsync())
        {
            var folder = (await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(folderName, true))!;
            // The history: complaints of the last weeks the class sweep compares every new one with.
            foreach (var chunk in Enumerable.Range(0, history).Chunk(500))
                await folder.AppendAsync(chunk.Select(i => (IAppendRequest)new AppendRequest(Complaint(i, "h"))).ToList());
        }
        await using (var admin = new NpgsqlConnection(pg))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {databaseName}", admin).ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(pg) { Database = databaseName }.ToString();
        using var hub = BenchHub.Start("http://127.0.0.1:0", cs, new Dictionary<string, string?>
        {
            ["Channels:Email:Imap:Host"] = imap["Host"], ["Channels:Email:Imap:Port"] = imap["Port"], ["Channels:Email:Imap:Security"] = "None",
            ["Channels:Email:Imap:Username"] = imap["Username"], ["Channels:Email:Imap:Password"] = imap["Password"], ["Channels:Email:Imap:Folder"] = folderName,
        });
        var exit = 1;
        try
        {
            await using var db = new NpgsqlConnection(cs);
            await WaitForAsync(db, history, hub, TimeSpan.FromMinutes(5));
            Console.WriteLine($"OmniIntake IMAP latency benchmark: {history} complaints of history taken; now {mails} mails at {rate}/s; {Environment.ProcessorCount} cores");

            // The baseline: Dovecot's own IDLE notice to a second client, the nth EXISTS for the nth appended mail.
            var notices = new ConcurrentDictionary<int, long>();
            using var idler = await ConnectAsync();
            var watched = await idler.GetFolderAsync(folderName);
            await watched.OpenAsync(FolderAccess.ReadOnly);
            var baseCount = watched.Count;
            watched.CountChanged += (_, _) =>
            {
                var now = Stopwatch.GetTimestamp();
                for (var n = baseCount; n < watched.Count; n++) notices.TryAdd(n - baseCount, now);
            };
            using var stopIdle = new CancellationTokenSource();
            var idle = Task.Run(async () =>
            {
                while (!stopIdle.IsCancellationRequested)
                {
                    using var restart = new CancellationTokenSource(TimeSpan.FromMinutes(5));
                    using var done = CancellationTokenSource.CreateLinkedTokenSource(restart.Token, stopIdle.Token);
                    try { await idler.IdleAsync(done.Token); } catch (OperationCanceledException) { }
                }
            });

            // The hub's side: every inbound message's first sight in the database, by its UID.
            var seen = new ConcurrentDictionary<uint, long>();
            using var stopPoll = new CancellationTokenSource();
            var poll = Task.Run(() => PollCasesAsync(cs, seen, stopPoll.Token));

            var appended = new ConcurrentDictionary<int, (uint Uid, long At)>();
            using var appender = await ConnectAsync();
            var target = await appender.GetFolderAsync(folderName);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < mails; i++)
            {
                var wait = TimeSpan.FromSeconds(i / rate) - watch.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                var uid = await target.AppendAsync(Complaint(i, "m"));
                appended[i] = (uid?.Id ?? 0, Stopwatch.GetTimestamp());
            }
            var until = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < until && appended.Values.Any(a => !seen.ContainsKey(a.Uid))) await Task.Delay(100);
            await stopPoll.CancelAsync();
            await stopIdle.CancelAsync();
            await Task.WhenAll(poll.ContinueWith(_ => { }), idle.ContinueWith(_ => { }));

            var hubDelays = Sorted(appended.Values.Where(a => seen.ContainsKey(a.Uid)).Select(a => Ms(a.At, seen[a.Uid])));
            var idleDelays = Sorted(appended.Where(a => notices.ContainsKey(a.Key)).Select(a => Ms(a.Value.At, notices[a.Key])));
            var missing = appended.Values.Count(a => !seen.ContainsKey(a.Uid));
            Console.WriteLine("run                      | mails | p50 ms | p99 ms | max ms");
            Print("Dovecot IDLE notice", idleDelays);
            Print("hub: APPEND -> case", hubDelays);
            if (missing > 0) Console.WriteLine($"WARNING: {missing} mails had no case within 60 s of the last APPEND");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT email_latency mails={mails} rate={rate} history={history} p50={P(hubDelays, 0.5):F0} p99={P(hubDelays, 0.99):F0} max={(hubDelays.Count == 0 ? double.NaN : hubDelays[^1]):F0} idle_p50={P(idleDelays, 0.5):F0} idle_p99={P(idleDelays, 0.99):F0} missing={missing}"));
            exit = missing == 0 ? 0 : 1;
        }
        finally
        {
            await BenchHub.StopAsync(hub);
            NpgsqlConnection.ClearAllPools();
            await using (var admin = new NpgsqlConnection(pg))
            {
                await admin.OpenAsync();
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)", admin).ExecuteNonQueryAsync();
            }
            using var client = await ConnectAsync();
            await (await client.GetFolderAsync(folderName)).DeleteAsync();
        }
        return exit;
    }

    private static double Ms(long from, long to) => Math.Max(0, Stopwatch.GetElapsedTime(from, to).TotalMilliseconds);

    private static List<double> Sorted(IEnumerable<double> values) => [.. values.Order()];

    private static double P(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];

    private static void Print(string what, List<double> d) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-24} | {d.Count,5} | {P(d, 0.5),6:F0} | {P(d, 0.99),6:F0} | {(d.Count == 0 ? double.NaN : d[^1]),6:F0}"));

    /// <summary>Every 20 ms: the inbound messages committed since the last look, by the UID their external id ends with.</summary>
    private static async Task PollCasesAsync(string cs, ConcurrentDictionary<uint, long> seen, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync(cancellationToken);
        long last = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using (var command = new NpgsqlCommand("SELECT id, external_id FROM messages WHERE direction = 'inbound' AND id > @last ORDER BY id", connection))
            {
                command.Parameters.AddWithValue("last", last);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var now = Stopwatch.GetTimestamp();
                while (await reader.ReadAsync(cancellationToken))
                {
                    last = reader.GetInt64(0);
                    var id = reader.GetString(1);
                    if (uint.TryParse(id.AsSpan(id.LastIndexOf('/') + 1), CultureInfo.InvariantCulture, out var uid)) seen.TryAdd(uid, now);
                }
            }
            try { await Task.Delay(20, cancellationToken); } catch (OperationCanceledException) { return; }
        }
    }

    private static async Task WaitForAsync(NpgsqlConnection db, int count, Process hub, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (hub.HasExited) throw new InvalidOperationException("The hub exited.");
            try
            {
                if (db.State != System.Data.ConnectionState.Open) await db.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM messages WHERE direction = 'inbound'", db);
                if ((long)(await command.ExecuteScalarAsync())! >= count) return;
            }
            catch (PostgresException)
            {
                // The hub has not migrated the schema yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The hub did not take the {count} mails of history in {timeout}.");
    }

    /// <summary>Varied complaints (Chinese and English, several topics), so the class sweep has real comparing to do.</summary>
    private static MimeMessage Complaint(int i, string prefix)
    {
        string[] zh = ["小区电梯又坏了，老人上下楼很不方便", "楼下餐馆油烟太大，窗户都不能开", "夜里施工噪音扰民，孩子睡不着", "停车费乱收费，没有任何票据",
            "自来水发黄有异味，已经一个星期了", "垃圾堆在门口没人清理，气味难闻", "物业服务态度差，报修三次没人来", "供暖温度不达标，家里只有十五度"];
        string[] en = ["The lift in building 3 has been broken for days", "Noise from the construction site all night", "Parking fees charged without receipts",
            "The tap water is brown and smells", "Rubbish has not been collected for two weeks", "The heating does not reach the promised temperature"];
        var chinese = i % 2 == 0;
        var topic = chinese ? zh[i / 2 % zh.Length] : en[i / 2 % en.Length];
        var mail = new MimeMessage { Subject = chinese ? $"投诉：{topic[..6]}（{prefix}{i}）" : $"Complaint: {topic} ({prefix}{i})", Date = DateTimeOffset.UtcNow };
        mail.From.Add(new MailboxAddress(chinese ? "王先生" : "Mr Smith", $"{prefix}sender{i}@example.test"));
        mail.To.Add(MailboxAddress.Parse("complaints@hub.example.test"));
        var text = new TextPart("plain");
        if (chinese) text.SetText("GB18030", $"您好，{topic}，请尽快处理。编号{prefix}{i}。\n");
        else text.Text = $"Hello, {topic}. Please deal with it. Ref {prefix}{i}.\n";
        mail.Body = text;
        return mail;
    }
}
