using Microsoft.Playwright;

namespace OmniIntake.E2E;

/// <summary>
/// Debian's Chromium (infra/chromium/install.sh puts it at /usr/bin/chromium; OMNIINTAKE_CHROMIUM overrides), started
/// by Playwright with ExecutablePath: no browser download, which is impossible here.
/// </summary>
public static class Browser
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("OMNIINTAKE_CHROMIUM") ?? "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"Chromium is not at {ExecutablePath}. Run the tests with infra/test.sh, which installs it.");
        // Under CI the E2E project shares two cores with every other test project: 5 s (Playwright's default) was
        // seen to pass a page that was merely slow as a failure.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return (playwright, browser);
    }
}
