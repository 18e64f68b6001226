using System.Text;
using System.Xml;
using OmniIntake.Channels.Forum.Feeds;
using OmniIntake.Testing;

namespace OmniIntake.Channels.Forum.Tests.Feeds;

/// <summary>The shared feed fixtures (../shared/testdata/forums/feeds) and the odd shapes feeds arrive in.</summary>
public sealed class FeedParserTests
{
    private static readonly Uri Source = new("https://forum.example.test/feed.xml");

    private static IReadOnlyList<FeedPost> Parse(string file) => FeedParser.Parse(SharedTestData.Open(file), Source);

    [Fact]
    public void Rss20_TheSpecsSample_EveryItemHasAnIdAndText()
    {
        var posts = Parse("forums/feeds/feedreader/Rss20FeedWebResourceSample.xml");

        Assert.True(posts.Count >= 5, $"{posts.Count} items");
        Assert.All(posts, p => Assert.False(string.IsNullOrWhiteSpace(p.Id)));
        Assert.All(posts, p => Assert.False(string.IsNullOrWhiteSpace(p.Text)));
        Assert.Equal(posts.Count, posts.Select(p => p.Id).Distinct().Count());
        Assert.DoesNotContain(posts, p => p.Title.Contains('<', StringComparison.Ordinal)); // HTML in titles is text
    }

    [Fact]
    public void Atom_WithXmlBase_AndAUuidId()
    {
        var post = Assert.Single(Parse("forums/feeds/dotnet-runtime/SimpleAtomFeed.xml"));

        Assert.Equal("uuid:71d91f91-f5f9-4175-9065-4b7cb357fc4d;id=1", post.Id);
        Assert.Equal("http://contoso.com/news/path", post.Link);
        Assert.Equal(new DateTimeOffset(2017, 6, 26, 21, 41, 43, TimeSpan.Zero), post.Published);
    }

    [Fact]
    public void RssItemsWithoutGuid_AreIdentifiedByTheirLink_SoTheDuplicateIsOnePost()
    {
        var posts = Parse("forums/feeds/dotnet-runtime/RssDisjointItems.xml");

        Assert.Equal(2, posts.Count);
        Assert.Single(posts.Select(p => p.Id).Distinct());
        Assert.Equal("http://contoso.com/news/path", posts[0].Id.ToLowerInvariant());
        Assert.Equal(["Item Category"], posts[0].Categories);
    }

    [Fact]
    public void RssWithTheAtomNamespace_AndACustomElement()
    {
        var posts = Parse("forums/feeds/dotnet-runtime/SimpleRssFeed.xml");

        Assert.NotEmpty(posts);
        Assert.All(posts, p => Assert.StartsWith("http", p.Link, StringComparison.Ordinal));
    }

    [Fact]
    public void AGbkFeed_DeclaredInTheProlog_IsReadAsChinese_WithRelativeLinksResolved_AndCdataHtml()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var xml = """
            <?xml version="1.0" encoding="GBK"?>
            <rss version="2.0"><channel><title>业主论坛</title><link>https://forum.example.test/</link>
            <item><title><![CDATA[<b>投诉</b>：电梯又坏了]]></title><link>/t/123#post-1</link><guid isPermaLink="false">post-1</guid>
            <description><![CDATA[<p>3号楼电梯<script>alert(1)</script>坏了三天</p>]]></description><category>物业</category></item>
            <item><title>无日期的帖子</title><link>/t/124</link></item>
            </channel></rss>
            """;
        var posts = FeedParser.Parse(new MemoryStream(Encoding.GetEncoding("GBK").GetBytes(xml)), Source);

