using System.Net;
using System.Text;
using System.Text.Json;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Channels;

/// <summary>
/// Issue 12: a forum source polled only by hand (Scheduled: false) could not be polled at all, and an item without a
/// guid, link or id was dropped without trace. Supervisors poll any source now; what cannot be taken is set aside visibly.
/// </summary>
public sealed class ForumPollNowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> ByHand(FeedServer feed) => new()
    {
        ["Channels:Forum:Sources:0:Name"] = "owners", ["Channels:Forum:Sources:0:Url"] = feed.Url, ["Channels:Forum:Sources:0:Scheduled"] = "false",
    };

    [Fact]
    public async Task ASupervisor_PollsASourcePolledOnlyByHand_AndSeesTakenAndSetAside()
    {
        await using var feed = new FeedServer();
        feed.Serve(Encoding.UTF8.GetBytes("""
            <rss version="2.0"><channel><title>业主论坛</title>
            <item><guid isPermaLink="false">p1</guid><title>电梯坏了</title><description>3号楼电梯坏了三天</description></item>
            <item><title>停车费乱收</title><description>没有收据</description></item>
            <item><category>物业</category></item>
            </channel></rss>
            """));
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, ByHand(feed));
        using var supervisor = await host.ClientAsync(Roles.Supervisor);

        var sources = await supervisor.GetFromJsonAsync<JsonElement>("/api/channels/forum", Ct);
        var polled = await supervisor.PostAsync("/api/channels/forum/owners/poll", null, Ct);

        var source = Assert.Single(sources.EnumerateArray());
        Assert.Equal(("owners", false), (source.GetProperty("name").GetString(), source.GetProperty("scheduled").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, polled.StatusCode);
        var result = await polled.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((3, 2, 0, 1), (result.GetProperty("items").GetInt32(), result.GetProperty("taken").GetInt32(), result.GetProperty("ignored").GetInt32(),
            result.GetProperty("setAside").GetInt32()));
        using var agent = await host.ClientAsync(Roles.Agent);
        var cases = (await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!;
        Assert.Equal(["停车费乱收", "电梯坏了"], cases.Select(c => c.Subject).Order()); // the item without guid or link is taken
        var failed = await supervisor.GetFromJsonAsync<JsonElement>("/api/channels/raw?disposition=failed", Ct);
        var aside = Assert.Single(failed.EnumerateArray(), m => m.GetProperty("channel").GetInt32() == (int)Core.Cases.Channel.Forum);
        Assert.Contains("nothing to take", aside.GetProperty("error").GetString(), StringComparison.Ordinal);
        var xml = await supervisor.GetStringAsync($"/api/channels/raw/{aside.GetProperty("id").GetInt64()}/content", Ct);
        Assert.Contains("<category>物业</category>", xml, StringComparison.Ordinal);

        var again = await (await supervisor.PostAsync("/api/channels/forum/owners/poll", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(again.GetProperty("notModified").GetBoolean() || again.GetProperty("taken").GetInt32() == 0); // nothing taken twice
        var unknown = await supervisor.PostAsync("/api/channels/forum/nosuch/poll", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("nosuch", (await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync("/api/channels/forum/owners/poll", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task PollNow_DoesNotWaitOutTheBackOff()
    {
        await using var feed = new FeedServer();
        feed.FailWith = 503;
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, ByHand(feed));
        using var supervisor = await host.ClientAsync(Roles.Supervisor);

        var failed = await (await supervisor.PostAsync("/api/channels/forum/owners/poll", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        feed.FailWith = null;
        feed.Serve("<rss version=\"2.0\"><channel><item><guid>p1</guid><title>电梯坏了</title></item></channel></rss>"u8.ToArray());
        var recovered = await (await supervisor.PostAsync("/api/channels/forum/owners/poll", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Contains("503", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, recovered.GetProperty("taken").GetInt32());
        Assert.Equal(2, feed.Requests);
    }
}
