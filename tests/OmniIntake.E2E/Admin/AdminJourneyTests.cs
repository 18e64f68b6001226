using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OmniIntake.E2E.Workspace;

namespace OmniIntake.E2E.Admin;

/// <summary>
/// Issue 14 items 3-5: the admin manages users and the working calendar in the workspace (the old /admin page is gone),
/// and the owner the admin created is named by their display name and sees the case's history.
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed class AdminJourneyTests
{
    private const string OwnerPassword = "owner-password-for-e2e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Screens()
    {
        var screens = Path.Combine(AppContext.BaseDirectory, "screens");
        Directory.CreateDirectory(screens);
        return screens;
    }

    /// <summary>A day late in the current year (the grid opens on the current year), and how a person says it.</summary>
    private static (string Iso, string Words) ADay(string culture)
    {
        var day = new DateOnly(DateTime.UtcNow.Year, 12, 28);
        var words = culture == "zh-CN"
            ? day.ToString("yyyy年M月d日dddd", CultureInfo.GetCultureInfo("zh-CN"))
            : day.ToString("dddd, MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"));
        return (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), words);
    }

    private static async Task<IPage> AdminSignsInAsync(IBrowser browser, HubUnderTest hub, string locale, int width = 1400)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(hub.Url + "/app/");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", HubUnderTest.AdminPassword);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/admin$"));
        return page;
    }

    [Fact]
    public async Task TheAdminCreatesAnOwnerAndMarksAHoliday_TheOwnerSeesTheirNameAndTheCaseHistory_InChinese()
    {
        using var hub = await HubUnderTest.StartAsync();
        using var api = await StaffApi.SignInAsync(hub.Url, Ct);
        var department = await api.DepartmentAsync("property", "物业部", Ct);
        var adminName = (await api.GetFromJsonAsync<JsonElement>("/api/auth/me", Ct)).GetProperty("displayName").GetString()!;
        var (day, words) = ADay("zh-CN");

        var (playwright, browser) = await Browser.LaunchAsync();
        var screens = Screens();
        try
        {
            var page = await AdminSignsInAsync(browser, hub, "zh-CN");
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);

            // The old admin page's address leads to the workspace.
            await page.GotoAsync(hub.Url + "/admin");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/admin$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "用户", Exact = true })).ToBeVisibleAsync();

            // A department's complaint owner, created with the department the form asks for.
            await page.GetByLabel("用户名", new() { Exact = true }).FillAsync("zhou");
            await page.Locator("#new-display-name").FillAsync("周主任");
            await page.GetByLabel("初始密码").FillAsync(OwnerPassword);
            var newUser = page.Locator("[data-test=new-user]");
            await newUser.GetByRole(AriaRole.Checkbox, new() { Name = "客服专员", Exact = true }).UncheckAsync();
            await newUser.GetByRole(AriaRole.Checkbox, new() { Name = "部门投诉负责人", Exact = true }).CheckAsync();
            await newUser.GetByRole(AriaRole.Button, new() { Name = "添加用户" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-test=users-problem]")).ToHaveTextAsync("部门投诉负责人需要选择所负责的部门。");
            await page.Locator("#new-department").SelectOptionAsync(new SelectOptionValue { Label = "物业部" });
            await newUser.GetByRole(AriaRole.Button, new() { Name = "添加用户" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-test=users-notice]")).ToHaveTextAsync("已添加用户“周主任”。");
            var row = page.Locator("tr[data-user=zhou]");
            await Assertions.Expect(row).ToContainTextAsync("周主任");
            await Assertions.Expect(row).ToContainTextAsync("部门投诉负责人");
            await Assertions.Expect(row).ToContainTextAsync("物业部");
            await Assertions.Expect(row).ToContainTextAsync("启用");

            // A company day off: chosen in the date input, said in words, marked, shown in the year's grid.
            await page.Locator("#calendar-day").FillAsync(day);
            await Assertions.Expect(page.Locator("[data-test=day-form] [data-test=date-words]")).ToHaveTextAsync(words);
            await Assertions.Expect(page.Locator("[data-test=day-kind]")).ToHaveTextAsync("工作日");
            await page.GetByLabel("名称（原因）").FillAsync("公司年会");
            await page.GetByRole(AriaRole.Button, new() { Name = "设为休息日" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-test=calendar-notice]"))
                .ToHaveTextAsync($"已将{words}设为休息日（公司年会）。 各案件未到期的时限将按各自的起算时间重新计算。");
            var cell = page.Locator($"button[data-day='{day}']");
            await Assertions.Expect(cell).ToHaveClassAsync(new Regex(@"\borgOff\b"));
            await Assertions.Expect(cell).ToHaveAttributeAsync("aria-label", $"{words}：本单位休息日（公司年会）");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "admin-users-calendar-zh.png"), FullPage = true });
            // Kept by the hub, not only by the page.
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator($"button[data-day='{day}']")).ToHaveClassAsync(new Regex(@"\borgOff\b"));
            await Assertions.Expect(page.Locator("tr[data-user=zhou]")).ToContainTextAsync("周主任");
            Assert.Empty(errors);

            // At phone width the page still fits: no sideways scrolling.
            var phone = await AdminSignsInAsync(browser, hub, "zh-CN", 390);
            await Assertions.Expect(phone.Locator("tr[data-user=zhou]")).ToContainTextAsync("周主任");
            Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the admin page scrolls sideways at phone width");
            await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "admin-phone-zh.png"), FullPage = true });

            // A call the admin registers for the department; the owner signs in under their display name and reads its history.
            using var register = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
            {
                Content = JsonContent.Create(new { channel = "phone", text = "楼道灯不亮", complainantName = "李女士", phone = "13900139000" }),
            };
            register.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            var created = await (await api.SendAsync(register, Ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(Ct);
            (await api.PostAsJsonAsync($"/api/cases/{created.GetProperty("caseId").GetInt64()}/forward", new { departmentId = department, note = "请尽快处理" }, Ct))
                .EnsureSuccessStatusCode();
            var number = created.GetProperty("number").GetString()!;

            var owner = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } })).NewPageAsync();
            await owner.GotoAsync(hub.Url + "/app/");
            await owner.FillAsync("#username", "zhou");
            await owner.FillAsync("#password", OwnerPassword);
            await owner.Keyboard.PressAsync("Enter");
            await Assertions.Expect(owner).ToHaveURLAsync(new Regex("/app/owner$"));
            await Assertions.Expect(owner.Locator("[data-test=display-name]")).ToHaveTextAsync("已登录：周主任");
            await owner.Locator($"button[data-number='{number}']").ClickAsync();
            var history = owner.Locator("[data-test=history]");
            await Assertions.Expect(history.GetByRole(AriaRole.Heading, new() { Name = "处理记录" })).ToBeVisibleAsync();
            await Assertions.Expect(history.Locator("[data-action='case.forwarded']")).ToContainTextAsync("已转交责任部门");
            await Assertions.Expect(history.Locator("[data-action='case.forwarded']")).ToContainTextAsync(adminName);
            // The call's first words are the caller's, registered by the admin (named, not by username).
            await Assertions.Expect(owner.Locator(".messages .bubble.customer .who").First).ToContainTextAsync($"李女士 · 由 {adminName} 登记");
            await owner.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "owner-history-zh.png") });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task TheAdminCreatesAnOwnerAndMarksAHoliday_InEnglish()
    {
        using var hub = await HubUnderTest.StartAsync();
        using var api = await StaffApi.SignInAsync(hub.Url, Ct);
        await api.DepartmentAsync("property", "Property", Ct);
        var (day, words) = ADay("en");

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await AdminSignsInAsync(browser, hub, "en-US");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users", Exact = true })).ToBeVisibleAsync();

            await page.GetByLabel("Username", new() { Exact = true }).FillAsync("zhou");
            await page.Locator("#new-display-name").FillAsync("Director Zhou");
            await page.GetByLabel("Initial password").FillAsync(OwnerPassword);
            var newUser = page.Locator("[data-test=new-user]");
            await newUser.Locator("input[value=agent]").UncheckAsync();
            await newUser.Locator("input[value=owner]").CheckAsync();
            await page.GetByLabel("Department (required for complaint owners)").SelectOptionAsync(new SelectOptionValue { Label = "Property" });
            await newUser.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-test=users-notice]")).ToHaveTextAsync("User “Director Zhou” added.");
            await Assertions.Expect(page.Locator("tr[data-user=zhou]")).ToContainTextAsync("Property");

            await page.Locator("#calendar-day").FillAsync(day);
            await Assertions.Expect(page.Locator("[data-test=day-form] [data-test=date-words]")).ToHaveTextAsync(words);
            await page.GetByLabel("Name (reason)").FillAsync("Annual meeting");
            await page.GetByRole(AriaRole.Button, new() { Name = "Make it a day off" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-test=calendar-notice]"))
                .ToHaveTextAsync($"{words} is now a day off (Annual meeting). Each case's open deadlines are recounted from their own start.");
            await Assertions.Expect(page.Locator($"button[data-day='{day}']")).ToHaveAttributeAsync("aria-label", $"{words}: Organisation's day off (Annual meeting)");
            // Undo: the day follows the official calendar again.
            await page.GetByRole(AriaRole.Button, new() { Name = "Undo the organisation's setting" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-test=calendar-notice]")).ToContainTextAsync($"{words} follows the official calendar again.");
            await Assertions.Expect(page.Locator($"button[data-day='{day}']")).Not.ToHaveClassAsync(new Regex(@"\borgOff\b"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens(), "admin-users-calendar-en.png"), FullPage = true });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
