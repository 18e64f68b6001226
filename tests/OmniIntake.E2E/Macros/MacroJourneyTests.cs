using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OmniIntake.E2E.Workspace;

namespace OmniIntake.E2E.Macros;

/// <summary>
/// Macros in real Chromium, in Chinese (issue 15 item 7): a supervisor defines a macro step by step on the macros page;
/// an agent applies it to a case from the case view, sees the preview, confirms the forwarding, and then sees the reply
/// in the conversation, the category set and the case forwarded.
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed class MacroJourneyTests
{
    private const string Password = "user-password-for-e2e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASupervisorDefinesAMacroInChinese_AndAnAgentAppliesIt_TheReplySentTheCategorySetAndTheCaseForwarded()
    {
        using var hub = await HubUnderTest.StartAsync();
        var url = hub.Url;
        string number;
        using (var admin = await StaffApi.SignInAsync(url, Ct))
        {
            await admin.UserAsync("zhang", "张主管", Password, "supervisor", Ct);
            await admin.UserAsync("li", "李客服", Password, "agent", Ct);
            await admin.DepartmentAsync("property", "物业部", Ct);
            (await admin.PostAsJsonAsync("/api/canned-replies", new
            {
                shortcut = "受理", title = "受理并转物业", language = "zh-CN", shared = true,
                text = "{customer.name}您好，您的投诉（{case.number}）已受理，已转交物业部处理。",
            }, Ct)).EnsureSuccessStatusCode();
            using var register = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
            {
                Content = JsonContent.Create(new { channel = "phone", text = "小区电梯三天两次困人", complainantName = "钱先生", phone = "13800138001" }),
            };
            register.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            number = (await (await admin.SendAsync(register, Ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(Ct))
                .GetProperty("number").GetString()!;
        }
        var (playwright, browser) = await Browser.LaunchAsync();
        var screens = Path.Combine(AppContext.BaseDirectory, "screens");
        Directory.CreateDirectory(screens);
        var errors = new List<string>();
        try
        {
            // The supervisor defines the macro.
            var supervisorContext = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            var supervisor = await SignInAsync(supervisorContext, url, "zhang", errors);
            await supervisor.GotoAsync(url + "/app/macros");
            await Assertions.Expect(supervisor.GetByRole(AriaRole.Heading, new() { Name = "宏", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(supervisor.GetByText("暂无宏。")).ToBeVisibleAsync();
            await supervisor.GetByLabel("中文名称").FillAsync("电梯困人：回复、分类并转物业");
            await supervisor.GetByLabel("英文名称").FillAsync("Lift trapped: reply, categorise, forward");
            await AddStepAsync(supervisor, "用常用回复答复客户");
            await supervisor.GetByLabel("共享常用回复").SelectOptionAsync(new SelectOptionValue { Label = "::受理 受理并转物业" });
            await AddStepAsync(supervisor, "设置分类");
            await supervisor.GetByLabel("分类", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "物业管理" });
            await AddStepAsync(supervisor, "转交部门");
            await supervisor.GetByLabel("部门", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "物业部" });
            await supervisor.GetByLabel("转交附言（可选）").FillAsync("请今天联系电梯维保单位");
            TestContext.Current.AddAttachment("macro-editor.png",
                await supervisor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "macro-editor.png"), FullPage = true }), "image/png");
            await supervisor.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Assertions.Expect(supervisor.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存宏“电梯困人：回复、分类并转物业”。");
            var listed = supervisor.Locator("[data-macro='电梯困人：回复、分类并转物业']");
            await Assertions.Expect(listed).ToContainTextAsync("用常用回复答复客户");
            await Assertions.Expect(listed).ToContainTextAsync("转交部门");

            // The agent applies it to the case.
            var agentContext = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            var agent = await SignInAsync(agentContext, url, "li", errors);
            await agent.GotoAsync(url + "/app/cases/" + number);
            await Assertions.Expect(agent.Locator(".case-head h2")).ToContainTextAsync("已受理");
            await agent.GetByRole(AriaRole.Button, new() { Name = "应用宏" }).ClickAsync();
            await agent.GetByRole(AriaRole.Button, new() { Name = "电梯困人：回复、分类并转物业" }).ClickAsync();
            var preview = agent.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(preview).ToContainTextAsync($"钱先生您好，您的投诉（{number}）已受理，已转交物业部处理。");
            await Assertions.Expect(preview).ToContainTextAsync("将分类设为“物业管理”");
            await Assertions.Expect(preview).ToContainTextAsync("转交至“物业部”");
            await Assertions.Expect(preview.GetByRole(AriaRole.Button, new() { Name = "执行" })).ToBeDisabledAsync();
            TestContext.Current.AddAttachment("macro-preview.png",
                await agent.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "macro-preview.png") }), "image/png");
            await preview.GetByLabel("我确认将此案件转交至“物业部”").CheckAsync();
            await preview.GetByRole(AriaRole.Button, new() { Name = "执行" }).ClickAsync();

            await Assertions.Expect(agent.Locator(".case p.notice")).ToHaveTextAsync("已执行宏“电梯困人：回复、分类并转物业”。");
            await Assertions.Expect(agent.Locator(".conversation .messages")).ToContainTextAsync($"钱先生您好，您的投诉（{number}）已受理，已转交物业部处理。");
            await Assertions.Expect(agent.Locator("[data-fact=category] dd")).ToHaveTextAsync("物业管理");
            await Assertions.Expect(agent.Locator("[data-fact=department] dd")).ToContainTextAsync("物业部");
            await Assertions.Expect(agent.Locator(".case-head h2")).ToContainTextAsync("已转交");
            TestContext.Current.AddAttachment("macro-applied.png",
                await agent.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "macro-applied.png") }), "image/png");
            // The sign-in page asks who is signed in before anyone is (401); nothing else may fail.
            Assert.DoesNotContain(errors, e => !e.Contains("401", StringComparison.Ordinal));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, string url, string username, List<string> errors)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") errors.Add($"{username}: {message.Text} at {message.Location}");
        };
        page.PageError += (_, error) => errors.Add($"{username}: {error}");
        await page.GotoAsync(url + "/app/");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/signin"));
        return page;
    }

    private static async Task AddStepAsync(IPage page, string kind)
    {
        await page.Locator("#macro-add-kind").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.GetByRole(AriaRole.Button, new() { Name = "添加动作", Exact = true }).ClickAsync();
    }
}
