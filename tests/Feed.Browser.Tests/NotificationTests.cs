using static Microsoft.Playwright.Assertions;

namespace Feed.Browser.Tests;

/// <summary>Notifications a person turns on per feed fire for a tab in the background; the title counts unread articles.</summary>
public sealed class NotificationTests(LivePageFixture fixture) : IClassFixture<LivePageFixture>
{
    // Keeps each notification the page shows; the real one is still made, so the page sees no difference.
    private const string RecordNotifications = """
        () => {
          window.shown = [];
          const Real = window.Notification;
          window.Notification = class extends Real {
            constructor(title, options) { window.shown.push({ title, body: options && options.body }); super(title, options); }
          };
        }
        """;

    // Headless Chromium keeps every tab visible; this is what a browser does when the tab goes to the background.
    private const string SetVisibility = """
        (state) => {
          Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
          Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
          document.dispatchEvent(new Event('visibilitychange'));
        }
        """;

    [Fact]
    public async Task A_new_article_in_a_feed_with_notifications_on_shows_a_notification_while_the_tab_is_in_the_background()
    {
        await using var live = await fixture.OpenAsync("/?follow=relation:AZ-KR,topic:sport");
        await live.Context.GrantPermissionsAsync(["notifications"]);
        await live.ExpectFollowingLiveAsync("relation:AZ-KR", "topic:sport");
        await live.Page.EvaluateAsync(RecordNotifications);

        var bell = live.Page.Locator("[data-testid='notify-toggle'][data-feed='relation:AZ-KR']");
        await Expect(bell).ToHaveAttributeAsync("aria-pressed", "false");
        await bell.ClickAsync();
        await Expect(bell).ToHaveAttributeAsync("aria-pressed", "true");

        await live.Page.EvaluateAsync(SetVisibility, "hidden");
        var quiet = Articles.NewId("quiet");
        await fixture.Host.PublishAsync(Articles.Tagged(quiet, "Korean archers win a team gold medal", ["KR"], ["sport"]));
        await live.ExpectOneCardAsync(quiet);
        var loud = Articles.NewId("loud");
        const string headline = "Azerbaijan and South Korea agree on visa-free travel";
        await fixture.Host.PublishAsync(Articles.Tagged(loud, headline, ["AZ", "KR"]));
        await live.ExpectOneCardAsync(loud);

        await live.Page.WaitForFunctionAsync("window.shown.length >= 1", null, new() { Timeout = LivePage.Ui });
        var shown = await live.Page.EvaluateAsync<string[]>("window.shown.map(n => n.title)");
        Assert.Equal([headline], shown);
        await Expect(live.Page).ToHaveTitleAsync("(2) Feed · live news");

        await live.Page.EvaluateAsync(SetVisibility, "visible");
        await Expect(live.Page).ToHaveTitleAsync("Feed · live news");
        var seen = Articles.NewId("seen");
        await fixture.Host.PublishAsync(Articles.Tagged(seen, "Azerbaijani and Korean students meet in Seoul", ["AZ", "KR"]));
        await live.ExpectOneCardAsync(seen);
        Assert.Equal(1, await live.Page.EvaluateAsync<int>("window.shown.length"));
    }

    [Fact]
    public async Task The_page_asks_for_notification_permission_only_when_a_bell_is_clicked()
    {
        await using var live = await fixture.OpenAsync("/?follow=topic:weather");
        await live.ExpectFollowingLiveAsync("topic:weather");
        await live.Page.EvaluateAsync("""
            () => { window.asked = 0; Notification.requestPermission = async () => { window.asked++; return 'denied'; }; }
            """);
        Assert.Equal(0, await live.Page.EvaluateAsync<int>("window.asked"));

        await live.Page.GetByTestId("notify-toggle").ClickAsync();
        await live.Page.WaitForFunctionAsync("window.asked === 1", null, new() { Timeout = LivePage.Ui });
        await Expect(live.Page.GetByTestId("notify-toggle")).ToHaveAttributeAsync("aria-pressed", "false");
    }
}
