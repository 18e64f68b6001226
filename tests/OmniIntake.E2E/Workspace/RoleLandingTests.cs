using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OmniIntake.E2E.Workspace;

/// <summary>
/// Sign-in lands each role where it works (issue 14); the navigation shows only what the role may open; the pages not
/// rebuilt yet are linked from the workspace and can sign out too; the owner's page is the workspace's own.
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed class RoleLandingTests
{
    private const string Password = "role-password-for-e2e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnOwnerLandsOnTheirDepartmentsCases_AndTheOldOwnerAddressLandsThere()
    {
        using var hub = await HubHost();
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" })).NewPageAsync();
            await page.GotoAsync(hub.Url + "/app/");
            await page.FillAsync("#username", "zhao");
            await page.FillAsync("#password", Password);
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/owner$"));
            await Assertions.Expect(page.Locator("[data-test=display-name]")).ToHaveTextAsync("已登录：赵经理");
            await Assertions.Expect(page.Locator("header nav a")).ToHaveTextAsync(["本部门投诉"]);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("本部门投诉");

            // The queue is not the owner's: the page says so in words.
            await page.GotoAsync(hub.Url + "/app/queue");
            await Assertions.Expect(page.Locator("[data-test=refused-reason]")).ToContainTextAsync("部门投诉负责人");

            // The old owner page's address lands on the workspace's owner page (issue 14: the page moved); sign-out is in the top bar.
            await page.GotoAsync(hub.Url + "/owner.html");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/owner$"));
            await Assertions.Expect(page.Locator("[data-test=empty]")).ToHaveTextAsync("目前没有转交给本部门的案件。");
            await page.Locator("[data-test=sign-out]").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/signin"));
            await page.GotoAsync(hub.Url + "/owner.html");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/signin"));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task TheOldSignInPage_LandsAnAdminInTheWorkspace_WithEveryArea()
    {
        using var hub = await HubHost();
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" })).NewPageAsync();
            await page.GotoAsync(hub.Url + "/login.html");
            await page.FillAsync("#username", "admin");
            await page.FillAsync("#password", OmniIntake.E2E.HubUnderTest.AdminPassword);
            await page.ClickAsync("button[type=submit]");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/admin$"));
            // An English browser gets the English catalog.
            await Assertions.Expect(page.Locator("header nav a")).ToHaveTextAsync(["Queue", "My department's cases", "Board", "Administration", "Team load", "Register a call", "Canned replies", "Reports", "Macros"]);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>A hub with a department and its complaint owner (赵经理).</summary>
    private static async Task<OmniIntake.E2E.HubUnderTest> HubHost()
    {
        var hub = await OmniIntake.E2E.HubUnderTest.StartAsync();
        using var admin = await StaffApi.SignInAsync(hub.Url, Ct);
        var department = await admin.DepartmentAsync("property", "物业部", Ct);
        await admin.UserAsync("zhao", "赵经理", Password, "owner", Ct, department);
        return hub;
    }
}
