using System.Net;
using OmniIntake.Data;
using OmniIntake.Server.Accounts;

namespace OmniIntake.Server.Tests.Accounts;

public sealed class SignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RepeatedWrongPasswords_LockTheAccount()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var client = host.Anonymous();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/login", new { username = "only-agent", password = "wrong-password-" + i }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var right = await client.PostAsJsonAsync("/api/auth/login", new { username = "only-agent", password = HubHost.UserPassword }, Ct);

        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
    }

    [Fact]
    public async Task Setup_NeedsTheCode_AndOnlyWorksWhileNoUserExists()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var client = host.Anonymous();
        var code = host.Services.GetRequiredService<SetupCode>().Value;

        var wrongCode = await client.PostAsJsonAsync("/api/setup/admin", new { setupCode = "000000000000", username = "eve", password = "long-enough-password" }, Ct);
        var afterSetup = await client.PostAsJsonAsync("/api/setup/admin", new { setupCode = code, username = "eve", password = "long-enough-password" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, afterSetup.StatusCode); // the bootstrap admin exists already
    }
}
