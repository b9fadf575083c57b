using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Feed.Browser.Tests;

/// <summary>
/// One browser context and page on the live page, with the page's data-testids as locators. It records
/// every JavaScript dialog (answering it, so the page never hangs), uncaught page errors, and requests
/// that left the loopback address; disposing fails the test if any page error or such request happened.
/// </summary>
public sealed class LivePage : IAsyncDisposable
{
    /// <summary>How long any one thing the page should do may take, on a loaded 2-core machine.</summary>
    public const float Ui = 10_000;

    private readonly List<string> _pageErrors = [];
    private readonly List<string> _foreignRequests = [];

    private LivePage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Dialog += (_, dialog) =>
        {
            lock (Dialogs) Dialogs.Add($"{dialog.Type}: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        page.PageError += (_, error) => { lock (_pageErrors) _pageErrors.Add(error); };
        page.Request += (_, request) =>
        {
            if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var uri)) return;
            if (uri.Scheme is "data" or "blob" or "about") return;
            if (uri.Host != "127.0.0.1") lock (_foreignRequests) _foreignRequests.Add(request.Url);
        };
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public List<string> Dialogs { get; } = [];

    public ILocator Search => Page.GetByTestId("search");
    public ILocator Suggestions => Page.GetByTestId("suggestion");
    public ILocator Chips => Page.GetByTestId("followed-feed");
    public ILocator Badge => Page.GetByTestId("connection-state");
    public ILocator Cards => Page.GetByTestId("article-card");
    public ILocator LatestCards => Page.GetByTestId("latest-card");
    public ILocator LatestCard(string articleId) => Page.Locator($"[data-testid='latest-card'][data-article-id='{articleId}']");

    public ILocator Suggestion(string feed) => Page.Locator($"[data-testid='suggestion'][data-feed='{feed}']");
    public ILocator Chip(string feed) => Page.Locator($"[data-testid='followed-feed'][data-feed='{feed}']");
    public ILocator Card(string articleId) => Page.Locator($"[data-testid='article-card'][data-article-id='{articleId}']");

    public static async Task<LivePage> CreateAsync(IBrowser browser, Uri baseAddress, ViewportSize? viewport, bool phone)
    {
        if (baseAddress.Host != "127.0.0.1") throw new InvalidOperationException($"The browser tests talk to 127.0.0.1 only, not {baseAddress}.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = phone ? 2 : 1,
            Locale = "en-US",
            TimezoneId = "UTC",
            ColorScheme = ColorScheme.Light,
        });
        context.SetDefaultTimeout(Ui);
        context.SetDefaultNavigationTimeout(30_000);
        try
        {
            return new LivePage(context, await context.NewPageAsync());
        }
        catch
        {
            await context.CloseAsync();
            throw;
        }
    }

    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (response is null || !response.Ok) throw new InvalidOperationException($"Opening {path} answered {response?.Status}.");
    }

    public async Task ReloadAsync()
    {
        var response = await Page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.Load });
        if (response is null || !response.Ok) throw new InvalidOperationException($"Reloading answered {response?.Status}.");
    }

    /// <summary>The badge says the page is connected to the hub.</summary>
    public async Task ExpectLiveAsync(float timeout = Ui)
    {
        await Expect(Badge).ToHaveAttributeAsync("data-state", "live", new() { Timeout = timeout });
        await Expect(Badge).ToHaveTextAsync("Live", new() { Timeout = timeout });
    }

    /// <summary>
    /// The feeds' chips are shown and each is subscribed on the hub (chip state live), so an article
    /// published now reaches the page live.
    /// </summary>
    public async Task ExpectFollowingLiveAsync(params string[] feeds)
    {
        await ExpectLiveAsync();
        foreach (var feed in feeds)
        {
            await Expect(Chip(feed)).ToBeVisibleAsync(new() { Timeout = Ui });
            await Expect(Chip(feed)).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Ui });
        }
    }

    /// <summary>Exactly one card for this article, within the UI bound.</summary>
    public async Task ExpectOneCardAsync(string articleId, float timeout = Ui) =>
        await Expect(Card(articleId)).ToHaveCountAsync(1, new() { Timeout = timeout });

    /// <summary>The article ids of every card on the page, top to bottom.</summary>
    public async Task<string[]> CardIdsAsync() =>
        (await Cards.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.articleId)")) ?? [];

    public static Regex NotLive { get; } = new("^(reconnecting|offline)$");

    /// <summary>
    /// Every image inside <paramref name="scope"/> has loaded and has a natural width: "src natural-width" per image,
    /// for a message. Waits for images still loading (bounded by the UI wait).
    /// </summary>
    public async Task<string[]> LoadedImagesAsync(ILocator scope)
    {
        await Page.WaitForFunctionAsync("(els) => els.every(e => [...e.querySelectorAll('img')].every(i => i.complete))",
            await scope.ElementHandlesAsync(), new() { Timeout = Ui });
        return await scope.Locator("img").EvaluateAllAsync<string[]>("imgs => imgs.map(i => `${i.getAttribute('src')} ${i.naturalWidth}`)") ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        string[] errors, foreign;
        lock (_pageErrors) errors = [.. _pageErrors];
        lock (_foreignRequests) foreign = [.. _foreignRequests];
        if (errors.Length > 0) throw new InvalidOperationException("The page raised uncaught errors: " + string.Join(" | ", errors));
        if (foreign.Length > 0) throw new InvalidOperationException("The page requested addresses other than 127.0.0.1: " + string.Join(", ", foreign));
    }
}
