using System.Text;
using OmniIntake.Channels.Forum.Setup;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Cases;
using OmniIntake.Server.Channels;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Channels;

/// <summary>Forum sources polled from a local server with ETag support (issue 8).</summary>
public sealed class ForumPollTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Settings(FeedServer feed, params string[] keywords)
    {
        // Polled by hand only: the two-minute schedule firing during a test would take the posts first (seen in CI).
        var settings = new Dictionary<string, string?>
        {
            ["Channels:Forum:Sources:0:Name"] = "owners", ["Channels:Forum:Sources:0:Url"] = feed.Url, ["Channels:Forum:Sources:0:Scheduled"] = "false",
        };
        for (var i = 0; i < keywords.Length; i++) settings[$"Channels:Forum:Sources:0:Keywords:{i}"] = keywords[i];
        return settings;
    }

    private static byte[] Feed(params (string Id, string Title, string Text, string Author, string Link)[] items) =>
        Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>业主论坛</title><link>https://forum.example.test/</link>
            {string.Concat(items.Select(i => $"<item><guid isPermaLink=\"false\">{i.Id}</guid><title>{i.Title}</title><link>{i.Link}</link><description><![CDATA[<p>{i.Text}</p>]]></description><dc:creator>{i.Author}</dc:creator><pubDate>{DateTimeOffset.UtcNow.AddMinutes(-5):R}</pubDate></item>"))}
            </channel></rss>
            """);

    private static Task<OmniIntake.Channels.Forum.Polling.FeedPollResult> PollAsync(HubHost host) =>
        host.Services.GetRequiredService<ForumPollJob>().RunAsync("owners", Ct);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task FirstPoll_TakesThePosts_ThenAConditionalGetTakesNothing_AndOnlyNewPostsLater(DatabaseProvider provider)
    {
        await using var feed = new FeedServer();
        feed.Serve(Feed(("p1", "电梯坏了", "3号楼电梯坏了三天", "wang", "/t/1"), ("p2", "停车费太贵", "停车费乱收", "li", "/t/2")));
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var host = await HubHost.StartAsync(database, ownsDatabase: false, Settings(feed)))
        {
            var first = await PollAsync(host);
            var second = await PollAsync(host);

            Assert.Equal((2, 2), (first.Items, first.Taken));
            Assert.True(second.NotModified);
            Assert.Equal(1, feed.NotModifiedAnswers);
            using var agent = await host.ClientAsync(Roles.Agent);
            var cases = (await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!;
            Assert.Equal(["停车费太贵", "电梯坏了"], cases.Select(c => c.Subject).Order());
            Assert.All(cases, c => Assert.Equal("forum", c.Channel));
        }

        // A restart: the cursor (ETag) and the ids carry over; replies in the same thread, the poster's or a
        // neighbour's (a public thread), join its case.
        feed.Serve(Feed(("p1", "电梯坏了", "3号楼电梯坏了三天", "wang", "/t/1"), ("p2", "停车费太贵", "停车费乱收", "li", "/t/2"),
            ("p3", "回复：电梯坏了", "今天还是没修", "wang", "/t/1#post-3"), ("p4", "回复：电梯坏了", "我家也是", "zhao", "/t/1#post-4")));
        await using var again = await HubHost.StartAsync(database, ownsDatabase: false, Settings(feed));
        var third = await PollAsync(again);
        Assert.Equal((4, 2), (third.Items, third.Taken));
        using var agent2 = await again.ClientAsync(Roles.Agent);
        var all = (await agent2.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!;
        Assert.Equal(2, all.Count);
        var lift = (await agent2.GetFromJsonAsync<CaseDetail>($"/api/cases/{all.Single(c => c.Subject == "电梯坏了").Number}", Ct))!;
        Assert.Equal(3, lift.Messages.Count(m => m.Direction == "inbound"));
        Assert.Contains(lift.Deadlines, d => d.Kind == "forward"); // the forum window (policy 5.3.1) runs from the post
    }

    [Fact]
    public async Task Filters_IgnoreButCountTheRest()
    {
        await using var feed = new FeedServer();
        feed.Serve(Feed(("p1", "投诉：电梯", "坏了", "wang", "/t/1"), ("p2", "Selling a bike", "cheap", "bob", "/t/2"), ("p3", "Complaint: noise", "at night", "amy", "/t/3")));
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings(feed, "投诉", "complaint"));

        var result = await PollAsync(host);

        Assert.Equal((3, 2, 1), (result.Items, result.Taken, result.Ignored));
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var poller = Assert.Single((await supervisor.GetFromJsonAsync<List<PollerView>>("/api/channels/pollers", Ct))!);
        Assert.Equal((2L, 1L), (poller.Taken, poller.Ignored));
    }

    [Fact]
    public async Task AFailingSource_IsShownToSupervisors_BacksOff_AndRecovers()
    {
        await using var feed = new FeedServer();
        feed.FailWith = 503;
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings(feed));

        var failed = await PollAsync(host);
        var backedOff = await PollAsync(host);

        Assert.Contains("503", failed.Error, StringComparison.Ordinal);
        Assert.Equal("backing off", backedOff.Error);
        Assert.Equal(1, feed.Requests); // the backoff sent nothing
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var poller = Assert.Single((await supervisor.GetFromJsonAsync<List<PollerView>>("/api/channels/pollers", Ct))!);
        Assert.Equal(("forum:owners", 1), (poller.Name, poller.Failures));
        Assert.Contains("503", poller.LastError, StringComparison.Ordinal);

        // Malformed content is a failure with the reason too, and nothing half-taken.
        feed.FailWith = null;
        feed.Serve("<html>maintenance</html>"u8.ToArray());
        await host.Services.GetRequiredService<Core.Polling.IPollerStateStore>().RecordAsync("forum:owners", null, Ct); // as if the backoff had passed
        var malformed = await PollAsync(host);
        Assert.Contains("could not be read", malformed.Error, StringComparison.Ordinal);

        feed.Serve(Feed(("p1", "电梯坏了", "3号楼电梯坏了三天", "wang", "/t/1")));
        await host.Services.GetRequiredService<Core.Polling.IPollerStateStore>().RecordAsync("forum:owners", null, Ct);
        Assert.Equal(1, (await PollAsync(host)).Taken);
    }

    [Fact]
    public async Task TheReply_IsPostedByHand_AndOnlyTheRecordOfThePostMeetsThePublicReplyDeadline()
    {
        await using var feed = new FeedServer();
        feed.Serve(Feed(("p1", "电梯坏了", "3号楼电梯坏了三天", "wang", "/t/1")));
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, Settings(feed));
        await PollAsync(host);
        using var agent = await host.ClientAsync(Roles.Agent);
        var opened = Assert.Single((await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases", Ct))!);
        (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/forward", new ForwardRequest(await DepartmentAsync(host), null), Ct)).EnsureSuccessStatusCode();

        (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/reply", new ReplyRequest("客户服务中心：已通知物业维修。"), Ct)).EnsureSuccessStatusCode();
        var manual = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), async () =>
            (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.Number}", Ct))!.Messages.FirstOrDefault(m => m.DeliveryStatus == "manual"),
            "the reply marked for posting by hand");
        Assert.Contains("forum thread", manual.DeliveryError, StringComparison.Ordinal);
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.Number}", Ct))!;
        Assert.Equal("pending", detail.Deadlines.Single(d => d.Kind == "publicReply").State); // writing it is not posting it

        var bad = await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/public-reply", new PublicReplyRequest("not a link"), Ct);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/public-reply", new PublicReplyRequest("https://forum.example.test/t/1#post-9"), Ct))
            .EnsureSuccessStatusCode();
        detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.Number}", Ct))!;
        Assert.Equal("met", detail.Deadlines.Single(d => d.Kind == "publicReply").State);
        Assert.Contains(detail.Audit, a => a.Action == "case.public-reply" && a.Detail.Contains("post-9", StringComparison.Ordinal));
    }

    private static async Task<long> DepartmentAsync(HubHost host)
    {
        using var admin = await host.ClientAsync(Roles.Admin);
        var response = await admin.PostAsJsonAsync("/api/departments", new { code = "property", name = "物业" }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task ADiscourseForum_ItsLatestPostsAreTaken_ByTopic_WithItsApiKey()
    {
        await using var feed = new FeedServer();
        var fixture = await File.ReadAllBytesAsync(SharedTestData.Path("forums/discourse/posts.json"), Ct);
        feed.Serve(fixture);
        var expected = System.Text.Json.JsonDocument.Parse(fixture).RootElement.GetProperty("latest_posts").GetArrayLength();
        var settings = new Dictionary<string, string?>
        {
            ["Channels:Forum:Sources:0:Name"] = "owners", ["Channels:Forum:Sources:0:Kind"] = "Discourse", ["Channels:Forum:Sources:0:Scheduled"] = "false",
            ["Channels:Forum:Sources:0:Url"] = feed.Url.Replace("/feed.xml", "/", StringComparison.Ordinal),
            ["Channels:Forum:Sources:0:ApiKey"] = "placeholder-api-key", ["Channels:Forum:Sources:0:ApiUsername"] = "service-centre",
        };
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings);

        var first = await PollAsync(host);
        var second = await PollAsync(host);

        Assert.Equal((expected, expected), (first.Items, first.Taken));
        Assert.True(second.NotModified);
        Assert.Equal("/posts.json", feed.LastRequest!.Value.Path);
        Assert.Equal(("placeholder-api-key", "service-centre"), (feed.LastRequest.Value.Headers["Api-Key"], feed.LastRequest.Value.Headers["Api-Username"]));
        using var agent = await host.ClientAsync(Roles.Agent);
        var cases = (await agent.GetFromJsonAsync<List<CaseSummary>>("/api/cases?limit=500", Ct))!;
        Assert.InRange(cases.Count, 1, expected); // one author's posts in one topic share a case
        var one = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{cases[0].Number}", Ct))!;
        Assert.Contains("/t/", one.Messages[0].BodyText, StringComparison.Ordinal); // the post's link is on the case

        // The agent's reply is posted in the topic through the API, in the centre's name; its link is the public reply.
        (await agent.PostAsJsonAsync($"/api/cases/{one.Case.Id}/forward", new ForwardRequest(await DepartmentAsync(host), null), Ct)).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/api/cases/{one.Case.Id}/reply", new ReplyRequest("客户服务中心：已转交物业处理。"), Ct)).EnsureSuccessStatusCode();
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), () => Task.FromResult(feed.Posted.IsEmpty ? null : "posted"), "the reply posted");
        Assert.Equal("客户服务中心：已转交物业处理。", feed.Posted.First().GetProperty("raw").GetString());
        var detail = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), async () =>
        {
            var d = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{one.Case.Number}", Ct))!;
            return d.Deadlines.Any(x => x.Kind == "publicReply" && x.State == "met") ? d : null;
        }, "the public reply recorded");
        Assert.Contains(detail.Audit, a => a.Action == "case.public-reply" && a.Detail.Contains("/t/lift-broken/", StringComparison.Ordinal));
        Assert.Empty(feed.Violations);
    }
}
