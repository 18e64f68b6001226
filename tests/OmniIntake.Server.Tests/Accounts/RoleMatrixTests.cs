using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using OmniIntake.Core.Accounts;
using OmniIntake.Server.Accounts;
using OmniIntake.Data;

namespace OmniIntake.Server.Tests.Accounts;

/// <summary>Every endpoint the app maps, read from its own endpoint list, refuses anonymous and wrong-role callers.</summary>
public sealed partial class RoleMatrixTests
{
    /// <summary>The only endpoints open to anyone; a new anonymous endpoint must be added here on purpose.</summary>
    private static readonly HashSet<string> OpenOnPurpose =
    [
        "GET /healthz", "GET /readyz", "GET /health", "POST /api/auth/login", "POST /api/setup/admin", "GET /openapi/{documentName}.json",
        "POST /channels/email/inbound", // its own API key (EmailPipeTests)
        "POST /channels/sms/twilio", "POST /channels/sms/twilio/status", // Twilio's signature (SmsWebhookTests)
        // The customer's web chat: the conversation token authorises (WebChatTests: nobody else can read it).
        "GET /widget.js", "GET /widget.css", "GET /chat", "POST /hubs/chat/negotiate", "GET /hubs/chat", "POST /hubs/chat", "DELETE /hubs/chat",
        "GET /hubs/chat/negotiate", "CONNECT /hubs/chat",
        "GET /api/follow-up/{token}", "POST /api/follow-up/{token}", // the link's random token (FollowUpTests: unknown links get 404)
        // The customer's case status (issue 16): a one-time code sent to the contact on the case authorises
        // (StatusApiTests: limits per case and address, nothing internal shown).
        "GET /status", "POST /api/status/code", "POST /api/status/verify", "GET /api/status/", "POST /api/status/info",
        "GET /app/{**path:nonfile}", "HEAD /app/{**path:nonfile}", // the workspace's index.html (issue 14): it signs in by itself; its API calls are authorised
        "POST /api/chat/files", "OPTIONS /api/chat/files", // the widget's file: the conversation token authorises (AttachmentsTests)
        "POST /api/status/file", "POST /api/status/withdraw", // the status page's session from the one-time code authorises (AttachmentsTests)
        "GET /files/{token}", // an agent's file sent to a customer by chat or SMS: the signed, expiring token authorises (AgentFilesTests: an altered link opens nothing)
        "GET /owner.html", // a redirect to /app/owner, where the owner's page moved (issue 14); it shows nothing itself
        "GET /supervisor", // a redirect to /app/board, where the board and its trends moved (issue 14); it shows nothing itself
        "GET /s/{number}", // the SMS receipt's short link: a redirect to the status page with the number filled in; it shows nothing itself
    ];

