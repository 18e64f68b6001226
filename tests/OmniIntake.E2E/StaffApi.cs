using System.Net.Http.Json;
using System.Text.Json;

namespace OmniIntake.E2E;

/// <summary>
/// A signed-in API client for a journey's set-up (accounts, departments): what every journey did by hand before it
/// let a person walk through the browser. It is an <see cref="HttpClient"/> with the session's cookie, so a journey
/// calls any other endpoint on it too.
/// </summary>
public sealed class StaffApi : HttpClient
{
    private StaffApi(string url) : base(new HttpClientHandler { UseCookies = true }, disposeHandler: true) => BaseAddress = new Uri(url);

    /// <summary>Signed in as <paramref name="username"/> (default: the bootstrap admin).</summary>
    public static async Task<StaffApi> SignInAsync(string url, CancellationToken ct, string username = "admin", string? password = null)
    {
        var api = new StaffApi(url);
        try
        {
            (await api.PostAsJsonAsync("/api/auth/login", new { username, password = password ?? HubUnderTest.AdminPassword }, ct)).EnsureSuccessStatusCode();
            return api;
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    /// <returns>The new department's id.</returns>
    public async Task<long> DepartmentAsync(string code, string name, CancellationToken ct) =>
        (await (await this.PostAsJsonAsync("/api/departments", new { code, name }, ct)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();

    /// <summary>An account with its display name and roles (an owner with the department they answer for).</summary>
    /// <returns>The new user's id.</returns>
    public async Task<long> UserAsync(string username, string displayName, string password, string role, CancellationToken ct, long? departmentId = null) =>
        (await (await this.PostAsJsonAsync("/api/users", new { username, displayName, password, roles = new[] { role }, departmentId }, ct))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
}
