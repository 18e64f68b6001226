using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OmniIntake.E2E.Workspace;
using OmniIntake.Testing;

namespace OmniIntake.E2E.Attachments;

/// <summary>
/// Attachments and the status page's withdrawal at phone width in real Chromium (issue 16 items 4 and 5): a customer sends
/// a photo from the widget in zh-CN (a page named .png is refused in Chinese), the agent sees its thumbnail on the case; a
/// complainant asks to withdraw on /status, the agent sees the request on the case and withdraws it after checking it is voluntary. Screenshots to OMNIINTAKE_SCREENSHOTS.
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed partial class AttachmentJourneyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static string Screens => Environment.GetEnvironmentVariable("OMNIINTAKE_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "omniintake-screens");

    [GeneratedRegex(@"验证码：(\d{6})")]
    private static partial Regex CodeInSms();

    [GeneratedRegex(@"TS-\d{8}-\d{5}")]
    private static partial Regex CaseNumber();

    [Fact]
    public async Task OnAPhone_ACustomerSendsAPhotoInTheWidget_TheAgentSeesItsThumbnail_AndAWithdrawalOnTheStatusPageReachesTheAgent()
    {
        await using var twilio = new TwilioStandIn();
        var url = ServerProcess.FreeUrl();
        using var hub = await HubUnderTest.StartAsync(HubUnderTest.SmsSettings(twilio, url), url);
        Directory.CreateDirectory(Screens);
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var phone = playwright.Devices["Galaxy S8"];
            phone.Locale = "zh-CN";
            await using var customerContext = await browser.NewContextAsync(phone);
            var customer = await customerContext.NewPageAsync();
            await customer.GotoAsync(hub.Url + "/chat");
            var chat = customer.Locator("section.oi-chat");
            await Assertions.Expect(chat.Locator(".oi-bot").First).ToContainTextAsync("请描述");
            await chat.Locator("textarea").FillAsync("转人工");
            await chat.Locator("button[type=submit]").TapAsync();
            await Assertions.Expect(chat.Locator(".oi-bot").Last).ToContainTextAsync("投诉编号");
            var number = CaseNumber().Match((await chat.Locator(".oi-bot").Last.TextContentAsync())!).Value;
            // The acknowledgement's status link is a link the customer can tap (issue 16 item 3).
            await Assertions.Expect(chat.Locator(".oi-bot").Last.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new Regex($@"/status\?case={number}$"));

            // A real photo, drawn by the phone's browser.
            var photo = Convert.FromBase64String(await customer.EvaluateAsync<string>("""
                () => { const c = document.createElement('canvas'); c.width = 320; c.height = 200; const g = c.getContext('2d');
                  g.fillStyle = '#7aa7d8'; g.fillRect(0, 0, 320, 200); g.fillStyle = '#c33'; g.fillRect(40, 60, 240, 80);
                  g.fillStyle = '#fff'; g.font = '28px sans-serif'; g.fillText('扣款 ¥2000', 70, 112);
                  return c.toDataURL('image/png').split(',')[1]; }
                """));
            var picker = chat.Locator("input[type=file]");
            await picker.SetInputFilesAsync(new FilePayload { Name = "截图.png", MimeType = "image/png", Buffer = "<html><script>alert(1)</script></html>"u8.ToArray() });
            await Assertions.Expect(chat.Locator(".oi-status")).ToHaveTextAsync("只能发送图片（JPG、PNG、WebP、GIF）或 PDF 文件。");
            await picker.SetInputFilesAsync(new FilePayload { Name = "银行扣款截图.png", MimeType = "image/png", Buffer = photo });
            await Assertions.Expect(chat.Locator(".oi-customer").Last).ToContainTextAsync("银行扣款截图.png (");
            await Assertions.Expect(chat.Locator(".oi-customer").Last.Locator("svg.oi-file-icon")).ToBeVisibleAsync();
            await customer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens, "attach-widget-photo.png") });

            // The agent (the admin) opens the case in the workspace: the photo is a thumbnail in the conversation.
            var agentContext = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            var agent = await agentContext.NewPageAsync();
            await agent.GotoAsync(hub.Url + "/app/");
            await agent.FillAsync("#username", "admin");
            await agent.FillAsync("#password", HubUnderTest.AdminPassword);
            await agent.Keyboard.PressAsync("Enter");
            await Assertions.Expect(agent).ToHaveURLAsync(new Regex("/app/admin$"));
            await agent.GotoAsync($"{hub.Url}/app/cases/{number}");
            var thumbnail = agent.GetByRole(AriaRole.Img, new() { Name = "图片 银行扣款截图.png" });
            await Assertions.Expect(thumbnail).ToBeVisibleAsync();
            await Assertions.Expect(thumbnail).ToHaveJSPropertyAsync("naturalWidth", 320);
            // The conversation scrolls in its own pane: the thumbnail brought to its middle for the screenshot, and a close-up.
            await thumbnail.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
            await agent.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens, "attach-agent-thumbnail.png") });
            await thumbnail.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Screens, "attach-agent-thumbnail-close.png") });

            // A complainant by SMS asks to withdraw on the status page, with a reason.
            await hub.SendSmsAsync("+8613800138000", "小区门口的路灯坏了一个星期", Ct);
            using var api = await StaffApi.SignInAsync(hub.Url, Ct);
            var smsCase = (await api.GetFromJsonAsync<JsonElement>("/api/cases", Ct)).EnumerateArray().Select(c => c.GetProperty("number").GetString()!)
                .Single(n => n != number);
            var status = await customerContext.NewPageAsync();
            await status.GotoAsync($"{hub.Url}/status?case={smsCase}");
            await status.Locator("#contact").FillAsync("13800138000");
            await status.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).TapAsync();
            await Assertions.Expect(status.Locator("#error")).ToBeEmptyAsync();
            await Assertions.Expect(status.Locator("#sent")).ToContainTextAsync("验证码已发送");
            await status.Locator("#code").FillAsync(await CodeAsync(twilio));
            await status.GetByRole(AriaRole.Button, new() { Name = "查看进度" }).TapAsync();
            await Assertions.Expect(status.Locator("#case")).ToHaveTextAsync(smsCase);
            await status.GetByText("撤回投诉", new() { Exact = true }).TapAsync();
            await status.GetByLabel("撤回原因").FillAsync("路灯已经修好了，不需要再处理");
            await status.GetByRole(AriaRole.Button, new() { Name = "提交撤回申请" }).TapAsync();
            await Assertions.Expect(status.Locator("#done")).ToHaveTextAsync($"撤回申请已提交（投诉 {smsCase}），工作人员会与您核实。");
            await Assertions.Expect(status.Locator("#withdrawn")).ToContainTextAsync("您已于");
            await status.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens, "attach-status-withdrawn.png"), FullPage = true });

            await agent.GotoAsync($"{hub.Url}/app/cases/{smsCase}");
            var banner = agent.GetByRole(AriaRole.Alert).Filter(new() { HasText = "客户申请撤回投诉" });
            await Assertions.Expect(banner).ToContainTextAsync("原因：路灯已经修好了，不需要再处理");
            await Assertions.Expect(banner).ToContainTextAsync("自愿");
            await agent.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens, "attach-agent-withdrawal.png") });

            // Having called the complainant back, the agent withdraws the case: the reason starts from the request, and
            // nothing happens until the agent confirms the withdrawal is voluntary.
            await agent.GetByRole(AriaRole.Button, new() { Name = "撤回投诉", Exact = true }).ClickAsync();
            var dialog = agent.GetByRole(AriaRole.Dialog, new() { Name = "撤回投诉" });
            await Assertions.Expect(dialog.GetByLabel("撤回原因（投诉人所述）")).ToHaveValueAsync("路灯已经修好了，不需要再处理");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "确认撤回" }).ClickAsync();
            await Assertions.Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync("请先向投诉人核实撤回出于自愿。");
            await dialog.GetByLabel("已向投诉人核实：撤回出于自愿").CheckAsync();
            await agent.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens, "attach-agent-withdraw-dialog.png") });
            await dialog.GetByRole(AriaRole.Button, new() { Name = "确认撤回" }).ClickAsync();
            await Assertions.Expect(agent.GetByRole(AriaRole.Status).Filter(new() { HasText = "投诉已撤回" })).ToBeVisibleAsync();
            await Assertions.Expect(agent.Locator(".case-head .badge", new() { HasText = "已撤回" })).ToBeVisibleAsync();
            await Assertions.Expect(banner).ToHaveCountAsync(0);
            await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { Name = "撤回投诉", Exact = true })).ToBeDisabledAsync();
            // A withdrawn complaint is not answered any more: the reply box says so and sends nothing.
            await Assertions.Expect(agent.Locator("[data-test=reply-withdrawn]")).ToHaveTextAsync("此投诉已撤回，不再向投诉人发送答复；仍可添加内部备注。");
            await agent.Locator("[data-test=reply]").FillAsync("还有其他问题吗？");
            await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { Name = "发送", Exact = true })).ToBeDisabledAsync();
            await agent.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens, "attach-agent-withdrawn.png") });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static async Task<string> CodeAsync(TwilioStandIn twilio)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < until)
        {
            var sent = twilio.Created.Select(m => CodeInSms().Match(m["Body"])).FirstOrDefault(m => m.Success);
            if (sent is not null) return sent.Groups[1].Value;
            await Task.Delay(200, Ct);
        }
        throw new TimeoutException("No status code reached the Twilio stand-in within 30 s.");
    }
}
