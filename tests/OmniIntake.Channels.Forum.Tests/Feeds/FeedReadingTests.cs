using System.Text;
using OmniIntake.Channels.Forum.Feeds;

namespace OmniIntake.Channels.Forum.Tests.Feeds;

/// <summary>Items that cannot become posts are set aside with their reason; one flawed item never rejects the feed (issue 12).</summary>
public sealed class FeedReadingTests
{
    private static readonly Uri Source = new("https://forum.example.test/feed.xml");

    private static FeedReading Read(string xml) => FeedParser.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), Source);

    [Fact]
    public void AnItemWithNothingToTake_IsSetAsideWithItsReasonAndXml_AndTheOthersAreRead()
    {
        var reading = Read("""
            <rss version="2.0"><channel>
            <item><guid>p1</guid><title>电梯坏了</title></item>
            <item><category>物业</category></item>
            <item><guid>p3</guid><title>停车费</title></item>
            </channel></rss>
            """);

        Assert.Equal("rss 2.0", reading.Format);
        Assert.Equal(["p1", "p3"], reading.Posts.Select(p => p.Id));
        var aside = Assert.Single(reading.SetAside);
        Assert.Equal(2, aside.Position);
        Assert.Contains("nothing to take", aside.Reason, StringComparison.Ordinal);
        Assert.Contains("<category>物业</category>", aside.Content, StringComparison.Ordinal);
        Assert.Null(reading.Warning);
    }

    [Fact]
    public void AFeedCutOffMidway_KeepsTheItemsBeforeTheFault_WithAWarning()
    {
        var reading = Read("<rss version=\"2.0\"><channel><item><guid>p1</guid><title>电梯坏了</title></item><item><guid>p2</guid><title>停车");

        Assert.Equal(["p1", "p2"], reading.Posts.Select(p => p.Id));
        Assert.Contains("not well-formed", reading.Warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<rss version=\"0.91\"><channel><item><title>t</title><link>https://f.test/1</link></item></channel></rss>", "rss 0.91")]
    [InlineData("<rss><channel></channel></rss>", "rss")]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel/></rdf:RDF>", "rss 1.0")]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><channel/></rdf:RDF>", "rss 0.90")]
    [InlineData("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"/>", "atom 0.3")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", "atom 1.0")]
    public void TheFormatIsNamed(string xml, string format) => Assert.Equal(format, Read(xml).Format);

    [Fact]
    public void ADiscoursePostWithoutAnId_IsSetAside_AndTheOthersAreRead()
    {
        var json = """{"latest_posts":[{"id":7,"topic_id":3,"topic_slug":"lift","post_number":1,"cooked":"<p>电梯坏了</p>"},{"topic_id":3,"cooked":"<p>我家也是</p>"}]}""";

        var reading = DiscourseParser.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), Source);

        Assert.Equal(["post:7"], reading.Posts.Select(p => p.Id));
        var aside = Assert.Single(reading.SetAside);
        Assert.Equal(2, aside.Position);
        Assert.Contains("我家也是", aside.Content, StringComparison.Ordinal);
    }
}
