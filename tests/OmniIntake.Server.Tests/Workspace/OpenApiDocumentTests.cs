using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OmniIntake.Data;

namespace OmniIntake.Server.Tests.Workspace;

/// <summary>
/// The hub's OpenAPI document is the workspace's API contract (issue 14 item 1): every /api operation is named, says what it
/// does, and types its answer, and the copy the workspace's client is generated from (ClientApp/src/api/openapi.json) is
/// the live one. Both read /openapi/v1.json from a real host.
/// </summary>
public sealed class OpenApiDocumentTests
{
    /// <summary>Set to 1 (infra/openapi/refresh.sh does) to write the live document over the committed one instead of comparing.</summary>
    public const string RefreshVariable = "OMNIINTAKE_OPENAPI_REFRESH";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonObject> LiveDocumentAsync()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = host.Anonymous();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json", Ct))!.AsObject();
        // The server's address differs per host; the client calls its own origin.
        document.Remove("servers");
        return document;
    }

    private static string CommittedPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OmniIntake.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "src", "OmniIntake.Server", "ClientApp", "src", "api", "openapi.json");
    }

    private static string Text(JsonNode document) =>
        document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    [Fact]
    public async Task EveryApiOperation_HasAUniqueName_ASummary_ATag_ASuccessTypeAndItsRefusals()
    {
        var document = await LiveDocumentAsync();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var faults = new List<string>();
        var count = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal)) continue;
            foreach (var (method, node) in item!.AsObject())
            {
                if (node is not JsonObject operation || method is "parameters" or "summary" or "description") continue;
                count++;
                var where = $"{method.ToUpperInvariant()} {path}";
                var name = operation["operationId"]?.GetValue<string>();
                if (string.IsNullOrWhiteSpace(name)) faults.Add($"{where}: no operationId (.WithName)");
                else if (!names.Add(name)) faults.Add($"{where}: operationId {name} used twice");
                if (string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>())) faults.Add($"{where}: no summary (.WithSummary)");
                if (operation["tags"] is not JsonArray { Count: > 0 }) faults.Add($"{where}: no tag (.WithTags)");
                var responses = operation["responses"]?.AsObject() ?? [];
                var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
                // A 2xx with a schema, or an answer without a body (204, 202) or a file (its content type not JSON).
                var typed = success.Any(r =>
                    r.Key is "204" or "202"
                    || r.Value?["content"]?.AsObject().Any(c => c.Value?["schema"] is not null || !c.Key.Contains("json", StringComparison.Ordinal)) == true);
                if (!typed) faults.Add($"{where}: no typed 2xx response (TypedResults / .Produces<T>())");
                if (responses["default"]?["content"]?["application/problem+json"] is null) faults.Add($"{where}: refusals not described as ProblemDetails");
            }
        }
        Assert.True(count > 80, $"only {count} /api operations in the document");
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public async Task TheCommittedDocument_IsTheLiveOne()
    {
        var live = Text(await LiveDocumentAsync());
        var path = CommittedPath();
        if (Environment.GetEnvironmentVariable(RefreshVariable) == "1")
        {
            await File.WriteAllTextAsync(path, live, Ct);
            return;
        }
        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path, Ct)).ReplaceLineEndings("\n") : "";
        Assert.True(live == committed,
            "The hub's API changed: ClientApp/src/api/openapi.json is not the live /openapi/v1.json. Run `bash infra/openapi/refresh.sh` "
            + "(it rewrites the document and regenerates ClientApp/src/api/schema.d.ts), then fix what the workspace's typecheck reports.");
    }
}
