using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OmniIntake.E2E.Workspace;

namespace OmniIntake.E2E.Supervisor;

/// <summary>
/// The supervisor's journey in the workspace (issue 14 items 5 and 7), in real Chromium: signs in and lands on the board;
/// a case registered meanwhile arrives live (no reload, no polling); a bucket opens its cases and a row opens the case;
/// a report for a chosen period is made on demand and downloaded in the organisation's language; a period that has not
/// begun is refused in words. No raw code on the page, no console error, in zh-CN and in en.
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed partial class SupervisorJourneyTests
{
    private const string Password = "supervisor-password-for-e2e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Status, channel, class, bucket, deadline and event codes that must never reach the page.</summary>
    [GeneratedRegex(@"\b(received|forwarded|general|phone|walkin|inWindow|atRisk|awaitingAnswer|ownerAnswer|forward|pending|half-monthly|monthly|not forwarded|unclaimed|case\.\w+|deadline\.\w+)\b")]
    private static partial Regex RawCode();

    /// <summary>In English the words "received" or "forwarded" are prose: only what is a code and no English word.</summary>
    [GeneratedRegex(@"\b(walkin|inWindow|atRisk|awaitingAnswer|ownerAnswer|case\.\w+|deadline\.\w+)\b|\((not forwarded|unclaimed)\)")]
    private static partial Regex RawCodeInEnglish();

    /// <summary>What the journey expects a person to read, in one language.</summary>
    private sealed record Words(string Locale, string Live, string InWindow, string Opened, string Phone, string OpenCases, string Reports,
        string NoReportYet, string FirstHalfMonthly, string MakeSpreadsheet, string Ready, string Future, string CasesSheet, string NumberHeader,
        string ChannelHeader, string PhoneCell, string ClassHeader, string FromLabel, string ToLabel);

    private static readonly Words Chinese = new("zh-CN", "实时", "在时限内", "投诉已受理", "电话", "未结案件 · 电话", "报告", "还没有生成的定期报告。",
        "第一份半月报", "生成表格文件", "报告已生成：", "报告期间不能晚于今天开始。", "分级案件", "案件编号", "受理渠道", "电话", "投诉级别",
        "开始日期", "结束日期（含当天）");

    private static readonly Words English = new("en", "Live", "In window", "Complaint registered", "Phone", "Open cases · Phone", "Reports",
        "No scheduled report has been generated yet.", "The first Half-monthly report", "Make a spreadsheet", "The report is ready:",
        "A report's period cannot start after today.", "Classified cases", "Case number", "Channel", "Phone", "Class", "From", "To (inclusive)");

    [Fact]
    public Task ASupervisorInChinese_WatchesTheBoard_OpensABucketAndACase_AndDownloadsAReportForAChosenPeriod() => JourneyAsync(Chinese);

    [Fact]
    public Task ASupervisorInEnglish_DoesTheSame_WithTheOrganisationWritingEnglish() =>
        JourneyAsync(English, new Dictionary<string, string?> { ["Organisation:Language"] = "en" });

    private static async Task JourneyAsync(Words w, Dictionary<string, string?>? settings = null)
    {
        using var hub = await HubUnderTest.StartAsync(settings);
        using var admin = await StaffApi.SignInAsync(hub.Url, Ct);
        await admin.UserAsync("sun", "孙主管", Password, "supervisor", Ct);
        async Task<string> RegisterAsync(string name, string phone, string text, string? @class = null)
        {
            using var register = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
            {
                Content = JsonContent.Create(new { channel = "phone", text, complainantName = name, phone, location = "3号楼", customerRequest = "尽快处理" }),
            };
            register.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            var created = await (await admin.SendAsync(register, Ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(Ct);
            if (@class is not null)
                (await admin.PostAsJsonAsync($"/api/cases/{created.GetProperty("caseId").GetInt64()}/classify", new { @class }, Ct)).EnsureSuccessStatusCode();
            return created.GetProperty("number").GetString()!;
        }
        var earlier = await RegisterAsync("李女士", "13900139000", "楼道灯不亮", "hot");

        var (playwright, browser) = await Browser.LaunchAsync();
        var screens = Path.Combine(AppContext.BaseDirectory, "screens");
        Directory.CreateDirectory(screens);
        string Shot(string name) => Path.Combine(screens, $"supervisor-{w.Locale}-{name}.png");
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                Locale = w.Locale, ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, AcceptDownloads = true,
            });
            var page = await context.NewPageAsync();
            var consoleErrors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
            page.PageError += (_, error) => consoleErrors.Add(error);
            async Task NoRawCodeAsync()
            {
                // Names people typed (subjects, user names) aside: the page's own words only.
                var chrome = await page.EvaluateAsync<string>("() => document.querySelector('#main').innerText");
                Assert.DoesNotMatch(w.Locale == "en" ? RawCodeInEnglish() : RawCode(), chrome);
            }

            await page.GotoAsync(hub.Url + "/app/");
            await page.FillAsync("#username", "sun");
            await page.FillAsync("#password", Password);
            await page.Keyboard.PressAsync("Enter");

            // Lands on the board, live, the case registered earlier counted in its window.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/board$"));
            await Assertions.Expect(page.Locator("[data-test=live-status]")).ToHaveTextAsync(w.Live);
            var inWindow = page.Locator(".tile[data-bucket=inWindow]");
            await Assertions.Expect(inWindow.Locator(".n")).ToHaveTextAsync("1");
            await Assertions.Expect(inWindow).ToContainTextAsync(w.InWindow);

            // A case registered now arrives live: the figure moves and the activity says what happened, in words.
            var number = await RegisterAsync("王先生", "13800138000", "3号楼电梯坏了三天");
            await Assertions.Expect(inWindow.Locator(".n")).ToHaveTextAsync("2");
            var arrived = page.Locator("[data-test=feed] li").Filter(new() { HasText = number }).First;
            await Assertions.Expect(arrived).ToContainTextAsync(w.Opened);
            await Assertions.Expect(page.Locator("[data-kind=channel] tr[data-row=phone] th")).ToHaveTextAsync(w.Phone);
            await NoRawCodeAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("board"), FullPage = true });

            // The trends (moved from the retired /supervisor page): by week, then by day once both cases are in; a channel
            // filter changes them, said in words (the charts' summaries are their descriptions).
            var english = w.Locale == "en";
            var trends = page.Locator("[data-test=trends]");
            var received = trends.Locator("[data-measure=received] [data-test=trend-summary]");
            await Assertions.Expect(trends.GetByRole(AriaRole.Radio, new() { Name = english ? "Week" : "按周" })).ToBeCheckedAsync();
            await Assertions.Expect(trends.Locator("[data-measure=received] svg g.bar")).ToHaveCountAsync(8);
            await trends.GetByRole(AriaRole.Radio, new() { Name = english ? "Day" : "按日" }).CheckAsync();
            await Assertions.Expect(trends.Locator("[data-measure=received] svg g.bar")).ToHaveCountAsync(14);
            await Assertions.Expect(received).ToContainTextAsync(english ? "2 received in all" : "共收到 2 件");
            await Assertions.Expect(trends.GetByRole(AriaRole.Img, new() { Name = english ? "Forwarded: in time / late" : "转交：按时 / 超时" }))
                .ToBeVisibleAsync();
            await trends.ScreenshotAsync(new LocatorScreenshotOptions { Path = Shot("trends") });
            await trends.Locator("[data-test=trend-channel]").SelectOptionAsync(new SelectOptionValue { Label = english ? "Letter" : "信件" });
            await Assertions.Expect(received).ToHaveTextAsync(english ? "No complaints were received in this period." : "这段时间没有收到投诉。");
            await Assertions.Expect(trends.Locator("[data-test=trend-period]"))
                .ToHaveTextAsync(english ? "No complaints were received in the chosen period." : "所选期间没有收到投诉。");
            await trends.Locator("[data-test=trend-channel]").SelectOptionAsync(new SelectOptionValue { Label = english ? "Phone" : "电话" });
            await Assertions.Expect(received).ToContainTextAsync(english ? "2 received in all" : "共收到 2 件");
            await trends.GetByRole(AriaRole.Radio, new() { Name = english ? "Week" : "按周" }).CheckAsync();
            await Assertions.Expect(received).ToContainTextAsync(english ? "2 received in all" : "共收到 2 件");
            await NoRawCodeAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("board-trends"), FullPage = true });

            // A bucket opens its cases; a row of the board opens its cases too.
            await inWindow.ClickAsync();
            var list = page.Locator("[data-test=board-cases]");
            await Assertions.Expect(list.Locator("h2")).ToHaveTextAsync(w.InWindow);
            await Assertions.Expect(list.Locator($"tr[data-number='{number}']")).ToBeVisibleAsync();
            await Assertions.Expect(list.Locator($"tr[data-number='{earlier}']")).ToBeVisibleAsync();
            await page.Locator("[data-kind=channel] tr[data-row=phone] th button").ClickAsync();
            await Assertions.Expect(list.Locator("h2")).ToHaveTextAsync(w.OpenCases);
            await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(2);
            await NoRawCodeAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("bucket"), FullPage = true });

            // A row opens the case in the workspace, its history said in words.
            await list.Locator($"tr[data-number='{earlier}']").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/app/cases/{earlier}$"));
            await Assertions.Expect(page.Locator("[data-fact=complainant]")).ToContainTextAsync("李女士");
            await Assertions.Expect(page.Locator("[data-test=history] li[data-action='case.opened']")).ToContainTextAsync(w.Opened);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("case") });

            // Reports: none generated on a new hub, and the page says when the first will appear.
            await page.GetByRole(AriaRole.Link, new() { Name = w.Reports, Exact = true }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/reports$"));
            await Assertions.Expect(page.Locator("[data-test=empty]")).ToHaveTextAsync(w.NoReportYet);
            await Assertions.Expect(page.Locator("[data-test=next]")).ToContainTextAsync(w.FirstHalfMonthly);

            // A period that has not begun is refused in words.
            var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
            string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await page.GetByLabel(w.FromLabel).FillAsync(Day(today.AddDays(2)));
            await page.GetByLabel(w.ToLabel).FillAsync(Day(today.AddDays(3)));
            await page.GetByRole(AriaRole.Button, new() { Name = w.MakeSpreadsheet }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-test=refusal]")).ToHaveTextAsync(w.Future);

            // A chosen period: made on demand, downloaded, in the organisation's language.
            await page.GetByLabel(w.FromLabel).FillAsync(Day(today.AddDays(-3)));
            await page.GetByLabel(w.ToLabel).FillAsync(Day(today));
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = w.MakeSpreadsheet }).ClickAsync());
            await Assertions.Expect(page.Locator("[data-test=made]")).ToContainTextAsync(w.Ready);
            await Assertions.Expect(page.Locator("[data-test=refusal]")).ToHaveCountAsync(0);
            var file = Path.Combine(screens, $"report-{w.Locale}.xlsx");
            await download.SaveAsAsync(file);
            var book = ReportWorkbook.Read(file);
            var cases = book[w.CasesSheet];
            Assert.Equal(w.NumberHeader, cases[0][0]);
            Assert.Contains(w.ChannelHeader, cases[0]);
            Assert.Contains(w.ClassHeader, cases[0]);
            var row = Assert.Single(cases.Skip(1));
            Assert.Equal(earlier, row[0]);
            Assert.Equal(w.PhoneCell, row[cases[0].IndexOf(w.ChannelHeader)]);
            Assert.DoesNotContain(book.Values.SelectMany(s => s).SelectMany(r => r), cell => cell is "phone" or "hot" or "received" or "general");
            await NoRawCodeAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("reports"), FullPage = true });

            // The board at phone width: the tiles and the tables fit the screen (tables scroll inside their own box).
            await page.SetViewportSizeAsync(390, 844);
            await page.GetByRole(AriaRole.Link, new() { Name = w.Locale == "en" ? "Board" : "监控看板", Exact = true }).ClickAsync();
            await Assertions.Expect(inWindow.Locator(".n")).ToHaveTextAsync("2");
            var overflow = await page.EvaluateAsync<int>("() => document.querySelector('#main').scrollWidth - document.querySelector('#main').clientWidth");
            Assert.True(overflow <= 0, $"the board is {overflow}px wider than a phone");
            // Each breakdown shows all its columns without scrolling sideways (the last one, open cases, was cut at the edge).
            var hidden = await page.EvaluateAsync<int>("() => Math.max(...[...document.querySelectorAll('.board-table .scroll')].map(s => s.scrollWidth - s.clientWidth))");
            Assert.True(hidden <= 0, $"a breakdown table hides {hidden}px of its columns on a phone");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("phone"), FullPage = true });
            await Assertions.Expect(page.Locator("[data-test=trends] [data-measure=received] [data-test=trend-summary]")).ToBeVisibleAsync();
            await page.Locator("[data-test=trends]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Shot("phone-trends") });
            // The dates under a chart's axis never run into the next one: a date wider than its bars is cut, not spilled.
            var spilling = await page.EvaluateAsync<int>(
                "() => [...document.querySelectorAll('[data-test=trends] .labels span:not(:last-child)')].filter(s => s.scrollWidth > s.clientWidth && getComputedStyle(s).overflowX !== 'hidden').length");
            Assert.Equal(0, spilling);
            // The sign-in page's session probe answers 401 before signing in, and the refused period 400: both expected, both
            // said on the page; anything else is an error.
            Assert.DoesNotContain(consoleErrors, e => !e.Contains("status of 401", StringComparison.Ordinal) && !e.Contains("status of 400", StringComparison.Ordinal));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
