using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OmniIntake.E2E.Workspace;

namespace OmniIntake.E2E.Pause;

/// <summary>
/// An agent pauses a forwarded case's clock while waiting for the customer, in Chinese, in real Chromium (issue 13
/// item 4): the case shows what it waits for, why and since when; the owner's answer clock shows "paused" with the
/// time it has left instead of a countdown; resuming brings the countdown back.
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed class PauseJourneyTests
{
    private const string AgentPassword = "agent-password-for-e2e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAgentInChinese_PausesTheClockWhileWaitingForTheCustomer_AndResumesIt()
    {
        using var hub = await HubUnderTest.StartAsync();
        var url = hub.Url;
        string number;
        using (var admin = await StaffApi.SignInAsync(url, Ct))
        {
            await admin.UserAsync("li", "李客服", AgentPassword, "agent", Ct);
            var departmentId = await admin.DepartmentAsync("engineering", "工程部", Ct);
            using var register = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
            {
                Content = JsonContent.Create(new { channel = "phone", text = "楼上漏水，天花板发霉", complainantName = "王先生", phone = "13800138000" }),
            };
            register.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            var registered = (await admin.SendAsync(register, Ct)).EnsureSuccessStatusCode();
            var opened = await registered.Content.ReadFromJsonAsync<JsonElement>(Ct);
            number = opened.GetProperty("number").GetString()!;
            (await admin.PostAsJsonAsync($"/api/cases/{opened.GetProperty("caseId").GetInt64()}/forward", new { departmentId }, Ct)).EnsureSuccessStatusCode();
        }
        var (playwright, browser) = await Browser.LaunchAsync();
        var screens = Path.Combine(AppContext.BaseDirectory, "screens");
        Directory.CreateDirectory(screens);
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(url + "/app/");
            await page.FillAsync("#username", "li");
            await page.FillAsync("#password", AgentPassword);
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/queue$"));
            await page.GotoAsync(url + "/app/cases/" + number);
            var answerClock = page.Locator(".deadlines li[data-kind=ownerAnswer]");
            await Assertions.Expect(answerClock.Locator(".countdown")).ToContainTextAsync("剩余");

            await page.GetByRole(AriaRole.Button, new() { Name = "暂停计时…" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "暂停计时", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("请填写等待的原因。");
            await page.GetByLabel("等待客户回复").CheckAsync();
            await page.GetByLabel("原因").FillAsync("等待客户提供漏水处照片");
            await page.GetByRole(AriaRole.Button, new() { Name = "暂停计时", Exact = true }).ClickAsync();

            await Assertions.Expect(page.Locator(".case p.notice")).ToHaveTextAsync("已暂停计时。");
            var banner = page.Locator("[data-test=pause-banner]");
            await Assertions.Expect(banner).ToContainTextAsync("等待客户回复：自");
            await Assertions.Expect(banner).ToContainTextAsync("等待客户提供漏水处照片");
            await Assertions.Expect(banner).ToContainTextAsync("客户再次来信时自动恢复计时。");
            await Assertions.Expect(answerClock.Locator("[data-test=paused]")).ToContainTextAsync("已暂停，恢复后剩余");
            TestContext.Current.AddAttachment("case-paused.png",
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "case-paused.png") }), "image/png");

            await page.GetByRole(AriaRole.Button, new() { Name = "恢复计时" }).ClickAsync();
            await Assertions.Expect(page.Locator(".case p.notice")).ToHaveTextAsync("已恢复计时，按剩余时间重新计算时限。");
            await Assertions.Expect(banner).ToHaveCountAsync(0);
            await Assertions.Expect(answerClock.Locator(".countdown")).ToContainTextAsync("剩余");
            await Assertions.Expect(answerClock.Locator("[data-test=rule]")).ToContainTextAsync("暂停后恢复计时");
            TestContext.Current.AddAttachment("case-resumed.png",
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "case-resumed.png") }), "image/png");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
