namespace Feed.Browser.Tests;

/// <summary>
/// Debian's Chromium, driven by Playwright. Playwright's own browser download cannot work on the
/// project's machines, so the browser comes from <c>scripts/install-test-deps.sh</c> (apt).
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>
    /// Launches a headless Chromium. Playwright gives every launch a fresh temporary user-data dir of its
    /// own (and deletes it on close), so no profile is shared between runs or test classes.
    /// A missing browser is a failure that says how to install it, never a silent skip.
    /// </summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ExecutablePath}, and it is not there. " +
                "Install it with `bash scripts/install-test-deps.sh` (apt-get install chromium). " +
                "Do not run `playwright install`: its browser download cannot work here.");

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Args,
                Timeout = 60_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
