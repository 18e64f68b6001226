using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OmniIntake.E2E.Workspace;

/// <summary>
/// The agent's journey in the workspace (issue 14), in real Chromium with a Chinese locale: a customer complains in the
/// web chat widget; the agent signs in, lands on the queue, opens the case and sees the complainant's name, phone,
/// place and request on top with no raw English codes; a live update (the customer writes again) leaves the
/// half-written reply as it was; Ctrl+Enter sends it and the customer gets it.
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed partial class AgentJourneyTests
{
    private const string AgentPassword = "agent-password-for-e2e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>English status, channel, class, deadline and rule codes that must never reach a zh-CN page.</summary>
    [GeneratedRegex(@"\b(received|forwarded|general|chat|walkin|inbound|outbound|ownerAnswer|forward|pending|policy|case\.opened|property-management)\b")]
    private static partial Regex RawCode();

    [Fact]
    public async Task AnAgentInChinese_OpensAChatCase_SeesItsFacts_AndReplies_WithoutLosingTheDraftToALiveUpdate()
    {
        using var hub = await HubUnderTest.StartAsync();
        var url = hub.Url;
        using (var admin = await StaffApi.SignInAsync(url, Ct))
        {
            await admin.UserAsync("li", "李客服", AgentPassword, "agent", Ct);
        }
        var (playwright, browser) = await Browser.LaunchAsync();
        var screens = Path.Combine(AppContext.BaseDirectory, "screens");
        Directory.CreateDirectory(screens);
        try
        {
            // The customer, in the widget.
            var customer = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" })).NewPageAsync();
            await customer.GotoAsync(url + "/chat");
            var chat = customer.Locator("section.oi-chat");
            var bot = chat.Locator(".oi-bot");
            await Assertions.Expect(bot.Last).ToContainTextAsync("请描述");
            async Task SayAsync(string text, string expectInReply)
            {
                var before = await bot.CountAsync();
                await chat.Locator("textarea").FillAsync(text);
                await chat.Locator("textarea").PressAsync("Enter");
                await Assertions.Expect(bot).ToHaveCountAsync(before + 1);
                await Assertions.Expect(bot.Last).ToContainTextAsync(expectInReply);
            }
            await SayAsync("3号楼的电梯坏了三天，没人来修", "怎么称呼");
            await SayAsync("王先生", "联系电话");
            await SayAsync("13800138000", "什么时候");
            await SayAsync("昨天下午三点", "什么地方");
            await SayAsync("3号楼电梯", "怎么处理");
            await SayAsync("尽快修好", "+86 138 0013 8000");
            await SayAsync("确认", "已受理");
            var number = Regex.Match((await bot.Last.TextContentAsync())!, @"TS-\d{8}-\d{5}").Value;
            Assert.NotEmpty(number);

            // The agent signs in and lands on the queue, with their name and only the pages an agent may open.
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            var page = await context.NewPageAsync();
            var consoleErrors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
            page.PageError += (_, error) => consoleErrors.Add(error);
            await page.GotoAsync(url + "/app/");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/signin"));
            await page.FillAsync("#username", "li");
            await page.FillAsync("#password", AgentPassword);
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/queue$"));
            await Assertions.Expect(page.Locator("[data-test=display-name]")).ToHaveTextAsync("已登录：李客服");
            await Assertions.Expect(page.Locator("[data-test=live-status]")).ToHaveTextAsync("实时");
            await Assertions.Expect(page.Locator("header nav a")).ToHaveTextAsync(["受理队列", "登记来电", "常用回复", "宏"]);

            // The queue shows the case; opening it shows its facts on top.
            var item = page.Locator($"button[data-number='{number}']");
            await Assertions.Expect(item).ToContainTextAsync("网页在线咨询");
            await item.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/app/cases/{number}$"));
            await Assertions.Expect(page.Locator("[data-fact=complainant]")).ToContainTextAsync("王先生");
            await Assertions.Expect(page.Locator("[data-fact=phone]")).ToContainTextAsync("+8613800138000");
            await Assertions.Expect(page.Locator("[data-fact=location]")).ToContainTextAsync("3号楼电梯");
            await Assertions.Expect(page.Locator("[data-fact=request]")).ToContainTextAsync("尽快修好");
            await Assertions.Expect(page.Locator("[data-fact=occurredAt]")).ToContainTextAsync("15:00");
            await Assertions.Expect(page.Locator("[data-fact=channel]")).ToContainTextAsync("网页在线咨询");
            // (the dialog turned "昨天下午三点" into a date) The dialog's questions and answers are part of the conversation; the deadline's rule is in words.
            await Assertions.Expect(page.Locator(".dialog [data-speaker=bot]").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".dialog")).ToContainTextAsync("怎么称呼");
            await Assertions.Expect(page.Locator(".deadlines [data-test=rule]").First).ToContainTextAsync("政策 5.2.2");
            await Assertions.Expect(page.Locator(".deadlines .countdown").First).ToHaveTextAsync(new Regex(@"^(剩余|已超时) \d+:\d\d"));
            // No raw English code anywhere outside what people typed (the conversation's bubbles).
            var chrome = await page.EvaluateAsync<string>(
                "() => { const c = document.querySelector('#main').cloneNode(true); c.querySelectorAll('.bubble .text, .facts dd').forEach(e => e.remove()); return c.innerText; }");
            Assert.DoesNotMatch(RawCode(), chrome);
            Assert.DoesNotMatch(RawCode(), await page.Locator(".facts").InnerTextAsync());

            // A half-written reply; the customer writes again meanwhile: the case updates live, the draft stays.
            var reply = page.Locator("[data-test=reply]");
            await reply.FillAsync("您好，我们已通知物业，");
            await chat.Locator("textarea").FillAsync("还是没人来");
            await chat.Locator("textarea").PressAsync("Enter");
            await Assertions.Expect(page.Locator(".messages [data-speaker=customer]").Last).ToContainTextAsync("还是没人来");
            await Assertions.Expect(reply).ToHaveValueAsync("您好，我们已通知物业，");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "agent-case-draft.png") });

            // A reload keeps it too.
            await page.ReloadAsync();
            await Assertions.Expect(reply).ToHaveValueAsync("您好，我们已通知物业，");

            // Ctrl+Enter sends; the reply shows as the agent's and reaches the customer's widget.
            await reply.FocusAsync();
            await page.Keyboard.TypeAsync("师傅今天下午到。");
            await page.Keyboard.PressAsync("Control+Enter");
            await Assertions.Expect(page.Locator(".messages [data-speaker=agent]").Last).ToContainTextAsync("师傅今天下午到。");
            await Assertions.Expect(reply).ToHaveValueAsync("");
            await Assertions.Expect(chat.Locator(".oi-agent")).ToContainTextAsync("师傅今天下午到。");
            var caseShot = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "agent-case.png") });
            TestContext.Current.AddAttachment("agent-case.png", caseShot, "image/png");

            // A page the role may not open says so in words.
            await page.GotoAsync(url + "/app/admin");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("无权访问此页面");
            await Assertions.Expect(page.Locator("[data-test=refused-reason]")).ToContainTextAsync("客服专员");
            TestContext.Current.AddAttachment("refused.png", await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, "refused.png") }), "image/png");

            // Signing out ends the session: the app asks for a sign-in again.
            await page.Locator("[data-test=sign-out]").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/signin"));
            await page.GotoAsync(url + "/app/queue");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/signin"));

            // The signed-out app's own GET /api/auth/me answers 401 (the browser logs it); anything else is a fault.
            Assert.DoesNotContain(consoleErrors, e => !e.Contains("401", StringComparison.Ordinal));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
