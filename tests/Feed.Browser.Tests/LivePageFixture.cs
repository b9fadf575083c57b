namespace Feed.Browser.Tests;

/// <summary>
/// One real web front (embedded silo, own SQLite file, loopback ports) and one headless Chromium per
/// test class. Each test opens its own browser context (fresh storage) with <see cref="OpenAsync"/>.
/// </summary>
public sealed class LivePageFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public FeedHost Host { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        WebRoot.Use();
        var launching = Chromium.LaunchAsync();
        // Counts pushed every second rather than every 5 s, so a test sees a follower count change quickly.
        var starting = FeedHost.StartAsync(new Dictionary<string, string?> { ["Feed:Live:CountsInterval"] = "00:00:01" });
        try
        {
            (_playwright, Browser) = await launching;
            Host = await starting;
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: close whichever half did start.
            if (Browser is not null) await Browser.CloseAsync();
            _playwright?.Dispose();
            try { await (await starting).DisposeAsync(); } catch { /* the first failure is the one to report */ }
            throw;
        }
    }

    /// <summary>A new browser context and page on this class's web front, opened at <paramref name="path"/>.</summary>
    public async Task<LivePage> OpenAsync(string path = "/", ViewportSize? viewport = null, bool phone = false)
    {
        var session = await LivePage.CreateAsync(Browser, Host.BaseAddress, viewport, phone);
        try
        {
            await session.GotoAsync(path);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
    }
}