    [Fact]
    public async Task EveryEndpoint_RefusesAnonymousAndWrongRoleCallers()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 15, $"only {endpoints.Count} endpoints found");
        var checkedCalls = 0;

        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var pattern = endpoint.RoutePattern.RawText ?? "";
            var path = Placeholder().Replace(pattern.StartsWith('/') ? pattern : "/" + pattern, "1");
            foreach (var method in methods)
            {
                var name = $"{method} {pattern}";
                if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
                {
                    Assert.Contains(name, OpenOnPurpose);
                    continue;
                }
                var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
                Assert.True(policy is not null && Policies.RolesOf.ContainsKey(policy), $"{name} names no role policy");

                using var anonymous = host.Anonymous();
                var response = await anonymous.SendAsync(Request(method, path), TestContext.Current.CancellationToken);
                Assert.True(IsRefusal(response, HttpStatusCode.Unauthorized), $"{name} answered {response.StatusCode} to an anonymous caller");
                checkedCalls++;

                foreach (var role in Roles.All.Except(Policies.RolesOf[policy!]))
                {
                    using var wrong = await host.ClientAsync(role);
                    var refused = await wrong.SendAsync(Request(method, path), TestContext.Current.CancellationToken);
                    Assert.True(IsRefusal(refused, HttpStatusCode.Forbidden), $"{name} answered {refused.StatusCode} to role {role}");
                    checkedCalls++;
                }
            }
        }
        Assert.True(checkedCalls > 30, $"only {checkedCalls} calls checked");
    }

    /// <summary>Issue 12 item 8: an owner account without a department owns nothing (it once read every case not yet forwarded).</summary>
    [Fact]
    public async Task AnOwnerWithoutADepartment_ReadsAndActsOnNoCase()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var owner = await host.ClientAsync(Roles.Owner); // "only-owner" has no department
        var opened = await agent.RegisterAsync("物业费多收了", phone: "13800138555");

        var byId = await owner.GetAsync($"/api/owner/cases/{opened.CaseId}", ct);
        var byNumber = await owner.GetAsync($"/api/owner/cases/{opened.Number}", ct);
        var list = await owner.GetAsync("/api/owner/cases?open=false", ct);
        var help = await owner.PostAsJsonAsync($"/api/cases/{opened.CaseId}/help", new { text = "?" }, ct);
        var answer = await owner.PostAsJsonAsync($"/api/cases/{opened.CaseId}/answer", new { text = "!" }, ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (byId.StatusCode, byNumber.StatusCode, list.StatusCode));
        Assert.False(help.IsSuccessStatusCode, $"help answered {help.StatusCode}");
        Assert.False(answer.IsSuccessStatusCode, $"answer answered {answer.StatusCode}");
        foreach (var response in new[] { byId, byNumber, list, help, answer })
            Assert.DoesNotContain("13800138555", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    /// <summary>Issue 12 item 13: a case sent back to the centre is no longer its former owner's to read or act on.</summary>
    [Fact]
    public async Task AFormerOwner_NeitherReadsNorActsOnACaseSentBack()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await host.ClientAsync(Roles.Admin);
        using var agent = await host.ClientAsync(Roles.Agent);
        var created = await admin.PostAsJsonAsync("/api/departments", new { code = "engineering", name = "工程部" }, ct);
        var department = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("id").GetInt64();
        (await admin.PostAsJsonAsync("/api/users",
            new { username = "eng-owner", password = HubHost.UserPassword, roles = new[] { Roles.Owner }, departmentId = department }, ct)).EnsureSuccessStatusCode();
        using var owner = await host.ClientForUserAsync("eng-owner");
        var opened = await agent.RegisterAsync("楼上漏水", phone: "13800138556");
        (await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/forward", new { departmentId = department }, ct)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/owner/cases/{opened.CaseId}", ct)).StatusCode); // forwarded: theirs
        (await owner.PostAsJsonAsync($"/api/cases/{opened.CaseId}/send-back", new { text = "不是工程部的" }, ct)).EnsureSuccessStatusCode();

        var read = await owner.GetAsync($"/api/owner/cases/{opened.CaseId}", ct);
        var list = await owner.GetAsync("/api/owner/cases?open=false", ct);
        var help = await owner.PostAsJsonAsync($"/api/cases/{opened.CaseId}/help", new { text = "还在吗？" }, ct);
        var answer = await owner.PostAsJsonAsync($"/api/cases/{opened.CaseId}/answer", new { text = "已处理" }, ct);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain("13800138556", await read.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.DoesNotContain(opened.Number, await list.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.False(help.IsSuccessStatusCode, $"help answered {help.StatusCode}");
        Assert.False(answer.IsSuccessStatusCode, $"answer answered {answer.StatusCode}");
    }

    /// <summary>The API and hubs answer with the status; pages (the job dashboard) send the browser to sign in.</summary>
    private static bool IsRefusal(HttpResponseMessage response, HttpStatusCode status)
    {
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        if (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/hubs/", StringComparison.Ordinal))
            return response.StatusCode == status;
        return response.StatusCode == HttpStatusCode.Found
               && response.Headers.Location?.OriginalString.Contains("/login.html", StringComparison.Ordinal) == true;
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" or "DELETE" ? null : new StringContent("{}", Encoding.UTF8, "application/json"),
    };

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}
