using System.Net;
using System.Text.Json;

namespace OmniIntake.Server.Tests.Security;

/// <summary>
/// Issue 12 item 13: the lockout no longer tells which names exist (the same answers for an unknown name), and one
/// address's failures do not lock the account for anyone else (anyone could lock any colleague out).
/// </summary>
public sealed class SignInLockoutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FailuresFromOneAddress_LockThatAddressOnly_AndAnUnknownNameIsAnsweredTheSame()
    {
        await using var server = await RealServer.StartAsync();
        using var guesser = server.From("127.0.0.1");
        using var colleague = server.From("127.0.0.3");

        var known = new List<(HttpStatusCode, string)>();
        var unknown = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 6; i++)
        {
            known.Add(await SignInAsync(guesser, "admin", "wrong-password-" + i));
            unknown.Add(await SignInAsync(guesser, "nobody-here", "wrong-password-" + i));
        }
        var guesserRight = await SignInAsync(guesser, "admin", RealServer.AdminPassword);
        var colleagueRight = await SignInAsync(colleague, "admin", RealServer.AdminPassword);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Append(HttpStatusCode.Locked), known.Select(k => k.Item1));
        Assert.Equal(known.Select(k => k.Item1), unknown.Select(u => u.Item1));
        Assert.Equal(known[0].Item2, unknown[0].Item2); // the same refusal, word for word
        Assert.Equal(Shape(known[5].Item2), Shape(unknown[5].Item2)); // the same lockout answer (but for its time)
        Assert.Equal(HttpStatusCode.Locked, guesserRight.Item1);
        Assert.Equal(HttpStatusCode.OK, colleagueRight.Item1);
    }

    private static async Task<(HttpStatusCode, string)> SignInAsync(HttpClient client, string username, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        // Every answer carries its own trace id; the rest must not differ.
        var json = JsonDocument.Parse(body).RootElement;
        var comparable = response.StatusCode == HttpStatusCode.OK ? "" : $"{json.GetProperty("title")}|{json.GetProperty("detail")}|{json.GetProperty("status")}";
        return (response.StatusCode, comparable);
    }

    private static string Shape(string answer) => System.Text.RegularExpressions.Regex.Replace(answer, @"\d", "0");
}
