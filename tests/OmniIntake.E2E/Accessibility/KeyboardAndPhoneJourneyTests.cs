using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OmniIntake.E2E.Workspace;

namespace OmniIntake.E2E.Accessibility;

/// <summary>
/// Issue 14.6: an agent works the queue with the keyboard only (skip link, Tab to the queue, Enter opens a case and the
/// focus moves to it, Esc returns, shortcuts listed with ? and turned off), and at phone width (390 px) the workspace and
/// the older pages fit the screen, the split pane shows one pane at a time with a way back.
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed class KeyboardAndPhoneJourneyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAgent_WorksTheQueue_WithTheKeyboardOnly()
    {
        using var hub = await AxeTests.StartHubAsync();
        await RegisterAsync(hub, "停车场收费标准不透明，请说明。");
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" })).NewPageAsync();
            await page.GotoAsync(hub.Url + "/app/signin");
            await TabUntilFocusedAsync(page, page.GetByLabel("用户名"));
            await page.Keyboard.TypeAsync("li");
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.GetByLabel("密码")).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("role-password-for-e2e");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/queue$"));
            var rows = page.Locator(".queue-list button[data-number]");
            await Assertions.Expect(rows).ToHaveCountAsync(2);

            // On arriving at the queue, the first Tab shows the skip link; following it, the next Tab is in the queue, past the top bar.
            await page.GotoAsync(hub.Url + "/app/queue");
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await page.Keyboard.PressAsync("Tab");
            var skip = page.GetByRole(AriaRole.Link, new() { Name = "跳到主要内容" });
            await Assertions.Expect(skip).ToBeFocusedAsync();
            await Assertions.Expect(skip).ToBeInViewportAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索" })).ToBeFocusedAsync();
            await TabUntilFocusedAsync(page, rows.First);

            // The arrow keys walk the queue; Enter opens the case and the focus moves to its heading.
            await page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(rows.Nth(1)).ToBeFocusedAsync();
            var second = await rows.Nth(1).GetAttributeAsync("data-number");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/app/cases/{second}$"));
            var heading = page.Locator("article.case h2");
            await Assertions.Expect(heading).ToContainTextAsync(second!);
            await Assertions.Expect(heading).ToBeFocusedAsync();
            await AxeTests.AttachScreenshotAsync(page, "keyboard-case-open");

            // Esc returns to the case's row in the queue.
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(page.Locator($".queue-list button[data-number='{second}']")).ToBeFocusedAsync();

            // j and k open the next and previous case.
            await page.Keyboard.PressAsync("k");
            var first = await rows.First.GetAttributeAsync("data-number");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/app/cases/{first}$"));

            // ? lists the shortcuts; the agent turns the one-letter ones off; Esc closes the list.
            await page.Keyboard.PressAsync("Shift+?");
            var help = page.GetByRole(AriaRole.Dialog, new() { Name = "键盘快捷键" });
            await Assertions.Expect(help).ToBeVisibleAsync();
            await Assertions.Expect(help).ToContainTextAsync("下一个案件");
            await Assertions.Expect(help).ToContainTextAsync("从案件返回队列");
            var enabled = help.GetByRole(AriaRole.Checkbox, new() { Name = "启用单字母快捷键" });
            await enabled.FocusAsync();
            await page.Keyboard.PressAsync("Space");
            await Assertions.Expect(enabled).Not.ToBeCheckedAsync();
            await AxeTests.AttachScreenshotAsync(page, "keyboard-shortcut-list");
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(help).ToBeHiddenAsync();

            // Off means off: j no longer moves, and the setting survives a reload.
            await page.ReloadAsync();
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("article.case h2")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("j");
            // Two frames let a navigation the key started show; the page must still be the first case.
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            Assert.EndsWith($"/app/cases/{first}", page.Url, StringComparison.Ordinal);
            Assert.Equal("off", await page.EvaluateAsync<string>("() => localStorage.getItem('omni.shortcuts.li')"));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task AtPhoneWidth_TheWorkspaceShowsOnePane_AndNoPageScrollsSideways()
    {
        using var hub = await AxeTests.StartHubAsync();
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
            });
            var page = await context.NewPageAsync();
            await AxeTests.SignInAsync(page, hub, "li");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/queue$"));
            var row = page.Locator(".queue-list button[data-number]").First;
            await Assertions.Expect(row).ToBeVisibleAsync();
            await AssertFitsAsync(page, "phone-queue");

            // Opening a case shows the case alone, with the way back.
            await row.TapAsync();
            await Assertions.Expect(page.Locator("article.case h2")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("section.queue")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("[data-test=reply]")).ToBeVisibleAsync();
            await AssertFitsAsync(page, "phone-case");
            await page.GetByRole(AriaRole.Link, new() { Name = "返回队列" }).TapAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/queue$"));
            await Assertions.Expect(row).ToBeVisibleAsync();

            // The older console and the admin page fit too.
            await page.GotoAsync(hub.Url + "/console.html");
            await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
            await AssertFitsAsync(page, "phone-console");
            var admin = await context.NewPageAsync();
            await AxeTests.SignInAsync(admin, hub, "admin");
            await admin.GotoAsync(hub.Url + "/admin");
            await Assertions.Expect(admin.Locator("h1").First).ToBeVisibleAsync();
            await AssertFitsAsync(admin, "phone-admin");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static async Task AssertFitsAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AxeTests.AttachScreenshotAsync(page, name);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        Assert.True(scroll <= client, $"{name}: the page is {scroll} px wide in a {client} px screen (it scrolls sideways)");
    }

    private static async Task TabUntilFocusedAsync(IPage page, ILocator target, int most = 30)
    {
        for (var i = 0; i < most; i++)
        {
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement")) return;
            await page.Keyboard.PressAsync("Tab");
        }
        await Assertions.Expect(target).ToBeFocusedAsync();
    }

    private static async Task RegisterAsync(HubUnderTest hub, string text)
    {
        using var admin = await StaffApi.SignInAsync(hub.Url, Ct);
        using var register = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = JsonContent.Create(new { channel = "phone", text, phone = "13900139000", complainantName = "刘女士" }),
        };
        register.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        (await admin.SendAsync(register, Ct)).EnsureSuccessStatusCode();
    }
}
