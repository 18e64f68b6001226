using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OmniIntake.E2E.Workspace;

namespace OmniIntake.E2E.AgentTools;

/// <summary>
/// The agent's tools in the workspace (issue 15 items 1-4), in real Chromium: finding a closed case by a phone typed
/// with spaces, registering a call from a known number with the caller's history beside the form, and inserting a
/// canned reply with "::".
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed partial class AgentToolsJourneyTests
{
    private const string Password = "agent-password-for-e2e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"TS-\d{8}-\d{5}")]
    private static partial Regex CaseNumber();

    [Fact]
    public async Task AnAgent_FindsAClosedCase_ByAPhoneTypedWithSpaces_AndOpensIt_EvenAfterAReload()
    {
        using var hub = await HubUnderTest.StartAsync();
        using var agent = await AgentAsync(hub, "li", "李客服");
        var closed = await RegisterAsync(agent, new { channel = "phone", text = "物业费多收了两百元", phone = "13812345678", complainantName = "赵女士" });
        await RegisterAsync(agent, new { channel = "phone", text = "别人的事", phone = "13900002222", complainantName = "孙先生" });
        (await agent.PostAsJsonAsync($"/api/cases/{closed.CaseId}/resolve", new { note = "已退款" }, Ct)).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/api/cases/{closed.CaseId}/close", new { note = "客户确认" }, Ct)).EnsureSuccessStatusCode();

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await SignInAsync(browser, hub, "li", "zh-CN");
            // The queue holds open cases only; the search box asks the hub, every status.
            await Assertions.Expect(page.Locator($"button[data-number='{closed.Number}']")).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索全部案件" }).FillAsync("138 1234 5678");
            var hit = page.Locator($"button[data-hit='{closed.Number}']");
            await Assertions.Expect(hit).ToContainTextAsync("已关闭");
            await Assertions.Expect(hit).ToContainTextAsync("赵女士");
            await Assertions.Expect(hit).ToContainTextAsync("匹配：电话");
            await Assertions.Expect(page.Locator("[data-hit]")).ToHaveCountAsync(1);
            await Shot(page, "search-closed-by-phone.png");

            await hit.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/app/cases/{closed.Number}$"));
            await Assertions.Expect(page.Locator(".case-head h2")).ToContainTextAsync(closed.Number);
            await Assertions.Expect(page.Locator(".case-head h2")).ToContainTextAsync("已关闭");
            await Assertions.Expect(page.Locator(".messages")).ToContainTextAsync("物业费多收了两百元");

            // The deep link works on its own: a reload shows the closed case.
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator(".case-head h2")).ToContainTextAsync(closed.Number);
            await Assertions.Expect(page.Locator("[data-fact=complainant]")).ToContainTextAsync("赵女士");
            await Shot(page, "closed-case-deep-link.png");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task AnAgent_RegistersACallFromAKnownNumber_SeesTheCallersHistory_AndTheNewCaseOpensWithItsDeadline()
    {
        using var hub = await HubUnderTest.StartAsync();
        using var agent = await AgentAsync(hub, "li", "李客服");
        var earlier = await RegisterAsync(agent, new { channel = "phone", text = "停车场收费不明", phone = "13900001111", complainantName = "钱先生" });
        (await agent.PostAsJsonAsync($"/api/cases/{earlier.CaseId}/resolve", new { note = "已解释收费标准" }, Ct)).EnsureSuccessStatusCode();

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await SignInAsync(browser, hub, "li", "zh-CN");
            await page.GetByRole(AriaRole.Link, new() { Name = "登记来电" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/calls/new$"));
            await Assertions.Expect(page.GetByLabel("受理时间")).Not.ToHaveValueAsync("");

            // Nothing typed for "what happened": said beside the field, in Chinese.
            await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-error=text]")).ToHaveTextAsync("请填写事件经过。");

            // The caller's history as the phone is typed.
            await page.GetByLabel("联系电话").FillAsync("139 0000 1111");
            var history = page.Locator("[data-test=caller-history]");
            await Assertions.Expect(history.Locator($"[data-case='{earlier.Number}']")).ToContainTextAsync("已解决");
            await Assertions.Expect(history).ToContainTextAsync("钱先生");
            await page.GetByLabel("投诉人姓名").FillAsync("钱先生");
            await page.GetByLabel("发生地点").FillAsync("地下停车场B2");
            await page.GetByLabel("事件经过（必填）").FillAsync("停车场又多收了十元");
            await page.GetByLabel("客人要求").FillAsync("退还多收的费用");
            await Shot(page, "register-call-history.png");

            // A double click registers once (the form's idempotency key).
            await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).DblClickAsync();
            var registered = page.Locator("[data-test=registered]");
            await Assertions.Expect(registered).ToContainTextAsync("已登记：TS-");
            await Assertions.Expect(page.Locator("[data-test=forward-due]")).ToContainTextAsync("转交时限：");
            var number = CaseNumber().Match((await registered.Locator("h2").TextContentAsync())!).Value;
            var found = await agent.GetFromJsonAsync<JsonElement>("/api/cases/search?q=13900001111", Ct);
            Assert.Equal(2, found.GetProperty("items").GetArrayLength());
            await Shot(page, "registered.png");

            // The new case opens with its deadline, and the customer panel shows the earlier case, this one flagged as a repeat.
            await page.Locator("[data-test=open-registered]").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/app/cases/{number}$"));
            await Assertions.Expect(page.Locator(".deadlines .countdown").First).ToHaveTextAsync(new Regex(@"^(剩余|已超时) \d+:\d\d"));
            var panel = page.Locator("[data-test=customer-panel]");
            await Assertions.Expect(panel.Locator($"[data-case='{earlier.Number}']")).ToContainTextAsync("已解决");
            await Assertions.Expect(panel.Locator($"[data-case='{number}']")).ToContainTextAsync("处理后再次投诉");
            await Assertions.Expect(panel.Locator("[data-test=repeat-complainant]")).ToHaveTextAsync("重复投诉");
            await Shot(page, "registered-case-with-customer.png");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task AnAgentInEnglish_InsertsACannedReply_WithTheCasesValuesFilledIn()
    {
        using var hub = await HubUnderTest.StartAsync();
        using var agent = await AgentAsync(hub, "li", "Li Wei");
        var opened = await RegisterAsync(agent, new { channel = "phone", text = "The lift is broken", phone = "13900003333", complainantName = "Mr Qian" });
        using (var admin = await AdminAsync(hub))
        {
            (await admin.PostAsJsonAsync("/api/canned-replies",
                new { shortcut = "received", title = "Case received", language = "en", text = "Dear {customer.name}, your case {case.number} is registered. {agent.name}", shared = true }, Ct))
                .EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync("/api/canned-replies",
                new { shortcut = "refund", title = "Refund promised", language = "en", text = "We will refund you.", shared = true }, Ct)).EnsureSuccessStatusCode();
        }

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await SignInAsync(browser, hub, "li", "en-US");
            await page.GotoAsync($"{hub.Url}/app/cases/{opened.Number}");
            var reply = page.Locator("[data-test=reply]");
            await reply.FillAsync("Hello. ");
            await reply.PressSequentiallyAsync("::re");
            var picker = page.GetByRole(AriaRole.Listbox, new() { Name = "Canned replies" });
            await Assertions.Expect(picker.GetByRole(AriaRole.Option)).ToHaveCountAsync(2);
            await reply.PressSequentiallyAsync("c");
            await Assertions.Expect(picker.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
            await Assertions.Expect(picker.GetByRole(AriaRole.Option).First).ToContainTextAsync("Case received");
            await Shot(page, "canned-picker.png");
            await reply.PressAsync("Enter");
            await Assertions.Expect(reply).ToHaveValueAsync($"Hello. Dear Mr Qian, your case {opened.Number} is registered. Li Wei");
            await Assertions.Expect(picker).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-test=reply-meter]")).ToContainTextAsync("characters");

            // Esc closes the picker and leaves the text as typed.
            await reply.PressSequentiallyAsync(" ::ref");
            await Assertions.Expect(picker.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
            await reply.PressAsync("Escape");
            await Assertions.Expect(picker).ToHaveCountAsync(0);
            await Assertions.Expect(reply).ToHaveValueAsync($"Hello. Dear Mr Qian, your case {opened.Number} is registered. Li Wei ::ref");
            await Shot(page, "canned-inserted.png");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private sealed record Registered(long CaseId, string Number, DateTimeOffset? ForwardDueAt);

    private static Task<StaffApi> AdminAsync(HubUnderTest hub) => StaffApi.SignInAsync(hub.Url, Ct);

    private static async Task<HttpClient> AgentAsync(HubUnderTest hub, string username, string displayName)
    {
        using (var admin = await AdminAsync(hub))
            await admin.UserAsync(username, displayName, Password, "agent", Ct);
        return await StaffApi.SignInAsync(hub.Url, Ct, username, Password);
    }

    private static async Task<Registered> RegisterAsync(HttpClient client, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var response = await client.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Registered>(Ct))!;
    }

    private static async Task<IPage> SignInAsync(IBrowser browser, HubUnderTest hub, string username, string locale)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(hub.Url + "/app/");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/queue$"));
        return page;
    }

    private static async Task Shot(IPage page, string name)
    {
        var screens = Path.Combine(AppContext.BaseDirectory, "screens");
        Directory.CreateDirectory(screens);
        TestContext.Current.AddAttachment(name, await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, name) }), "image/png");
    }
}
