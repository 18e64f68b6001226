using System.Text;
using OmniIntake.Channels.Forum.Setup;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Polling;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Intake;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Channels;

/// <summary>Issue 17 items 1 and 2: a feed's posts go in as concurrent units; the cursor never passes one not committed.</summary>
public sealed class ForumBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The real intake, except that one post's first delivery meets a database that is away.</summary>
    private sealed class OnePostFailsOnce(IIntake inner, string externalId) : IIntake
    {
        private int _failed;

        public Task<IntakeResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken = default) =>
            message.ExternalId == externalId && Interlocked.Exchange(ref _failed, 1) == 0
                ? throw new TimeoutException("The database did not answer in time.")
                : inner.AcceptAsync(message, cancellationToken);
    }

    private static byte[] Feed(int posts) =>
        Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>业主论坛</title><link>https://forum.example.test/</link>
            {string.Concat(Enumerable.Range(1, posts).Select(i => $"<item><guid isPermaLink=\"false\">p{i}</guid><title>投诉 {i}</title><link>/t/{i}</link><description><![CDATA[<p>第 {i} 号楼电梯坏了</p>]]></description><dc:creator>owner{i}</dc:creator><pubDate>{DateTimeOffset.UtcNow.AddMinutes(-5):R}</pubDate></item>"))}
            </channel></rss>
            """);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task APostNotCommitted_KeepsTheCursorWhereItWas_AndTheNextPollTakesIt(DatabaseProvider provider)
    {
        await using var feed = new FeedServer();
        feed.Serve(Feed(40));
        var settings = new Dictionary<string, string?>
        {
            ["Channels:Forum:Sources:0:Name"] = "owners", ["Channels:Forum:Sources:0:Url"] = feed.Url, ["Channels:Forum:Sources:0:Scheduled"] = "false",
        };
        await using var host = await HubHost.StartAsync(provider, settings, services => services.AddSingleton<IIntake>(sp =>
            new OnePostFailsOnce(ActivatorUtilities.CreateInstance<SqlIntakePipeline>(sp), "owners:p23")));
        var job = host.Services.GetRequiredService<ForumPollJob>();
        var state = host.Services.GetRequiredService<IPollerStateStore>();

        var first = await job.RunAsync("owners", Ct);

        Assert.NotNull(first.Error);
        Assert.Equal(39, first.Taken); // the others went in; the one that failed failed alone
        Assert.True(await state.CursorAsync("forum:owners", Ct) is null or { Epoch: "\n" }, "the cursor moved past a post not taken");

        await state.RecordAsync("forum:owners", null, Ct); // as if the back-off had passed
        var second = await job.RunAsync("owners", Ct);
        var third = await job.RunAsync("owners", Ct);

        Assert.Equal((false, 1, null), (second.NotModified, second.Taken, second.Error)); // the whole feed again, not a 304
        Assert.True(third.NotModified); // now the cursor holds the feed's validators
        using var agent = await host.ClientAsync(Roles.Agent);
        var cases = (await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases?limit=500", Ct))!;
        Assert.Equal(40, cases.Count);
        Assert.Equal(40, cases.Select(c => c.Subject).Distinct().Count());
    }
}
