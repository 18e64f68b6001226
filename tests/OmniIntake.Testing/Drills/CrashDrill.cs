using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace OmniIntake.Testing.Drills;

/// <summary>What the crash drill counted. Lost: acknowledged (2xx to the provider) but not stored. Doubled: stored
/// twice, or a case opened twice. The first answer (case number and first question) must reach every new case once.</summary>
public sealed record CrashOutcome(int Rounds, int Acknowledged, int Lost, int Doubled, int FirstAnswersMissing, int FirstAnswersDoubled, int StandInViolations)
{
    public string Summary =>
        $"kill -9 rounds {Rounds}: acknowledged {Acknowledged}, lost {Lost}, doubled {Doubled}; first answers missing {FirstAnswersMissing}, doubled {FirstAnswersDoubled}";
}

/// <summary>
/// Senders post Twilio-signed SMS webhooks at a hub on PostgreSQL and, as Twilio does, send a message again until it is
/// acknowledged; meanwhile the hub is killed with SIGKILL at random moments and started again on the same address.
/// At the end every acknowledged message must be in the database exactly once, and every new case must have been
/// answered once (its number and the first question).
/// </summary>
public static class CrashDrill
{
    public const string OurNumber = "+8610010010000";

    public static async Task<CrashOutcome> RunAsync(string connectionString, int rounds, int senders, TimeSpan meanUptime,
        Action<string> log, CancellationToken cancellationToken)
    {
        await using var twilio = new TwilioStandIn();
        var url = ServerProcess.FreeUrl();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connectionString,
            ["Accounts:BootstrapAdminUsername"] = "drill", ["Accounts:BootstrapAdminPassword"] = "drill-password-only",
            ["Channels:Sms:AccountSid"] = TwilioStandIn.AccountSid, ["Channels:Sms:AuthToken"] = TwilioStandIn.AuthToken, ["Channels:Sms:From"] = OurNumber,
            ["Channels:Sms:PublicUrl"] = url, ["Channels:Sms:ApiBaseUrl"] = twilio.BaseUrl, ["Channels:Sms:MessagesPerMinutePerNumber"] = "100000",
            ["Outbox:PollInterval"] = "00:00:00.200", ["Logging:LogLevel:Default"] = "Warning",
        };
        var server = ServerProcess.Start(settings, url);
        await server.WaitReadyAsync(url, TimeSpan.FromSeconds(90));

        var acknowledged = new ConcurrentDictionary<string, string>(); // MessageSid -> phone
        var next = 0;
        using var stopSending = new CancellationTokenSource();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(15) };
        var sending = Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            while (!stopSending.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref next);
                var phone = "+86139" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture);
                var form = TwilioWebhook.IncomingSms(phone, OurNumber, $"3号楼电梯坏了（第{i}条）");
                // Twilio sends a message again until it is acknowledged: so does the drill, through every crash.
                while (!await DeliveredAsync(http, url, form, cancellationToken)) await Task.Delay(100, cancellationToken);
                acknowledged[form["MessageSid"]] = phone;
            }
        }, cancellationToken)).ToList();

        var random = new Random(20261201);
        for (var round = 1; round <= rounds; round++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(meanUptime.TotalMilliseconds * (0.5 + random.NextDouble())), cancellationToken);
            server.Kill();
            server.Dispose();
            log($"round {round}: killed with {acknowledged.Count} acknowledged");
            server = ServerProcess.Start(settings, url);
            await server.WaitReadyAsync(url, TimeSpan.FromSeconds(90));
        }
        await Task.Delay(meanUptime, cancellationToken);
        await stopSending.CancelAsync();
        await Task.WhenAll(sending);

        try
        {
            // Settle: the outbox sends what was committed; a sweep may complete what a crash interrupted.
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            CrashOutcome outcome;
            do
            {
                await Task.Delay(1000, cancellationToken);
                outcome = await CountAsync(connectionString, acknowledged, rounds, twilio.Violations.Count, cancellationToken);
            }
            while (outcome.FirstAnswersMissing > 0 && DateTime.UtcNow < until);
            if (server.HasExited) log("the server had exited at the end:\n" + server.Output);
            return outcome;
        }
        finally
        {
            server.Dispose();
        }
    }

    private static async Task<bool> DeliveredAsync(HttpClient http, string url, Dictionary<string, string> form, CancellationToken ct)
    {
        using var request = TwilioWebhook.SignedRequest(url, form);
        try
        {
            using var response = await http.SendAsync(request, ct);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return false; // the hub is down (killed): Twilio would retry
        }
    }

    private static async Task<CrashOutcome> CountAsync(string connectionString, ConcurrentDictionary<string, string> acknowledged, int rounds,
        int violations, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var stored = new Dictionary<string, int>();
        await using (var command = new NpgsqlCommand("SELECT external_id, COUNT(*) FROM messages WHERE direction = 'inbound' AND channel = 'sms' GROUP BY external_id", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) stored[reader.GetString(0)] = (int)reader.GetInt64(1);
        }
        // Per new case: how many hub messages carry its number (the receipt with the first question).
        var answers = new List<long>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT (SELECT COUNT(*) FROM messages o WHERE o.case_id = c.id AND o.direction = 'outbound' AND o.body_text LIKE '%' || c.number || '%')
            FROM cases c WHERE c.channel = 'sms'
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) answers.Add(reader.GetInt64(0));
        }
        long casesPerPhone;
        await using (var command = new NpgsqlCommand(
            "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(DISTINCT m.case_id) n FROM messages m WHERE m.direction = 'inbound' AND m.channel = 'sms' GROUP BY m.sender) x", connection))
            casesPerPhone = (long)(await command.ExecuteScalarAsync(ct))!;
        var lost = acknowledged.Keys.Count(sid => !stored.ContainsKey(sid));
        var doubled = stored.Values.Count(n => n > 1) + (casesPerPhone > 1 ? 1 : 0);
        return new CrashOutcome(rounds, acknowledged.Count, lost, doubled, answers.Count(n => n == 0), answers.Count(n => n > 1), violations);
    }
}
