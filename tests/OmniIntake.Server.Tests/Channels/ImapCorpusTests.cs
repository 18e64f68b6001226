using MimeKit;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Intake;
using OmniIntake.Data;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Channels;

/// <summary>The whole shared MIME corpus through a real mailbox: every message ends up taken or set aside, none failed.</summary>
public sealed class ImapCorpusTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCorpus_ThroughDovecot_IsTakenOrSetAside_NothingFails()
    {
        await using var mailbox = await TestMailbox.CreateAsync(Ct);
        var appended = 0;
        foreach (var file in SharedTestData.EmailCorpus())
        {
            MimeMessage message;
            try
            {
                message = await MimeMessage.LoadAsync(SharedTestData.Open(file), Ct);
            }
            catch (FormatException)
            {
                continue; // not appendable through MimeKit; the reader's own corpus test covers it
            }
            await mailbox.AppendAsync(message, Ct);
            appended++;
        }
        var settings = TestMailServers.HubSettings(mailbox.Name);
        settings["Channels:Email:Acknowledge"] = "false";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Postgres, settings);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);

        var kept = await TestCalls.WithinAsync(TimeSpan.FromSeconds(60), async () =>
        {
            var list = (await supervisor.GetFromJsonAsync<List<StoredRawMessage>>("/api/channels/raw?limit=1000", Ct))!;
            return list.Count == appended && list.All(r => r.Disposition != RawDisposition.Received) ? list : null;
        }, $"{appended} messages settled");
        Assert.True(appended >= 40, $"only {appended} corpus messages appended");
        Assert.Empty(kept.Where(r => r.Disposition == RawDisposition.Failed).Select(r => $"{r.ExternalId}: {r.Error}"));
        Assert.Equal(4, kept.Count(r => r.Disposition == RawDisposition.SetAside)); // two bounces, a read receipt, an abuse report
    }
}
