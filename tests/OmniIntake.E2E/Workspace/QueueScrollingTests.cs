using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OmniIntake.E2E.Workspace;

/// <summary>
/// The queue with more open cases than one page (issue 14 item 6), in real Chromium with a Chinese locale: the agent sees
/// how many of how many are shown, scrolls, and the queue loads the next cases in deadline order until it holds them all.
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed class QueueScrollingTests
{
    private const string AgentPassword = "agent-password-for-e2e";
    private const int Cases = 450; // more than two pages of 200

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The case numbers the hub's queue lists first and last (GET /api/cases/queue, page after page).</summary>
    private static async Task<(string First, string Last)> FirstAndLastInTheQueueAsync(HttpClient client)
    {
        var numbers = new List<string>();
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(
                "/api/cases/queue?limit=200" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)), Ct);
            numbers.AddRange(page.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("number").GetString()!));
            var next = page.GetProperty("next");
            after = next.ValueKind == System.Text.Json.JsonValueKind.Null ? null : next.GetString();
        }
        while (after is not null);
        Assert.Equal(Cases, numbers.Count);
        return (numbers[0], numbers[^1]);
    }

    [Fact]
    public async Task ScrollingTheQueue_LoadsTheNextCases_AndTheCountSaysHowManyOfHowMany()
    {
        using var hub = await HubUnderTest.StartAsync();
        string first, last;
        using (var admin = await StaffApi.SignInAsync(hub.Url, Ct))
        {
            await admin.UserAsync("zhao", "赵客服", AgentPassword, "agent", Ct);
            // Received ten seconds apart, later today: none falls due meanwhile. Which is due first depends on the time of
            // day (receipts after working hours share the next morning's deadline, the newest first among equals), so the
            // order the list must show is the hub's own, read below.
            var start = DateTimeOffset.UtcNow.AddMinutes(30);
            for (var i = 0; i < Cases; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
                {
                    Content = JsonContent.Create(new
                    {
                        channel = "phone", text = $"第{i + 1}号来电投诉：楼道灯不亮", phone = "137" + i.ToString("D8", CultureInfo.InvariantCulture),
                        complainantName = $"来电人{i + 1}", receivedAt = start.AddSeconds(i * 10),
                    }),
                };
                request.Headers.Add("Idempotency-Key", $"queue-scroll-{i}");
                (await admin.SendAsync(request, Ct)).EnsureSuccessStatusCode();
            }
            (first, last) = await FirstAndLastInTheQueueAsync(admin);
        }
        var (playwright, browser) = await Browser.LaunchAsync();
        var screens = Path.Combine(AppContext.BaseDirectory, "screens");
        Directory.CreateDirectory(screens);
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            var page = await context.NewPageAsync();
            var consoleErrors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
            page.PageError += (_, error) => consoleErrors.Add(error);
            await page.GotoAsync(hub.Url + "/app/");
            await page.FillAsync("#username", "zhao");
            await page.FillAsync("#password", AgentPassword);
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/queue$"));

            var count = page.Locator("[data-test=queue-count]");
            await Assertions.Expect(count).ToHaveTextAsync("显示 200 / 450");
            await Assertions.Expect(page.Locator("li[aria-posinset='1'] button")).ToContainTextAsync(first);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "queue-first-page.png") });

            // The agent scrolls down the list: near the end of what is loaded, the next page arrives.
            var scroller = page.Locator("[data-test=queue-scroll]");
            await scroller.HoverAsync();
            for (var i = 0; i < 400 && await count.TextContentAsync() == "显示 200 / 450"; i++) await page.Mouse.WheelAsync(0, 1200);
            await Assertions.Expect(count).ToHaveTextAsync("显示 400 / 450");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "queue-second-page.png") });

            // To the end: all 450 are loaded, the count is the list's own, and the list ends at its 450th row.
            for (var i = 0; i < 400 && await count.TextContentAsync() != "450 件案件"; i++) await page.Mouse.WheelAsync(0, 1200);
            await Assertions.Expect(count).ToHaveTextAsync("450 件案件");
            await scroller.EvaluateAsync("e => e.scrollTop = e.scrollHeight");
            await Assertions.Expect(page.Locator("li[aria-posinset='450'] button")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("li[aria-posinset='450'] button")).ToContainTextAsync(last);
            await Assertions.Expect(page.Locator("li[aria-setsize='450']").First).ToBeAttachedAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "queue-all-loaded.png") });
            // The sign-in page's first look at /api/auth/me is a 401 by design; nothing else may fail.
            Assert.DoesNotContain(consoleErrors, e => !e.Contains("401", StringComparison.Ordinal));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
