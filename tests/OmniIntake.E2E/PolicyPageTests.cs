using Microsoft.Playwright;

namespace OmniIntake.E2E;

/// <summary>The policy page in real Chromium (issue 6: "the admin pages show the same" as the preview API).</summary>
public sealed class PolicyPageTests
{
    [Fact]
    public async Task AnAdmin_PreviewsTheDefaultAndAnExamplePolicy_AndMakesADayOff()
    {
        using var hub = await HubUnderTest.StartAsync();
        var url = hub.Url;
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" })).NewPageAsync();
            await hub.SignInAsync(page);
            await page.GotoAsync(url + "/policy.html");
            await Assertions.Expect(page.Locator("#zone")).ToHaveTextAsync("Asia/Shanghai");
            await Assertions.Expect(page.Locator("#receivedAt")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$"));

            // A Saturday afternoon e-mail: forwarded by the end of that day (policy 5.2.2).
            await page.SelectOptionAsync("#channel", "email");
            await page.FillAsync("#receivedAt", "2026-11-28T15:00:00+08:00");
            await page.ClickAsync("#preview button[type=submit]");
            var forward = page.Locator("#deadlines tr[data-kind=forward]");
            await Assertions.Expect(forward).ToContainTextAsync("2026-11-28T23:59:59+08:00");
            await Assertions.Expect(forward).ToContainTextAsync("day off");

            // The hospital's rule for the answer: a week, wall clock, after the forwarding deadline.
            await page.SelectOptionAsync("#preset", "hospital");
            await page.ClickAsync("#preview button[type=submit]");
            await Assertions.Expect(page.Locator("#deadlines tr[data-kind=ownerAnswer]")).ToContainTextAsync("2026-12-05T23:59:59+08:00");
            await Assertions.Expect(page.Locator("#deadlines tr[data-kind=ownerAnswer]")).ToContainTextAsync("hospital");

            // A company day off: saved, listed, and the recomputation queued.
            await page.FillAsync("#day", "2099-03-04");
            await page.FillAsync("#dayName", "公司周年庆");
            await page.ClickAsync("#setDay button[type=submit]");
            await Assertions.Expect(page.Locator("#dayDone")).ToContainTextAsync("2099-03-04 saved");
            await Assertions.Expect(page.Locator("#days tbody")).ToContainTextAsync("公司周年庆");
            // Kept with the test results (a test attachment), for a person to look at.
            TestContext.Current.AddAttachment("policy-page.png", await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true }), "image/png");
            Assert.Empty(await page.Locator("#previewError").TextContentAsync() ?? "");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
