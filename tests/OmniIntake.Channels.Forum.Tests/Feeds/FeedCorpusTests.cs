using System.Globalization;
using OmniIntake.Channels.Forum.Feeds;

namespace OmniIntake.Channels.Forum.Tests.Feeds;

/// <summary>
/// feedparser's own test suite (tests/testdata/feedparser, with feedparser's item count per file in reference.tsv; see
/// its README) read by the forum channel (issue 12: 167 of 405 files were refused, 34 of 182 items found).
/// bench/run-feeds-recall.sh prints the figures per category.
/// </summary>
public sealed class FeedCorpusTests
{
    private static readonly string Root = Corpus();

    public static TheoryData<string> Categories() => [.. Reference().Select(r => r.Category).Distinct().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Categories))]
    public void EveryFileWithItems_IsRead_NotRefused(string category)
    {
        var refused = new List<string>();
        foreach (var file in Reference().Where(r => r.Category == category && r.Entries > 0))
        {
            try
            {
                using var stream = File.OpenRead(Path.Combine(Root, file.Path));
                FeedParser.Parse(stream, new Uri("http://feed.example.test/" + file.Path));
            }
            catch (InvalidFeedException ex)
            {
                refused.Add($"{file.Path}: {ex.Message}");
            }
        }

        Assert.Empty(refused);
    }

    [Theory]
    [MemberData(nameof(Categories))]
    public void EveryItemTheReferenceReads_IsTakenOrSetAsideWithAReason(string category)
    {
        var missing = new List<string>();
        foreach (var file in Reference().Where(r => r.Category == category && r.Entries > 0))
        {
            using var stream = File.OpenRead(Path.Combine(Root, file.Path));
            var reading = FeedParser.Read(stream, new Uri("http://feed.example.test/" + file.Path));
            if (reading.Posts.Count + reading.SetAside.Count != file.Entries)
                missing.Add($"{file.Path}: {reading.Posts.Count} posts + {reading.SetAside.Count} set aside, the reference reads {file.Entries}");
            Assert.All(reading.SetAside, a => Assert.False(string.IsNullOrWhiteSpace(a.Reason)));
        }

        Assert.Empty(missing);
    }

    private static IEnumerable<(string Path, string Category, int Entries)> Reference() =>
        File.ReadLines(Path.Combine(Root, "reference.tsv")).Skip(1).Select(l => l.Split('\t'))
            .Select(f => (f[0], string.Join('/', f[0].Split('/')[..^1]), int.Parse(f[3], CultureInfo.InvariantCulture)));

    private static string Corpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OmniIntake.sln"))) return Path.Combine(dir.FullName, "tests", "testdata", "feedparser");
        throw new DirectoryNotFoundException("The repository root (OmniIntake.sln) was not found above " + AppContext.BaseDirectory);
    }
}
