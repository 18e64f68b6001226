using System.Net.Http.Json;
using Microsoft.Playwright;

namespace OmniIntake.E2E.WebChat;

/// <summary>A customer in real Chromium completes a complaint in Chinese in the widget; the agent's reply appears live (issue 5).</summary>
public sealed class WidgetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACustomerCompletesAComplaintInChinese_CorrectsThePhone_SeesTheNumber_AndGetsTheAgentsReplyLive()
    {
        using var hub = await HubUnderTest.StartAsync();
        var url = hub.Url;
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 375, Height = 740 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(url + "/chat");
            var chat = page.Locator("section.oi-chat");
            await Assertions.Expect(chat).ToBeVisibleAsync();
            // At phone width the widget takes the whole screen.
            var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
            var layout = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.querySelector('section.oi-chat')); return [s.left, s.right, s.width, s.boxSizing, matchMedia('(max-width:480px)').matches, innerWidth].join(' '); }");
            Assert.True(Math.Abs(pageWidth - (await chat.BoundingBoxAsync())!.Width) <= 1, layout); // layout: left right width box-sizing media innerWidth
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

            await SayAsync("3号楼的电梯坏了三天，没人来修 <b>急</b>", "怎么称呼");
            await SayAsync("王先生", "联系电话");
            await SayAsync("13800138000", "什么时候");
            await SayAsync("昨天下午三点", "什么地方");
            await SayAsync("3号楼电梯", "怎么处理");
            await SayAsync("尽快修好", "+86 138 0013 8000");
            await SayAsync("电话写错了", "联系电话");
            await SayAsync("13900139000", "+86 139 0013 9000");
            await SayAsync("确认", "已受理");
            var registered = await bot.Last.TextContentAsync();
            var number = System.Text.RegularExpressions.Regex.Match(registered!, @"TS-\d{8}-\d{5}").Value;
            Assert.NotEmpty(number);
            // What the customer typed is shown as text, never as markup.
            await Assertions.Expect(chat.Locator(".oi-customer").First).ToContainTextAsync("<b>急</b>");

            // The agent answers from the hub; the widget shows it without a reload.
            using var agent = await StaffApi.SignInAsync(url, Ct);
            var detail = await agent.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/cases/{number}", Ct);
            Assert.Equal("+8613900139000", detail.GetProperty("fields").GetProperty("contactPhone").GetString());
            var id = detail.GetProperty("case").GetProperty("id").GetInt64();
            (await agent.PostAsJsonAsync($"/api/cases/{id}/reply", new { text = "您好，维修师傅明天上午九点到。" }, Ct)).EnsureSuccessStatusCode();
            try
            {
                await Assertions.Expect(chat.Locator(".oi-agent")).ToContainTextAsync("维修师傅明天上午九点到", new() { Timeout = 15_000 });
            }
            catch (PlaywrightException ex)
            {
                throw new InvalidOperationException(ex.Message + "\nserver:\n" + hub.Output, ex);
            }

            // A reload keeps the conversation (the token stays in this browser).
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("section.oi-chat .oi-agent")).ToContainTextAsync("维修师傅明天上午九点到");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
