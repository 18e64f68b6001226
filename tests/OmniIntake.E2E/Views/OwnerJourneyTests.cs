using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OmniIntake.E2E.Workspace;

namespace OmniIntake.E2E.Views;

/// <summary>
/// The department owner's journey in the workspace (issue 14 item 5), in real Chromium with a Chinese locale: the owner
/// signs in and lands on the department's cases; a case the centre forwards meanwhile appears live (no reload, no
/// polling); opening it shows whom to call back; the written answer goes to the centre; no raw code on the page.
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed partial class OwnerJourneyTests
{
    private const string OwnerPassword = "owner-password-for-e2e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>English status, channel, class, deadline and rule codes that must never reach a zh-CN page.</summary>
    [GeneratedRegex(@"\b(received|forwarded|answered|general|phone|walkin|inbound|outbound|ownerAnswer|forward|pending|policy|case\.\w+)\b")]
    private static partial Regex RawCode();

    [Fact]
    public async Task AnOwnerInChinese_SeesAForwardedCaseArriveLive_OpensItsFacts_AndAnswers()
    {
        using var hub = await HubUnderTest.StartAsync();
        using var admin = await StaffApi.SignInAsync(hub.Url, Ct);
        var department = await admin.DepartmentAsync("property", "物业部", Ct);
        await admin.UserAsync("zhao", "赵经理", OwnerPassword, "owner", Ct, department);
        async Task<string> ForwardedCaseAsync(string name, string phone, string text, string location, string request)
        {
            using var register = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
            {
                Content = JsonContent.Create(new
                {
                    channel = "phone", text, complainantName = name, phone, location, customerRequest = request, occurredAt = "今天上午九点",
                }),
            };
            register.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            var created = await (await admin.SendAsync(register, Ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(Ct);
            (await admin.PostAsJsonAsync($"/api/cases/{created.GetProperty("caseId").GetInt64()}/forward",
                new { departmentId = department, note = "请尽快处理" }, Ct)).EnsureSuccessStatusCode();
            return created.GetProperty("number").GetString()!;
        }
        var earlier = await ForwardedCaseAsync("李女士", "13900139000", "楼道灯不亮", "5号楼二单元", "修好楼道灯");

        var (playwright, browser) = await Browser.LaunchAsync();
        var screens = Path.Combine(AppContext.BaseDirectory, "screens");
        Directory.CreateDirectory(screens);
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            var page = await context.NewPageAsync();
            var consoleErrors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
            page.PageError += (_, error) => consoleErrors.Add(error);
            await page.GotoAsync(hub.Url + "/app/");
            await page.FillAsync("#username", "zhao");
            await page.FillAsync("#password", OwnerPassword);
            await page.Keyboard.PressAsync("Enter");

            // Lands on the department's cases, live, with the case forwarded earlier.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/owner$"));
            await Assertions.Expect(page.Locator("[data-test=live-status]")).ToHaveTextAsync("实时");
            await Assertions.Expect(page.Locator($"button[data-number='{earlier}']")).ToContainTextAsync("李女士");

            // The centre forwards another case now: it appears without a reload, marked as new.
            var number = await ForwardedCaseAsync("王先生", "13800138000", "3号楼电梯坏了三天", "3号楼电梯", "尽快修好");
            var item = page.Locator($"button[data-number='{number}']");
            await Assertions.Expect(item).ToContainTextAsync("王先生");
            await Assertions.Expect(item.Locator("[data-test=arrived]")).ToHaveTextAsync("新转入");
            await Assertions.Expect(item).ToContainTextAsync("电话");
            await Assertions.Expect(item).ToContainTextAsync("剩余");

            // Opening it: whom to call back, what happened, where, what they ask for, the centre's note, the answer's deadline in words.
            await item.ClickAsync();
            await Assertions.Expect(page.Locator("[data-fact=complainant]")).ToContainTextAsync("王先生");
            await Assertions.Expect(page.Locator("[data-fact=phone]")).ToContainTextAsync("13800138000");
            await Assertions.Expect(page.Locator("[data-fact=location]")).ToContainTextAsync("3号楼电梯");
            await Assertions.Expect(page.Locator("[data-fact=request]")).ToContainTextAsync("尽快修好");
            await Assertions.Expect(page.Locator("[data-fact=department]")).ToContainTextAsync("物业部");
            await Assertions.Expect(page.Locator(".messages")).ToContainTextAsync("3号楼电梯坏了三天");
            await Assertions.Expect(page.Locator(".deadlines")).ToContainTextAsync("部门书面答复时限");
            await Assertions.Expect(page.Locator(".deadlines [data-test=rule]").First).ToContainTextAsync("政策");
            await Assertions.Expect(item.Locator("[data-test=arrived]")).ToHaveCountAsync(0);
            var chrome = await page.EvaluateAsync<string>(
                "() => { const c = document.querySelector('#main').cloneNode(true); c.querySelectorAll('.bubble .text, .facts dd').forEach(e => e.remove()); return c.innerText; }");
            Assert.DoesNotMatch(RawCode(), chrome);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "owner-case.png") });

            // The written answer goes to the centre; the case says it is answered, in the list as well.
            await page.GetByLabel("答复内容（必填，将提交客服中心）").FillAsync("已派维修师傅，明天上午修好。");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交书面答复" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-test=notice]")).ToHaveTextAsync("书面答复已提交客服中心。");
            await Assertions.Expect(page.Locator("[data-test=status]")).ToHaveTextAsync("部门已答复");
            await Assertions.Expect(item).ToContainTextAsync("已答复");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "owner-answered.png") });
            var audit = await (await admin.GetAsync($"/api/cases/{number}", Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("answered", audit.GetProperty("case").GetProperty("status").GetString());
            // (the sign-in page's session probe answers 401 before signing in: expected)
            Assert.DoesNotContain(consoleErrors, e => !e.Contains("401", StringComparison.Ordinal));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
