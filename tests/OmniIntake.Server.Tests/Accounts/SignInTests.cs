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

public sealed class SharedSessionTests
{
    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task Cookie_IssuedByOneServerProcess_IsAcceptedByAnother(DatabaseProvider provider)
    {
        await using var database = await OmniIntake.Testing.TestDatabase.CreateAsync(provider);
        await using var first = await HubHost.StartAsync(database, ownsDatabase: false);
        await using var second = await HubHost.StartAsync(database, ownsDatabase: false);
        var cookie = await first.CookieAsync(Core.Accounts.Roles.Agent);

        using var client = second.Anonymous();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        var me = await client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        // The key ring that made this work lives in the shared database, not on one machine's disk.
        var store = (Data.Accounts.DataProtectionKeyStore)second.Services.GetService(typeof(Data.Accounts.DataProtectionKeyStore))!;
        Assert.NotEmpty(store.All());
    }
}