        Assert.Equal(2, posts.Count);
        Assert.Equal(("post-1", "投诉：电梯又坏了", "3号楼电梯坏了三天"), (posts[0].Id, posts[0].Title, posts[0].Text));
        Assert.Equal("https://forum.example.test/t/123#post-1", posts[0].Link);
        Assert.Equal("https://forum.example.test/t/123", posts[0].ThreadKey); // a reply's anchor does not split the thread
        Assert.Null(posts[1].Published);
        Assert.Equal("https://forum.example.test/t/124", posts[1].Id);
    }

    [Fact]
    public void NotAFeed_IsAClearError()
    {
        Assert.Throws<InvalidFeedException>(() => FeedParser.Parse(new MemoryStream("<html><body>Not found</body></html>"u8.ToArray()), Source));
        Assert.IsType<XmlException>(Assert.Throws<InvalidFeedException>(() => FeedParser.Parse(new MemoryStream("Not found"u8.ToArray()), Source)).InnerException);
    }

    private static IReadOnlyList<FeedPost> ParseText(string xml, Encoding? encoding = null) =>
        FeedParser.Parse(new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(xml)), Source);

    // Issue 12: each of these was refused whole.
    [Theory]
    [InlineData("<rss version=\"0.91\"><channel><title>t</title><item><title>电梯坏了</title><link>https://f.test/t/1</link><description>三天了</description></item></channel></rss>")]
    [InlineData("<rss version=\"0.92\"><channel><item><title>电梯坏了</title><link>https://f.test/t/1</link></item></channel></rss>")]
    [InlineData("<rss version=\"0.94\"><channel><item><title>电梯坏了</title><link>https://f.test/t/1</link></item></channel></rss>")]
    [InlineData("<rss><channel><item><title>电梯坏了</title><link>https://f.test/t/1</link></item></channel></rss>")]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><channel><title>t</title></channel><item><title>电梯坏了</title><link>https://f.test/t/1</link></item></rdf:RDF>")]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel rdf:about=\"https://f.test/\"><title>t</title></channel><item rdf:about=\"https://f.test/t/1\"><title>电梯坏了</title><link>https://f.test/t/1</link></item></rdf:RDF>")]
    [InlineData("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>t</title><entry><title>电梯坏了</title><link rel=\"alternate\" type=\"text/html\" href=\"https://f.test/t/1\"/><id>tag:f.test,2004:1</id><issued>2004-01-01T00:00:00Z</issued><content type=\"text/html\" mode=\"escaped\">&lt;p&gt;三天了&lt;/p&gt;</content></entry></feed>")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><id>tag:f.test,2004:1</id><title type=\"text/plain\">电梯坏了</title><link href=\"https://f.test/t/1\"/><content type=\"text/x-unknown\">三天了</content></entry></feed>")]
    public void OlderAndLooserFormats_AreRead(string xml)
    {
        var post = Assert.Single(ParseText(xml));

        Assert.Equal("电梯坏了", post.Title);
        Assert.Equal("https://f.test/t/1", post.Link);
    }

    [Fact]
    public void AnEncodingNamedTheWayFeedsSpellIt_IsRead()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"utf16\"?><rss version=\"2.0\"><channel><item><title>电梯坏了</title><guid>p1</guid></item></channel></rss>";

        Assert.Equal("电梯坏了", Assert.Single(ParseText(xml, Encoding.Unicode)).Title);
        Assert.Equal("电梯坏了", Assert.Single(ParseText(xml.Replace("utf16", "gb_2312", StringComparison.Ordinal), Encoding.GetEncoding("GBK"))).Title);
    }

    [Fact]
    public void AnEmptyRss_IsAFeedWithoutItems() => Assert.Empty(ParseText("<rss version=\"2.0\"></rss>"));

    [Fact]
    public void AnItemWithoutGuidLinkOrId_IsTaken_UnderAnIdFromWhatItSays_TheSameNextTime()
    {
        const string Xml = "<rss version=\"2.0\"><channel><item><title>电梯坏了</title><description>三天了</description></item><item><title>停车费</title></item></channel></rss>";

        var first = ParseText(Xml);
        var again = ParseText(Xml);

        Assert.Equal(2, first.Count);
        Assert.Equal(first.Select(p => p.Id), again.Select(p => p.Id));
        Assert.NotEqual(first[0].Id, first[1].Id);
    }

    [Fact]
    public void HtmlEntitiesAndBareAmpersands_DoNotRejectTheFeed()
    {
        var post = Assert.Single(ParseText("<rss version=\"2.0\"><channel><item><title>A&nbsp;&amp;&nbsp;B & C</title><link>https://f.test/t?a=1&b=2</link></item></channel></rss>"));

        Assert.Equal("A\u00a0&\u00a0B & C", post.Title);
        Assert.Equal("https://f.test/t?a=1&b=2", post.Link);
    }

    [Theory]
    [InlineData(new string[0], new string[0], new string[0], true)]
    [InlineData(new[] { "投诉" }, new string[0], new string[0], true)]
    [InlineData(new[] { "refund" }, new string[0], new string[0], false)]
    [InlineData(new string[0], new[] { "物业" }, new string[0], true)]
    [InlineData(new string[0], new[] { "sales" }, new string[0], false)]
    [InlineData(new string[0], new string[0], new[] { "WANG" }, true)]
    [InlineData(new string[0], new string[0], new[] { "li" }, false)]
    public void Filters_KeywordsTagsAndAuthors(string[] keywords, string[] tags, string[] authors, bool passes)
    {
        var post = new FeedPost("p1", "投诉：电梯坏了", "3号楼电梯坏了三天", null, null, "wang", ["物业"], null, "t1");
        var source = new Setup.FeedSourceOptions { Name = "s", Url = "https://x.test/", Keywords = [.. keywords], Tags = [.. tags], Authors = [.. authors] };

        Assert.Equal(passes, Polling.Filters.Pass(source, post));
    }
}
