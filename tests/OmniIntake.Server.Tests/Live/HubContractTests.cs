using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OmniIntake.Channels.WebChat.Hub;
using OmniIntake.Server.Live;

namespace OmniIntake.Server.Tests.Live;

/// <summary>
/// Issue 13 item 7, SignalR messages typed: what each hub pushes is its client interface, and the TypeScript side is
/// checked against the same description. The committed ClientApp/src/live/hub-contract.json is this description (its
/// Vitest spec checks the workspace's typed handlers and the widget's subscriptions against it), and no server code
/// pushes around the interfaces.
/// </summary>
public sealed partial class HubContractTests
{
    /// <summary>Set to 1 to write the described contract over the committed one instead of comparing.</summary>
    public const string RefreshVariable = "OMNIINTAKE_HUB_CONTRACT_REFRESH";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string Path, Type Client)[] Hubs =
    [
        (AgentHub.Path, typeof(IAgentClient)),
        (OwnerHub.Path, typeof(IOwnerClient)),
        (ChatHub.Path, typeof(IChatClient)),
    ];

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OmniIntake.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("The repository root (OmniIntake.sln) was not found above " + AppContext.BaseDirectory);
    }

    private static string ContractPath => Path.Combine(RepoRoot(), "src", "OmniIntake.Server", "ClientApp", "src", "live", "hub-contract.json");

    private static string Text(JsonNode contract) =>
        contract.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    [Fact]
    public async Task TheCommittedContract_IsWhatTheClientInterfacesSay()
    {
        var described = Text(HubContract.Describe(Hubs));
        if (Environment.GetEnvironmentVariable(RefreshVariable) == "1")
        {
            await File.WriteAllTextAsync(ContractPath, described, Ct);
            return;
        }
        var committed = File.Exists(ContractPath) ? (await File.ReadAllTextAsync(ContractPath, Ct)).ReplaceLineEndings("\n") : "";
        Assert.True(described == committed,
            $"A hub's client interface changed: ClientApp/src/live/hub-contract.json is not what they say. Run this test with {RefreshVariable}=1, "
            + "then fix what ClientApp's typecheck and src/live/__tests__/hubContract.spec.ts report.");
    }

    [Fact]
    public void TheContract_KeepsTheWireNamesAndPayloadsTheClientsListenFor()
    {
        var contract = HubContract.Describe(Hubs);
        var agents = contract["hubs"]![AgentHub.Path]!["methods"]!.AsObject();
        Assert.Equal(["availability", "event", "ping", "viewerTyping", "viewers"], agents.Select(m => m.Key));
        Assert.Equal("CaseEvent", agents["event"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(["number", "CaseViewer[]"], agents["viewers"]!.AsArray().Select(p => p!["type"]!.GetValue<string>()));
        Assert.Equal(["changed"], contract["hubs"]![OwnerHub.Path]!["methods"]!.AsObject().Select(m => m.Key));
        Assert.Equal(["messages", "typing"], contract["hubs"]![ChatHub.Path]!["methods"]!.AsObject().Select(m => m.Key));
        // The event's JSON as the consoles and the catch-up read it (CaseEvent, unchanged on the wire).
        Assert.Equal(["position", "kind", "caseId", "caseNumber", "occurredAt", "data"], contract["types"]!["CaseEvent"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["position", "kind", "caseId"], contract["types"]!["OwnerSignal"]!.AsObject().Select(p => p.Key));
    }

    /// <summary>A push by a string name (SendAsync) or through an untyped hub context would be outside the contract.</summary>
    [Fact]
    public void NoServerCode_PushesAroundTheTypedClients()
    {
        var roots = new[] { Path.Combine(RepoRoot(), "src"), Path.Combine(RepoRoot(), "channels") };
        var faults = new List<string>();
        foreach (var file in roots.SelectMany(r => Directory.EnumerateFiles(r, "*.cs", SearchOption.AllDirectories)))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            var text = File.ReadAllText(file);
            foreach (Match m in Untyped().Matches(text)) faults.Add($"{Path.GetRelativePath(RepoRoot(), file)}: {m.Value.Trim()}");
        }
        Assert.True(faults.Count == 0, "Untyped SignalR pushes:\n" + string.Join("\n", faults));
    }

    /// <summary>IHubContext&lt;THub&gt; without its client, a hub deriving from the untyped Hub, or Clients....SendAsync.</summary>
    [GeneratedRegex(@"IHubContext<\w+>|:\s*(Microsoft\.AspNetCore\.SignalR\.)?Hub\s*(\{|$)|Clients\.[^;]*\.SendAsync\(", RegexOptions.Multiline)]
    private static partial Regex Untyped();
}
