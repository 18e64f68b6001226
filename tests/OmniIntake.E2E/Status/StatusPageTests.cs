using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OmniIntake.Testing;

namespace OmniIntake.E2E.Status;

/// <summary>
/// A complainant follows their case on /status at phone size in real Chromium (issue 16 item 5): case number and phone
/// ⇒ a code by SMS (the Twilio stand-in) ⇒ the progress and the receipt in Chinese ⇒ information added to the case.
/// </summary>
public sealed partial class StatusPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"验证码：(\d{6})")]
    private static partial Regex CodeInSms();

    [Fact]
    public async Task OnAPhone_ACustomerAsksForACode_SeesTheProgressAndTheReceipt_AndAddsInformation()
    {
        await using var twilio = new TwilioStandIn();
        var url = ServerProcess.FreeUrl();
        using var hub = await HubUnderTest.StartAsync(HubUnderTest.SmsSettings(twilio, url), url);
        await hub.SendSmsAsync("+8613800138000", "小区门口的路灯坏了一个星期", Ct);
        using var agent = await StaffApi.SignInAsync(hub.Url, Ct);
        var number = (await agent.GetFromJsonAsync<JsonElement>("/api/cases", Ct)).EnumerateArray().Single().GetProperty("number").GetString()!;

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var options = playwright.Devices["Galaxy S8"];
            options.Locale = "zh-CN";
            // A phone in another time zone than the organisation's: the page states times as the receipt does.
            options.TimezoneId = "America/New_York";
            await using var context = await browser.NewContextAsync(options);
            var page = await context.NewPageAsync();
            await page.GotoAsync(hub.Url + "/status");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("投诉进度查询");

            await page.Locator("#number").FillAsync(number);
            await page.Locator("#contact").FillAsync("138 0013 8000");
            await page.Locator("#ask button[type=submit]").TapAsync();
            await Assertions.Expect(page.Locator("#sent")).ToContainTextAsync("验证码已发送");
            var code = await CodeAsync(twilio);

            await page.Locator("#code").FillAsync(code);
            await page.Locator("#verify button[type=submit]").TapAsync();
            await Assertions.Expect(page.Locator("#case")).ToHaveTextAsync(number);
            await Assertions.Expect(page.Locator("#steps li.done")).ToHaveTextAsync(new Regex("^已受理"));
            await Assertions.Expect(page.Locator("#steps li:not(.done)")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator("#promise")).ToContainTextAsync("前转交处理");
            await Assertions.Expect(page.Locator("#replies li").First).ToContainTextAsync($"已受理，编号{number}");
            var receiptTime = Regex.Match((await page.Locator("#replies li").First.TextContentAsync())!, @"(\d{2}:\d{2})前转交处理").Groups[1].Value;
            Assert.NotEmpty(receiptTime);
            await Assertions.Expect(page.Locator("#promise")).ToContainTextAsync(receiptTime + " 前转交处理");
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, innerWidth]");
            Assert.True(widths[0] <= widths[1], $"the page widens: scrollWidth {widths[0]} > {widths[1]}");
            Directory.CreateDirectory(Screens);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens, "status-progress.png"), FullPage = true });

            await page.Locator("#more").FillAsync("晚上八点以后整条路都是黑的");
            await page.Locator("#info button[type=submit]").TapAsync();
            await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync($"已补充到投诉 {number}。");
            var detail = await agent.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
            Assert.Contains(detail.GetProperty("messages").EnumerateArray(), m => m.GetProperty("bodyText").GetString() == "晚上八点以后整条路都是黑的");

            // English on the same page.
            await page.Locator("#lang").TapAsync();
            await Assertions.Expect(page.Locator("#steps li.done")).ToHaveTextAsync(new Regex("^Received"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens, "status-progress-en.png"), FullPage = true });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>The code the stand-in received for the customer's phone (the outbox sends it within a moment).</summary>
    private static async Task<string> CodeAsync(TwilioStandIn twilio)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < until)
        {
            var sent = twilio.Created.Select(m => CodeInSms().Match(m["Body"])).FirstOrDefault(m => m.Success);
            if (sent is not null) return sent.Groups[1].Value;
            await Task.Delay(200, Ct);
        }
        throw new TimeoutException("No status code reached the Twilio stand-in within 30 s.");
    }

    private static string Screens => Environment.GetEnvironmentVariable("OMNIINTAKE_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "omniintake-screens");
}
