using System.Text.Json;
using System.Text.RegularExpressions;
using OmniIntake.Core.Events;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Tests.Workspace;

/// <summary>
/// Issue 14 item 2: the case history's codes (audit actions, event kinds) come from one list (Core's HistoryCodes), which the
/// workspace keeps a copy of (history-codes.json; its Vitest spec checks each has a zh-CN and an en message), and every
/// action the sources write is on it.
/// </summary>
public sealed partial class HistoryCodeTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OmniIntake.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("The repository root (OmniIntake.sln) was not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void TheServersHistoryCodes_AreTheCodesTheWorkspaceRenders()
    {
        var json = File.ReadAllText(Path.Combine(RepoRoot(), "src", "OmniIntake.Server", "ClientApp", "src", "i18n", "history-codes.json"));

        Assert.Equal(HistoryCodes.All, JsonSerializer.Deserialize<string[]>(json)!.Order(StringComparer.Ordinal));
        Assert.Contains(CaseEventKinds.DeliveryChanged, HistoryCodes.All);
        Assert.Contains("case.opened", HistoryCodes.AuditActions);
    }

    [Fact]
    public void EveryAuditActionWrittenInTheSources_IsOnTheList()
    {
        var root = RepoRoot();
        var unknown = new List<string>();
        var scanned = 0;
        foreach (var file in new[] { "OmniIntake.Core", "OmniIntake.Data", "OmniIntake.Server" }
                     .SelectMany(p => Directory.EnumerateFiles(Path.Combine(root, "src", p), "*.cs", SearchOption.AllDirectories)))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            var text = File.ReadAllText(file);
            // A file that writes the audit trail: its code-shaped literals that are not problem codes are actions (or event kinds).
            if (!AuditWriter().IsMatch(text)) continue;
            scanned++;
            foreach (Match m in CodeLiteral().Matches(text))
            {
                var code = m.Groups["code"].Value;
                if (!HistoryCodes.All.Contains(code) && !ProblemCodes.IsKnown(code)) unknown.Add($"{Path.GetRelativePath(root, file)}: {code}");
            }
        }

        Assert.Empty(unknown);
        Assert.True(scanned >= 15, $"the scan found the files that write the audit trail ({scanned})");
    }

    [GeneratedRegex(@"INSERT INTO audit|AuditOnlyAsync\(|CaseJournal\.RecordAsync\(|CaseJournal\.WriteAsync\(|AuditAction =>")]
    private static partial Regex AuditWriter();

    /// <summary>A code-shaped literal: a word of two letters or more, a dot, a word (a one-letter SQL alias such as "k.id" is not one).</summary>
    [GeneratedRegex("""["'](?<code>[a-z][a-zA-Z]+(-[a-z]+)*\.[a-z][a-zA-Z]*(-[a-z]+)*)["']""")]
    private static partial Regex CodeLiteral();
}
