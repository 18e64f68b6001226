using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
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
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task ASwitchedOffAccount_CannotSignIn_IsGivenNoCases_AndComesBackWithItsRoles(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var admin = await host.ClientAsync(Roles.Admin);
        var user = (await (await admin.PostAsJsonAsync("/api/users", new { username = "qian", displayName = "钱客服", password = HubHost.UserPassword, roles = new[] { "agent" } }, Ct))
            .Content.ReadFromJsonAsync<UserResponse>(Ct))!;
        var me = (await admin.GetFromJsonAsync<UserResponse>("/api/auth/me", Ct))!;

        var off = await admin.PutAsJsonAsync($"/api/users/{user.Id}/disabled", new { disabled = true }, Ct);
        var signIn = await host.Anonymous().PostAsJsonAsync("/api/auth/login", new { username = "qian", password = HubHost.UserPassword }, Ct);
        var listed = (await admin.GetFromJsonAsync<List<UserResponse>>("/api/users", Ct))!.Single(u => u.Username == "qian");
        var caseId = (await admin.RegisterAsync(new { channel = "letter", text = "来信投诉" })).CaseId;
        var assigned = await admin.PostAsJsonAsync($"/api/cases/{caseId}/assign", new { userId = user.Id }, Ct);
        var self = await admin.PutAsJsonAsync($"/api/users/{me.Id}/disabled", new { disabled = true }, Ct);
        var nobody = await admin.PutAsJsonAsync("/api/users/999/disabled", new { disabled = true }, Ct);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.Unauthorized), (off.StatusCode, signIn.StatusCode));
        Assert.True(listed.Disabled);
        Assert.Equal(["agent"], listed.Roles);
        Assert.Contains("\"code\":\"assignment.inactive-user\"", await assigned.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.NotFound), (self.StatusCode, nobody.StatusCode));
        Assert.Contains("\"code\":\"account.self-disable\"", await self.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var owner = await host.ClientAsync(Roles.Owner);
        var names = await owner.GetFromJsonAsync<List<StaffName>>("/api/staff/names", Ct);
        Assert.Equal("钱客服", names!.Single(n => n.Username == "qian").DisplayName);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/api/staff/names", Ct)).StatusCode);

        var on = await admin.PutAsJsonAsync($"/api/users/{user.Id}/disabled", new { disabled = false }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, on.StatusCode);
        using var back = await host.ClientForUserAsync("qian");
        Assert.Equal(["agent"], (await back.GetFromJsonAsync<UserResponse>("/api/auth/me", Ct))!.Roles);
        Assert.False((await admin.GetFromJsonAsync<List<UserResponse>>("/api/users", Ct))!.Single(u => u.Username == "qian").Disabled);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task ASignedInSession_FollowsTheAccount_SwitchedOffItEnds_NewRolesAndDepartmentApplyAtOnce(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var admin = await host.ClientAsync(Roles.Admin);
        var created = await admin.PostAsJsonAsync("/api/departments", new { code = "water", name = "供水部" }, Ct);
        var department = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        var user = (await (await admin.PostAsJsonAsync("/api/users", new { username = "sun", displayName = "孙客服", password = HubHost.UserPassword, roles = new[] { "agent" } }, Ct))
            .Content.ReadFromJsonAsync<UserResponse>(Ct))!;
        using var session = await host.ClientForUserAsync("sun");
        var asAgent = await session.GetAsync("/api/owner/cases", Ct);

        await admin.PutAsJsonAsync($"/api/users/{user.Id}", new { displayName = "孙主任", roles = new[] { "owner" }, departmentId = department }, Ct);
        var meNow = (await session.GetFromJsonAsync<UserResponse>("/api/auth/me", Ct))!;
        var asOwner = await session.GetAsync("/api/owner/cases", Ct);

        await admin.PutAsJsonAsync($"/api/users/{user.Id}/disabled", new { disabled = true }, Ct);
        var afterOff = await session.GetAsync("/api/auth/me", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, asAgent.StatusCode);
        Assert.Equal(("孙主任", department), (meNow.DisplayName, meNow.DepartmentId));
        Assert.Equal(["owner"], meNow.Roles);
        Assert.Equal(HttpStatusCode.OK, asOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterOff.StatusCode);
    }

    [Fact]
    public async Task AnOpenLiveConnection_FollowsTheAccount_ClosedWhenMovedToAnotherDepartmentOrSwitchedOff()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await host.ClientAsync(Roles.Admin);
        var water = await DepartmentAsync(admin, "water", "供水部");
        var power = await DepartmentAsync(admin, "power", "供电部");
        var owner = await UserAsync(admin, new { username = "qian", displayName = "钱主任", password = HubHost.UserPassword, roles = new[] { "owner" }, departmentId = water });
        var agent = await UserAsync(admin, new { username = "li", displayName = "李客服", password = HubHost.UserPassword, roles = new[] { "agent" } });
        await using var ownerHub = await host.HubForUserAsync(OmniIntake.Server.Live.OwnerHub.Path, "qian");
        await using var agentHub = await host.HubForUserAsync(OmniIntake.Server.Live.AgentHub.Path, "li");
        var ownerClosed = ClosedOf(ownerHub);
        var agentClosed = ClosedOf(agentHub);
        await ownerHub.StartAsync(Ct);
        await agentHub.StartAsync(Ct);

        // The owner was given 供水部's live group when connecting: moved to 供电部, that connection ends.
        await admin.PutAsJsonAsync($"/api/users/{owner}", new { displayName = "钱主任", roles = new[] { "owner" }, departmentId = power }, Ct);
        await ownerClosed.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var agentAfterOwnerMoved = agentHub.State;
        await admin.PutAsJsonAsync($"/api/users/{agent}/disabled", new { disabled = true }, Ct);
        await agentClosed.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(HubConnectionState.Disconnected, ownerHub.State);
        Assert.Equal(HubConnectionState.Connected, agentAfterOwnerMoved); // someone else's change leaves a connection alone
        Assert.Equal(HubConnectionState.Disconnected, agentHub.State);
    }

    private static Task ClosedOf(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    private static async Task<long> DepartmentAsync(HttpClient admin, string code, string name) =>
        (await (await admin.PostAsJsonAsync("/api/departments", new { code, name }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();

    private static async Task<long> UserAsync(HttpClient admin, object user) =>
        (await (await admin.PostAsJsonAsync("/api/users", user, Ct)).Content.ReadFromJsonAsync<UserResponse>(Ct))!.Id;

    [Fact]
    public async Task TheOldAdminPage_LeadsAnAdminToTheWorkspace_AndRefusesOthers()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await host.ClientAsync(Roles.Admin);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);

        var page = await admin.GetAsync("/admin", Ct);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/app/admin", page.Headers.Location?.OriginalString);
        // Others are refused as before (sent to the refused page or the sign-in page), never into the admin's workspace.
        Assert.NotEqual("/app/admin", (await supervisor.GetAsync("/admin", Ct)).Headers.Location?.OriginalString);
        Assert.NotEqual("/app/admin", (await host.Anonymous().GetAsync("/admin", Ct)).Headers.Location?.OriginalString);
    }

    [Theory]
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
