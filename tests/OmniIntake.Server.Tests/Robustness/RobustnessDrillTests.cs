using OmniIntake.Data;
using OmniIntake.Testing;
using OmniIntake.Testing.Drills;

namespace OmniIntake.Server.Tests.Robustness;

/// <summary>
/// The short form of the outside test's experiments (issue 12), run by CI: every entry point fed hostile values and
/// malformed shapes (no 5xx, no hang, no crash), and SIGKILL under SMS load (nothing lost, nothing doubled, every new
/// case answered once). The long form with its figures: bash bench/run-robustness.sh.
/// </summary>
public sealed class RobustnessDrillTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HostileInputs_OnEveryEntryPoint_AreAnsweredWithoutServerErrorHangOrCrash()
    {
        await using var twilio = new TwilioStandIn();
        var file = Path.Combine(Path.GetTempPath(), $"omniintake-drill-{Guid.NewGuid():N}.db");
        var url = ServerProcess.FreeUrl();
        const string pipeKey = "drill-pipe-key-0123456789";
        using var server = ServerProcess.Start(new Dictionary<string, string?>
        {
            // The embedded default: SQLite is where one slow write locks out every other.
            ["Database:Provider"] = "Sqlite", ["Database:ConnectionString"] = $"Data Source={file}",
            ["Accounts:BootstrapAdminUsername"] = "admin", ["Accounts:BootstrapAdminPassword"] = "admin-password-for-drill",
            ["Channels:Sms:AccountSid"] = TwilioStandIn.AccountSid, ["Channels:Sms:AuthToken"] = TwilioStandIn.AuthToken,
            ["Channels:Sms:From"] = CrashDrill.OurNumber, ["Channels:Sms:PublicUrl"] = url, ["Channels:Sms:ApiBaseUrl"] = twilio.BaseUrl,
            ["Channels:Email:PipeApiKey"] = pipeKey, ["Logging:LogLevel:Default"] = "Warning",
        }, url);
        try
        {
            await server.WaitReadyAsync(url, TimeSpan.FromSeconds(90));
            using var target = new DrillTarget(url, pipeKey);
            await target.SignInAsync("admin", "admin-password-for-drill", Ct);
            var catalogue = HostileCatalogue.Build(1, CrashDrill.OurNumber);
            // Short form: every shape, and a fifth of the value x field combinations (a different fifth each value).
            var probes = catalogue.Where((p, i) => !p.Name.Contains('=', StringComparison.Ordinal) || i % 5 == 0).ToList();

            var outcome = await HostileInputDrill.RunAsync(server, target, probes, concurrency: 4, hangAfter: TimeSpan.FromSeconds(30), Ct);

            TestContext.Current.TestOutputHelper?.WriteLine(outcome.Summary);
            Assert.True(outcome is { ServerErrors: 0, Hangs: 0, Crashes: 0, ProbeFaults: 0 },
                outcome.Summary + "\n" + string.Join("\n", outcome.Findings.Take(40)) + (server.HasExited ? "\n" + server.Output : ""));
            Assert.True(outcome.Tried >= 300, outcome.Summary);
            // Still serving staff and ready afterwards. (A new sign-in as admin from here is locked out: the drill's
            // wrong admin passwords locked this address out of that name, as the lockout rule says.)
            Assert.Equal(System.Net.HttpStatusCode.OK, (await target.Staff.GetAsync(new Uri("/api/cases", UriKind.Relative), Ct)).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await target.Anonymous.GetAsync(new Uri("/readyz", UriKind.Relative), Ct)).StatusCode);
        }
        finally
        {
            server.Kill();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        }
    }

    [Fact]
    public async Task KilledRepeatedlyUnderSmsLoad_NothingLostNothingDoubled_EveryNewCaseAnsweredOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);

        var outcome = await CrashDrill.RunAsync(database.Options.ConnectionString, rounds: 3, senders: 4, meanUptime: TimeSpan.FromSeconds(2),
            line => TestContext.Current.TestOutputHelper?.WriteLine(line), Ct);

        TestContext.Current.TestOutputHelper?.WriteLine(outcome.Summary);
        Assert.True(outcome.Acknowledged > 0, outcome.Summary);
        Assert.Equal((0, 0, 0, 0, 0), (outcome.Lost, outcome.Doubled, outcome.FirstAnswersMissing, outcome.FirstAnswersDoubled, outcome.StandInViolations));
    }
}
