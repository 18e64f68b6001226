using Microsoft.Playwright;

namespace OmniIntake.E2E.WebChat;

/// <summary>
/// Issue 16 item 1 in real Chromium: a customer who tells everything in the first message reaches the summary at once
/// (the place and the request included, the category in English for an English customer); one who leaves out the
/// contact details is asked for both in one question and answers both in one message.
/// </summary>
public sealed class WholeMessageJourneyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWholeFirstMessage_GoesStraightToTheSummary_WithTheCategoryInEnglish()
    {
        using var hub = await HubUnderTest.StartAsync();
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var english = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1100, Height = 800 } });
            var page = await english.NewPageAsync();
            await page.GotoAsync(hub.Url + "/chat");
            var chat = page.Locator("section.oi-chat");
            var bot = chat.Locator(".oi-bot");
            await Assertions.Expect(bot.Last).ToBeVisibleAsync();

            async Task SayAsync(ILocator box, ILocator replies, string text)
            {
                var before = await replies.CountAsync();
                await box.Locator("textarea").FillAsync(text);
                await box.Locator("textarea").PressAsync("Enter");
                await Assertions.Expect(replies).ToHaveCountAsync(before + 1);
            }

            await SayAsync(chat, bot, "My name is Sarah Wilson, phone 13812345678. Last Friday at 3pm I was stuck in the lift at Building 3, "
                                      + "Jade Lake Court for 40 minutes. Please fix the lift.");
            var summary = bot.Last;
            await Assertions.Expect(summary).ToContainTextAsync("Where: Building 3, Jade Lake Court");
            await Assertions.Expect(summary).ToContainTextAsync("What you ask for: Please fix the lift");
            await Assertions.Expect(summary).ToContainTextAsync("Category: property management");
            Assert.DoesNotContain("物业", await summary.TextContentAsync(), StringComparison.Ordinal);
            await Keep(page, "dialog-english-summary.png");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task MissingContactDetails_AreOneQuestion_AnsweredInOneMessage_AndANameCorrectionTakesItsValue()
    {
        // A hub of its own: the chat allows few new conversations per address, and this is a second customer.
        using var hub = await HubUnderTest.StartAsync();
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            async Task SayAsync(ILocator box, ILocator replies, string text)
            {
                var before = await replies.CountAsync();
                await box.Locator("textarea").FillAsync(text);
                await box.Locator("textarea").PressAsync("Enter");
                await Assertions.Expect(replies).ToHaveCountAsync(before + 1);
            }

            var chinese = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 780 } });
            var phone = await chinese.NewPageAsync();
            await phone.GotoAsync(hub.Url + "/chat");
            var zhChat = phone.Locator("section.oi-chat");
            var zhBot = zhChat.Locator(".oi-bot");
            await Assertions.Expect(zhBot.Last).ToContainTextAsync("请描述");
            await SayAsync(zhChat, zhBot, "刚才说了，昨天晚上8点在阳光花园地下车库B2层，我的车被掉下来的水泥块砸了，要求物业赔偿修车费2000元");
            await Assertions.Expect(zhBot.Last).ToContainTextAsync("怎么称呼");
            await Assertions.Expect(zhBot.Last).ToContainTextAsync("联系电话");
            await SayAsync(zhChat, zhBot, "我姓陈，13812345678");
            await Assertions.Expect(zhBot.Last).ToContainTextAsync("姓名：陈先生/女士");
            await Assertions.Expect(zhBot.Last).ToContainTextAsync("地点：阳光花园地下车库B2层");
            await Assertions.Expect(zhBot.Last).ToContainTextAsync("您的要求：要求物业赔偿修车费2000元");
            await SayAsync(zhChat, zhBot, "名字写错了，我叫陈建国");
            await Assertions.Expect(zhBot.Last).ToContainTextAsync("姓名：陈建国");
            await Keep(phone, "dialog-chinese-two-turns.png");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static async Task Keep(IPage page, string name)
    {
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        TestContext.Current.AddAttachment(name, png, "image/png");
        // For looking at the journey by hand: OMNIINTAKE_SCREENSHOTS=/some/dir keeps the pictures there too.
        if (Environment.GetEnvironmentVariable("OMNIINTAKE_SCREENSHOTS") is { Length: > 0 } folder)
            await File.WriteAllBytesAsync(Path.Combine(folder, name), png, Ct);
    }
}
