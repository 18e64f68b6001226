namespace OmniIntake.Testing;

/// <summary>The external test material in ../shared/testdata beside the repository (see its README for sources).</summary>
public static class SharedTestData
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "OmniIntake.sln"))) continue;
            var file = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "testdata", relative));
            return File.Exists(file) || Directory.Exists(file) ? file : throw new FileNotFoundException($"Test material {relative} not found at {file}: ../shared must be beside the repository.");
        }
        throw new DirectoryNotFoundException("The repository root (OmniIntake.sln) was not found above " + AppContext.BaseDirectory);
    }

    public static Stream Open(string relative) => File.OpenRead(Path(relative));

    /// <summary>The corpus files under email/ that are single RFC 822 messages (not mbox files, Outlook .msg blobs, TNEF or vectors).</summary>
    public static IEnumerable<string> EmailCorpus()
    {
        var root = Path("email");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".eml", StringComparison.Ordinal)
                        || (f.EndsWith(".txt", StringComparison.Ordinal) && !f.EndsWith(".mbox.txt", StringComparison.Ordinal)))
            .Select(f => "email/" + System.IO.Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }
}
