using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OmniIntake.E2E.Workspace;

namespace OmniIntake.E2E.Views;

/// <summary>
/// The policy preview in the workspace (issue 14): a supervisor picks a channel, a date and a time in the
/// organisation's zone (no ISO 8601 typed by hand) and reads the deadlines the policy gives, rules in Chinese.
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed partial class PolicyPreviewJourneyTests
{
    private const string Password = "supervisor-password-for-e2e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"\b(email|forward|ownerAnswer|majorFirstAnswer|policy|working|major)\b")]
    private static partial Regex RawCode();

    [Fact]
    public async Task ASupervisorPicksAMomentInTheOrganisationsZone_AndReadsTheDeadlinesInWords()
    {
        using var hub = await HubUnderTest.StartAsync();
        using (var admin = await StaffApi.SignInAsync(hub.Url, Ct))
        {
            await admin.UserAsync("sun", "孙主管", Password, "supervisor", Ct);
        }
        var (playwright, browser) = await Browser.LaunchAsync();
        var screens = Path.Combine(AppContext.BaseDirectory, "screens");
        Directory.CreateDirectory(screens);
        try
        {
            // A browser in another zone than the organisation's (Asia/Shanghai): the picked time is still Shanghai's.
            var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", TimezoneId = "Europe/London" })).NewPageAsync();
            await page.GotoAsync(hub.Url + "/app/");
            await page.FillAsync("#username", "sun");
            await page.FillAsync("#password", Password);
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/board$"));
            await page.GotoAsync(hub.Url + "/app/policy");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("时限政策预览");

            // An e-mail on Tuesday 2026-11-24 at 20:00 in Shanghai: outside working hours, forwarded within 1 hour after work starts.
            await page.GetByLabel("受理渠道").SelectOptionAsync(new SelectOptionValue { Label = "电子邮件" });
            await page.GetByLabel("受理日期").FillAsync("2026-11-24");
            await page.GetByLabel("受理时间", new() { Exact = true }).FillAsync("20:00");
            await page.GetByRole(AriaRole.Button, new() { Name = "查看时限" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-test=working]")).ToHaveTextAsync("该时间不属于工作时间（下班后、周末或节假日）。");
            var forward = page.Locator("tr[data-kind=forward]");
            await Assertions.Expect(forward).ToContainTextAsync("转交时限");
            await Assertions.Expect(forward.Locator("[data-test=rule]")).ToContainTextAsync("政策 5.2.2：工作日非工作时间收到");
            await Assertions.Expect(forward).ToContainTextAsync("2026/11/25");
            await Assertions.Expect(page.Locator("tr[data-kind=ownerAnswer] [data-test=rule]")).ToContainTextAsync("政策 5.2.5");
            Assert.DoesNotMatch(RawCode(), await page.Locator("#main").InnerTextAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "policy-preview.png"), FullPage = true });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
