using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OmniIntake.E2E.Workspace;

namespace OmniIntake.E2E.Views;

/// <summary>
/// The admin maps a category to its department in the workspace (issue 14); the agent forwarding a case of that
/// category finds that department preselected (not the first in the list), and afterwards the case says where it went.
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed class AdminMappingJourneyTests
{
    private const string AgentPassword = "agent-password-for-e2e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAdminMapsACategory_AndTheAgentsForwardPreselectsItsDepartment()
    {
        using var hub = await HubUnderTest.StartAsync();
        using var admin = await StaffApi.SignInAsync(hub.Url, Ct);
        // "eng" sorts first: the old forward form preselected it for every case.
        await admin.DepartmentAsync("eng", "工程部", Ct);
        await admin.DepartmentAsync("property", "物业部", Ct);
        await admin.UserAsync("li", "李客服", AgentPassword, "agent", Ct);

        var (playwright, browser) = await Browser.LaunchAsync();
        var screens = Path.Combine(AppContext.BaseDirectory, "screens");
        Directory.CreateDirectory(screens);
        try
        {
            // The admin, in Chinese, on the workspace's administration page.
            var adminPage = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" })).NewPageAsync();
            await adminPage.GotoAsync(hub.Url + "/app/");
            await adminPage.FillAsync("#username", "admin");
            await adminPage.FillAsync("#password", HubUnderTest.AdminPassword);
            await adminPage.Keyboard.PressAsync("Enter");
            await Assertions.Expect(adminPage).ToHaveURLAsync(new Regex("/app/admin$"));
            await Assertions.Expect(adminPage.Locator("h1")).ToHaveTextAsync("系统管理");
            var property = adminPage.GetByLabel("物业管理", new() { Exact = true });
            await Assertions.Expect(property).ToHaveValueAsync("");
            await property.SelectOptionAsync(new SelectOptionValue { Label = "物业部" });
            await Assertions.Expect(adminPage.Locator("[data-test=mapping-notice]")).ToHaveTextAsync("已保存：物业管理 → 物业部");
            await adminPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "admin-mapping.png"), FullPage = true });
            // Saved on the hub, not only on the page.
            await adminPage.ReloadAsync();
            await Assertions.Expect(adminPage.GetByLabel("物业管理", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync("物业部");

            // A case of that category, registered by phone.
            using var register = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
            {
                Content = JsonContent.Create(new
                {
                    channel = "phone", text = "小区垃圾三天没人清运", complainantName = "陈女士", phone = "13700137000", category = "property-management",
                }),
            };
            register.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            var number = (await (await admin.SendAsync(register, Ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(Ct))
                .GetProperty("number").GetString()!;

            // The agent opens it: the mapped department is preselected and says why; forwarding shows where it went.
            var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } })).NewPageAsync();
            await page.GotoAsync(hub.Url + "/app/");
            await page.FillAsync("#username", "li");
            await page.FillAsync("#password", AgentPassword);
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/queue$"));
            await page.GotoAsync(hub.Url + "/app/cases/" + number);
            var target = page.GetByLabel("责任部门", new() { Exact = true });
            await Assertions.Expect(target.Locator("option:checked")).ToHaveTextAsync("物业部");
            await Assertions.Expect(page.Locator("[data-test=mapped]")).ToHaveTextAsync("按投诉类别“物业管理”预选");
            await page.GetByRole(AriaRole.Button, new() { Name = "转交", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("已转交至物业部。");
            await Assertions.Expect(page.Locator("[data-fact=department]")).ToContainTextAsync("物业部");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "agent-forwarded.png") });
            var forwarded = await (await admin.GetAsync($"/api/cases/{number}", Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("forwarded", forwarded.GetProperty("case").GetProperty("status").GetString());
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
