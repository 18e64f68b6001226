using Microsoft.Playwright;
using OmniIntake.Data;
using OmniIntake.Testing;

namespace OmniIntake.E2E.Console;

/// <summary>Two server processes on two ports, one PostgreSQL and Redis (issue 7): an SMS taken in by one reaches a console open on the other.</summary>
public sealed class TwoNodeConsoleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnSmsTakenInByOneNode_SlidesIntoAConsoleOnTheOther()
    {
        await using var twilio = new TwilioStandIn();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var settings = new Dictionary<string, string?>(TestRedis.Settings("e2e" + Guid.NewGuid().ToString("N")))
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = database.Options.ConnectionString,
        };
        var urlA = ServerProcess.FreeUrl();
        var urlB = ServerProcess.FreeUrl();
        // One after the other: the first migrates the database.
        using var nodeA = await HubUnderTest.StartAsync(new Dictionary<string, string?>(settings.Concat(HubUnderTest.SmsSettings(twilio, urlA))), urlA);
        using var nodeB = await HubUnderTest.StartAsync(new Dictionary<string, string?>(settings.Concat(HubUnderTest.SmsSettings(twilio, urlB))), urlB);
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" })).NewPageAsync();
            await nodeB.SignInAsync(page);
            await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("在线");

            await nodeA.SendSmsAsync("+8613800138000", "两个节点：小区停水", Ct);

            var item = page.Locator("#queue li").First;
            await Assertions.Expect(item).ToContainTextAsync("sms"); // the console never polls: only the other node's push brings it
            await item.ClickAsync();
            await Assertions.Expect(page.Locator(".timeline .message.inbound").First).ToContainTextAsync("两个节点：小区停水");
            Assert.Equal(1, await page.Locator("#queue li").CountAsync()); // pushed once, not once per node
            TestContext.Current.AddAttachment("console-two-nodes.png", await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true }), "image/png");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
