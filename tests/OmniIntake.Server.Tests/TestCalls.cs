using OmniIntake.Server.Cases;

namespace OmniIntake.Server.Tests;

internal static class TestCalls
{
    public static Task<RegisteredCase> RegisterAsync(this HttpClient client, string text, string? key = null, string phone = "13800138000") =>
        client.RegisterAsync(new { channel = "phone", text, phone, complainantName = "王先生" }, key);

    /// <summary>POST /api/cases with any body and a fresh Idempotency-Key unless one is given.</summary>
    public static async Task<RegisteredCase> RegisterAsync(this HttpClient client, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RegisteredCase>())!;
    }

    public static async Task<T> WithinAsync<T>(TimeSpan timeout, Func<Task<T?>> probe, string what) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Not within {timeout}: {what}");
    }
}
