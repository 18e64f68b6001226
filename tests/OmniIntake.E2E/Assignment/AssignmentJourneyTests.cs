using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OmniIntake.E2E.Workspace;

namespace OmniIntake.E2E.Assignment;

/// <summary>
/// Assignment and who is looking (issue 15 items 5-6), in real Chromium in Chinese: a supervisor gives a case to an
/// agent, who sees it appear under "mine" live, and the team page shows the agent's load; two agents open the same
/// case and each sees the other, and the typing marker.
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed class AssignmentJourneyTests
{
    private const string Password = "user-password-for-e2e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> PrepareAsync(HubUnderTest hub)
    {
        using var admin = await StaffApi.SignInAsync(hub.Url, Ct);
        foreach (var (name, display, role) in new[] { ("zhang", "张主管", "supervisor"), ("wang", "王芳", "agent"), ("li", "李强", "agent") })
            await admin.UserAsync(name, display, Password, role, Ct);
        using var register = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = JsonContent.Create(new { channel = "phone", text = "小区东门的路灯坏了一周", phone = "13800138601", complainantName = "赵女士" }),
        };
        register.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var response = await admin.SendAsync(register, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Registered>(Ct))!.Number;
    }

    private sealed record Registered(long CaseId, string Number);

    private static async Task<IPage> SignInAsync(IBrowser browser, string url, string username)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url + "/app/signin");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-test=display-name]")).ToBeVisibleAsync();
        return page;
    }

    private static string Screens()
    {
        var screens = Path.Combine(AppContext.BaseDirectory, "screens");
        Directory.CreateDirectory(screens);
        return screens;
    }

    [Fact]
    public async Task ASupervisorAssignsACase_TheAgentSeesItAsTheirsLive_AndTheTeamPageShowsTheLoad()
    {
        using var hub = await HubUnderTest.StartAsync();
        var number = await PrepareAsync(hub);
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var wang = await SignInAsync(browser, hub.Url, "wang");
            await Assertions.Expect(wang).ToHaveURLAsync(new Regex("/app/queue$"));
            await Assertions.Expect(wang.Locator("[data-test=live-status]")).ToHaveTextAsync("实时");
            await wang.GetByRole(AriaRole.Button, new() { Name = "我的" }).ClickAsync();
            await Assertions.Expect(wang.Locator($"button[data-number='{number}']")).ToHaveCountAsync(0);

            var zhang = await SignInAsync(browser, hub.Url, "zhang");
            await zhang.GotoAsync($"{hub.Url}/app/cases/{number}");
            var control = zhang.Locator("[data-test=assignee-control]");
            await Assertions.Expect(control.Locator("[data-test=assignee-name]")).ToHaveTextAsync("未指派");
            // wang has the queue open: online, with no case yet; li has not signed in: offline.
            await Assertions.Expect(control.Locator("option", new() { HasText = "王芳" })).ToHaveTextAsync(new Regex(@"王芳 · 0 件处理中 · 在线"));
            await Assertions.Expect(control.Locator("option", new() { HasText = "李强" })).ToHaveTextAsync(new Regex(@"李强 · 0 件处理中 · 离线"));
            await control.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "王芳 · 0 件处理中 · 在线" });
            await control.GetByPlaceholder("指派备注（可选）").FillAsync("客户下午方便接电话");
            await control.GetByRole(AriaRole.Button, new() { Name = "指派", Exact = true }).ClickAsync();
            await Assertions.Expect(control.Locator("[role=status]")).ToHaveTextAsync("已指派给 王芳。");
            await Assertions.Expect(control.Locator("[data-test=assignee-name]")).ToHaveTextAsync("王芳");
            await zhang.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens(), "assign-supervisor.png") });

            // wang's "mine" list shows it without a reload, with whom it is assigned to.
            var mine = wang.Locator($"button[data-number='{number}']");
            await Assertions.Expect(mine).ToBeVisibleAsync();
            await Assertions.Expect(mine.Locator("[data-test=assignee]")).ToHaveTextAsync("处理人：王芳");
            await wang.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens(), "assign-agent-mine.png") });

            // The team page: the supervisor sees wang's load.
            await zhang.GetByRole(AriaRole.Link, new() { Name = "团队负载" }).ClickAsync();
            await Assertions.Expect(zhang).ToHaveURLAsync(new Regex("/app/team$"));
            var row = zhang.Locator("tr[data-agent=wang]");
            await Assertions.Expect(row.Locator("[data-test=open-cases]")).ToHaveTextAsync("1");
            await Assertions.Expect(row.Locator("[data-test=state]")).ToHaveTextAsync("在线");
            await Assertions.Expect(zhang.Locator("tr[data-agent=li] [data-test=state]")).ToHaveTextAsync("离线");
            // wang says they are away in the header: the team page shows it live.
            await wang.Locator("[data-test=availability]").SelectOptionAsync("away");
            await Assertions.Expect(row.Locator("[data-test=state]")).ToHaveTextAsync("暂离");
            await zhang.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens(), "assign-team.png") });
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task TwoAgentsOpenTheSameCase_EachSeesTheOther_AndWhoIsTyping()
    {
        using var hub = await HubUnderTest.StartAsync();
        var number = await PrepareAsync(hub);
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var wang = await SignInAsync(browser, hub.Url, "wang");
            await wang.GotoAsync($"{hub.Url}/app/cases/{number}");
            await Assertions.Expect(wang.Locator("[data-test=live-status]")).ToHaveTextAsync("实时");
            var li = await SignInAsync(browser, hub.Url, "li");
            await li.GotoAsync($"{hub.Url}/app/cases/{number}");

            await Assertions.Expect(li.Locator("[data-test=viewers]")).ToContainTextAsync("王芳 也在查看此案件");
            await Assertions.Expect(wang.Locator("[data-test=viewers]")).ToContainTextAsync("李强 也在查看此案件");

            await li.Locator("[data-test=reply]").PressSequentiallyAsync("您好，路灯");
            await Assertions.Expect(wang.Locator("[data-test=typing]")).ToHaveTextAsync("李强 正在输入回复…");
            await wang.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens(), "assign-viewers-typing.png") });

            // li leaves the case: wang no longer sees them.
            await li.GotoAsync($"{hub.Url}/app/queue");
            await Assertions.Expect(wang.Locator("[data-test=viewers]")).ToHaveCountAsync(0);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
