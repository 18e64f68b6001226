using System.Globalization;
using OmniIntake.Channels.Forum.Feeds;

// Item recall of the forum channel's feed reader against Python's feedparser on feedparser's own test suite
// (tests/testdata/feedparser, its reference.tsv written by bench/feeds/reference.py): per category the files, the files
// refused whole, the posts read, the items set aside, and the reference's entries. recall = posts / reference items;
// accounted = (posts + set aside) / reference items. Usage: bash bench/run-feeds-recall.sh
var root = args.Length > 0 ? args[0] : Path.Combine(FindRepository(), "tests", "testdata", "feedparser");
var reference = File.ReadLines(Path.Combine(root, "reference.tsv")).Skip(1).Select(l => l.Split('\t'))
    .Select(f => (Path: f[0], Version: f[1], Entries: int.Parse(f[3], CultureInfo.InvariantCulture))).ToList();
var rows = new List<(string Category, bool Refused, int Posts, int SetAside, int Reference, string Path, string? Error)>();
foreach (var file in reference)
{
    var category = string.Join('/', file.Path.Split('/')[..^1]);
    try
    {
        using var stream = File.OpenRead(Path.Combine(root, file.Path));
        var reading = FeedParser.Read(stream, new Uri("http://feed.example.test/" + file.Path));
        rows.Add((category, false, reading.Posts.Count, reading.SetAside.Count, file.Entries, file.Path, null));
        if (Environment.GetEnvironmentVariable("FEEDS_VERBOSE") == "1")
            foreach (var aside in reading.SetAside) Console.WriteLine($"set aside: {file.Path} #{aside.Position}: {aside.Reason} {aside.Content[..Math.Min(aside.Content.Length, 160)]}");
    }
    catch (InvalidFeedException ex)
    {
        rows.Add((category, true, 0, 0, file.Entries, file.Path, ex.Message));
    }
}
Console.WriteLine($"{"category",-28} {"files",6} {"refused",8} {"posts",6} {"aside",6} {"ref",6} {"recall",7}");
foreach (var group in rows.GroupBy(r => r.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    var expected = group.Sum(r => r.Reference);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{group.Key,-28} {group.Count(),6} {group.Count(r => r.Refused),8} {group.Sum(r => r.Posts),6} {group.Sum(r => r.SetAside),6} {expected,6} {(expected == 0 ? 1 : Math.Min(group.Sum(r => r.Posts), expected) / (double)expected),7:0.000}"));
}
foreach (var refused in rows.Where(r => r.Refused)) Console.WriteLine($"refused with {refused.Reference} reference items: {refused.Path}: {refused.Error}");
foreach (var short_ in rows.Where(r => !r.Refused && r.Posts + r.SetAside < r.Reference)) Console.WriteLine($"fewer items than the reference: {short_.Path} ({short_.Posts}+{short_.SetAside} < {short_.Reference})");
var found = rows.Sum(r => Math.Min(r.Posts, r.Reference));
var total = rows.Sum(r => r.Reference);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT feeds-recall files={rows.Count} refused={rows.Count(r => r.Refused)} items={rows.Sum(r => r.Posts)} set_aside={rows.Sum(r => r.SetAside)} reference_items={total} accounted={rows.Sum(r => Math.Min(r.Posts + r.SetAside, r.Reference)) / (double)total:0.0000} recall={found / (double)total:0.0000}"));

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "OmniIntake.sln"))) return dir.FullName;
    throw new DirectoryNotFoundException("The repository root (OmniIntake.sln) was not found above " + AppContext.BaseDirectory);
}
