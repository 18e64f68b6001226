using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Tests.Workspace;

/// <summary>
/// Issue 14.2: every problem the APIs answer with carries a stable code that the workspace's catalogs render. The code list
/// (ProblemCodes.All) is checked against the workspace's copy (problem-codes.json; its Vitest spec checks the messages),
/// against every code written in the server's sources, and against what real refusals answer.
/// </summary>
public sealed partial class ProblemCodeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OmniIntake.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("The repository root (OmniIntake.sln) was not found above " + AppContext.BaseDirectory);
    }

    private static string ServerSources => Path.Combine(RepoRoot(), "src", "OmniIntake.Server");

    [Fact]
    public void TheServersCodes_AreTheCodesTheWorkspaceCatalogsRender()
    {
        var json = File.ReadAllText(Path.Combine(ServerSources, "ClientApp", "src", "i18n", "problem-codes.json"));
        var workspace = JsonSerializer.Deserialize<string[]>(json)!;

        Assert.Equal(ProblemCodes.All.Order(StringComparer.Ordinal), workspace.Order(StringComparer.Ordinal));
        Assert.Equal(ProblemCodes.All.Count, ProblemCodes.All.Distinct().Count());
    }

    [Fact]
    public void EveryProblemWrittenInTheServer_GoesThroughTheHelper_WithAKnownCode()
    {
        var unknown = new List<string>();
        var bare = new List<string>();
        var dataSources = Path.Combine(RepoRoot(), "src", "OmniIntake.Data");
        foreach (var file in Directory.EnumerateFiles(ServerSources, "*.cs", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(dataSources, "*.cs", SearchOption.AllDirectories)))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(RepoRoot(), file);
            foreach (Match m in CodeLiteral().Matches(text))
                if (!ProblemCodes.IsKnown(m.Groups["code"].Value)) unknown.Add($"{name}: {m.Groups["code"].Value}");
            // A problem made directly must name its code (ApiProblem.Code); only the helper itself calls TypedResults.Problem bare.
            if (file.EndsWith("ApiProblem.cs", StringComparison.Ordinal)) continue;
            foreach (Match m in DirectProblem().Matches(text))
                if (!m.Value.Contains("ApiProblem.Code(", StringComparison.Ordinal)) bare.Add($"{name}: {m.Value[..Math.Min(80, m.Value.Length)]}");
        }

        Assert.Empty(unknown);
        Assert.Empty(bare);
        Assert.True(CodeLiteral().Count(File.ReadAllText(Path.Combine(ServerSources, "Cases", "CaseApi.cs"))) > 10,
            "the scan found the codes of CaseApi (the pattern still matches the sources)");
    }

    public static TheoryData<string, string, string, string?, HttpStatusCode, string> Refusals => new()
    {
        // role, method, path, JSON body, status, code
        { Roles.Agent, "GET", "/api/cases/C-0000-404", null, HttpStatusCode.NotFound, "case.not-found" },
        { Roles.Agent, "GET", "/api/cases?limit=0", null, HttpStatusCode.BadRequest, "query.limit-invalid" },
        { Roles.Agent, "GET", "/api/cases?status=lost", null, HttpStatusCode.BadRequest, "query.status-invalid" },
        { Roles.Agent, "POST", "/api/cases", """{"channel":"phone","text":"x"}""", HttpStatusCode.BadRequest, "register.idempotency-key" },
        { Roles.Agent, "POST", "/api/cases/987654/resolve", """{"note":"done"}""", HttpStatusCode.NotFound, "command.not-found" },
        { Roles.Agent, "POST", "/api/cases/987654/merge", """{"into":""}""", HttpStatusCode.BadRequest, "case.merge-target-required" },
        { Roles.Agent, "GET", "/api/events?after=-1", null, HttpStatusCode.BadRequest, "events.cursor-invalid" },
        { Roles.Agent, "GET", "/api/reports", null, HttpStatusCode.Forbidden, "http.forbidden" },
        { Roles.Owner, "GET", "/api/owner/cases", null, HttpStatusCode.Forbidden, "owner.no-department" },
        { Roles.Supervisor, "GET", "/api/reports/generated/987654", null, HttpStatusCode.NotFound, "report.not-found" },
        { Roles.Supervisor, "GET", "/api/board/trends?by=year", null, HttpStatusCode.BadRequest, "board.bucket-invalid" },
        { Roles.Supervisor, "GET", "/api/policy/preview?channel=pigeon&receivedAt=2026-11-24T09:15:00%2B08:00", null, HttpStatusCode.BadRequest, "policy.channel-invalid" },
        { Roles.Admin, "POST", "/api/departments", """{"code":"","name":""}""", HttpStatusCode.BadRequest, "department.invalid" },
        { Roles.Admin, "GET", "/api/no-such-endpoint", null, HttpStatusCode.NotFound, "http.not-found" },
        { "", "POST", "/api/auth/login", """{"username":"nobody","password":"wrong-password"}""", HttpStatusCode.Unauthorized, "auth.sign-in-refused" },
        { "", "POST", "/api/status/code", """{}""", HttpStatusCode.BadRequest, "status.missing" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ARefusal_AnswersWithItsStableCode(string role, string method, string path, string? body, HttpStatusCode status, string code)
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var client = role.Length == 0 ? host.Anonymous() : await host.ClientAsync(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.True(ProblemCodes.IsKnown(code));
    }

    [GeneratedRegex(""""(?:ApiProblem\.Of|ApiResults\.Problem|\bProblem)\(\s*(?:\d+|StatusCodes\.\w+)\s*,\s*"(?<code>[a-z]+\.[a-z-]+)"|ApiProblem\.Code\("(?<code>[a-z]+\.[a-z-]+)"|\["code"\]\s*=\s*"(?<code>[a-z]+\.[a-z-]+)"|\bcode = "(?<code>[a-z]+\.[a-z-]+)"|LinkResult\.\w+\("(?<code>contacts\.[a-z-]+)"|CommandOutcome\.\w+, "(?<code>contacts\.[a-z-]+)(?=")"""")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex("""\b(?:TypedResults|Results)\.(?:Problem|ValidationProblem)\((?:"[^"]*"|[^;"])*?;""", RegexOptions.Singleline)]
    private static partial Regex DirectProblem();
}
