using System.Net;
using System.Text.Json;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Server.Accounts;

namespace OmniIntake.Server.Tests.Accounts;

/// <summary>Admins manage users and departments (issue 7); the role pages are for their roles.</summary>
public sealed class UserAdminTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAdmin_MakesAnAgentAnOwner_ResetsTheirPassword_AndBadChangesAreRefused()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await host.ClientAsync(Roles.Admin);
        var created = await admin.PostAsJsonAsync("/api/departments", new { code = "property", name = "物业部" }, Ct);
        var department = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        var user = (await (await admin.PostAsJsonAsync("/api/users", new { username = "zhao", password = HubHost.UserPassword, roles = new[] { "agent" } }, Ct))
            .Content.ReadFromJsonAsync<UserResponse>(Ct))!;

        var changed = await admin.PutAsJsonAsync($"/api/users/{user.Id}", new { displayName = "赵经理", roles = new[] { "owner" }, departmentId = department }, Ct);
        var badRole = await admin.PutAsJsonAsync($"/api/users/{user.Id}", new { roles = new[] { "boss" } }, Ct);
        var badDepartment = await admin.PutAsJsonAsync($"/api/users/{user.Id}", new { roles = new[] { "owner" }, departmentId = 999 }, Ct);
        var nobody = await admin.PutAsJsonAsync("/api/users/999", new { roles = new[] { "owner" } }, Ct);
        var shortPassword = await admin.PutAsJsonAsync($"/api/users/{user.Id}/password", new { password = "short" }, Ct);
        var reset = await admin.PutAsJsonAsync($"/api/users/{user.Id}/password", new { password = "a-new-password-1234" }, Ct);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            (changed.StatusCode, badRole.StatusCode, badDepartment.StatusCode, nobody.StatusCode));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NoContent), (shortPassword.StatusCode, reset.StatusCode));
        var listed = (await admin.GetFromJsonAsync<List<UserResponse>>("/api/users", Ct))!.Single(u => u.Username == "zhao");
        Assert.Equal(("赵经理", department), (listed.DisplayName, listed.DepartmentId));
        Assert.Equal(["owner"], listed.Roles);
        using var owner = await host.ClientForUserAsync("zhao", "a-new-password-1234");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/owner/cases", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/admin", Roles.Admin, Roles.Supervisor)]
    [InlineData("/channels.html", Roles.Supervisor, Roles.Agent)]
    public async Task ARolesPage_IsServedToItsRole_Only(string path, string allowed, string refused)
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var yes = await host.ClientAsync(allowed);
        using var no = await host.ClientAsync(refused);

        var page = await yes.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("<!doctype html>", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await no.GetAsync(path, Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await host.Anonymous().GetAsync(path, Ct)).StatusCode);
    }
}
