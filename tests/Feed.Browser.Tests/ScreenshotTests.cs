using static Microsoft.Playwright.Assertions;

namespace Feed.Browser.Tests;

/// <summary>
/// The live page as a reader sees it, with a handful of realistic articles, saved as PNGs under
/// <c>artifacts/screenshots/</c> for people to look at: a first visit, followed feeds, and a phone.
/// </summary>
public sealed class ScreenshotTests(LivePageFixture fixture) : IClassFixture<LivePageFixture>
{
    private const string Follow = "/?follow=relation:AZ-KR,topic:economy,topic:sport,topic:weather";
    private static readonly string[] Feeds = ["relation:AZ-KR", "topic:economy", "topic:sport", "topic:weather"];

    [Fact]
    public async Task The_live_page_on_a_first_visit_with_articles_on_desktop_and_phone()
    {
        var folder = Path.Combine(WebRoot.RepoRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);

        // A first visit: nothing followed, the articles from everywhere arriving live under the starters.
        await using var first = await fixture.OpenAsync("/", new ViewportSize { Width = 1280, Height = 1400 });
        await first.ExpectLiveAsync();
        var now = DateTimeOffset.UtcNow;
        var stories = Stories(now);
        foreach (var story in stories)
        {
            await fixture.Host.PublishAsync(story.Article);
            await Expect(first.LatestCard(story.Id)).ToHaveCountAsync(1, new() { Timeout = LivePage.Ui });
        }
        await first.LoadedImagesAsync(first.Page.Locator("body"));
        await AssertFitsWidthAsync(first);
        await first.Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, "first-visit.png"), Animations = ScreenshotAnimations.Disabled,
        });

        await using var desktop = await fixture.OpenAsync(Follow);
        await desktop.ExpectFollowingLiveAsync(Feeds);
        foreach (var story in stories) await desktop.ExpectOneCardAsync(story.Id);
        await desktop.LoadedImagesAsync(desktop.Page.Locator("body"));
        await Expect(desktop.Cards).ToHaveCountAsync(stories.Length);
        await AssertFitsWidthAsync(desktop);
        await desktop.Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, "live-page.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled,
        });

        await using var phone = await fixture.OpenAsync(Follow, new ViewportSize { Width = 390, Height = 844 }, phone: true);
        await phone.ExpectFollowingLiveAsync(Feeds);
        await Expect(phone.Cards).ToHaveCountAsync(stories.Length, new() { Timeout = LivePage.Ui });
        await phone.LoadedImagesAsync(phone.Page.Locator("body"));
        await AssertFitsWidthAsync(phone);
        await phone.Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, "live-page-phone.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled,
        });

        Assert.True(new FileInfo(Path.Combine(folder, "first-visit.png")).Length > 10_000);
        Assert.True(new FileInfo(Path.Combine(folder, "live-page.png")).Length > 10_000);
        Assert.True(new FileInfo(Path.Combine(folder, "live-page-phone.png")).Length > 10_000);
    }

    /// <summary>Nothing sticks out sideways: no horizontal scrolling on the page.</summary>
    private static async Task AssertFitsWidthAsync(LivePage live)
    {
        var widths = await live.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scroll, inner) = (widths[0], widths[1]);
        Assert.True(scroll <= inner, $"The page is {scroll} px wide in a {inner} px window.");
    }

    private sealed record Published(string Id, object Article);

    /// <summary>Six short stories written for this test; published oldest first.</summary>
    private static Published[] Stories(DateTimeOffset now)
    {
        Published Make(string prefix, int minutesAgo, string headline, string summary, string body, string source, string[] countries, string[] topics)
        {
            var id = Articles.NewId(prefix);
            return new(id, Articles.Story(id, headline, summary, body, source, countries, topics, now.AddMinutes(-minutesAgo)));
        }

        return
        [
            Make("weather", 95, "Heavy snow closes mountain passes in northern Azerbaijan",
                "Roads to Guba and Gusar were shut overnight as forecasters warned of more snow and strong winds.",
                "Snowfall of up to forty centimetres closed several mountain roads in the north of Azerbaijan. The national weather "
                + "service expects temperatures to stay below freezing until the weekend and advised drivers to avoid the passes.",
                "Caspian Weather Desk", ["AZ"], ["weather"]),
            Make("sport", 70, "South Korea beat Japan 2–1 in a late comeback to reach the final",
                "Two goals in the last ten minutes sent the Korean side through in front of a full stadium in Incheon.",
                "South Korea came from a goal down to beat Japan 2–1. The winner, a header from a corner in stoppage time, "
                + "set up a final against Australia on Sunday. The coach praised the team's patience and the crowd's support.",
                "Seoul Sports Daily", ["KR", "JP"], ["sport"]),
            Make("economy", 45, "Bank of Korea holds its base rate as exports recover",
                "The central bank kept the rate at 2.5 percent, citing stronger chip exports and slowing inflation.",
                "The Bank of Korea left its base rate unchanged for a third meeting. Exports of semiconductors rose for the "
                + "fifth month in a row, and the governor said inflation was moving towards the bank's target.",
                "Han River Business", ["KR"], ["economy"]),
            Make("energy", 30, "Azerbaijan and South Korea sign a memorandum on green energy investment",
                "Korean companies plan to help build solar and wind projects in the Karabakh and East Zangezur regions.",
                "Energy ministers of the two countries signed a memorandum on renewable energy. Korean firms will study "
                + "solar and wind projects and a pilot green hydrogen plant; financing is to be agreed next year.",
                "Baku Business Review", ["AZ", "KR"], ["economy", "environment"]),
            Make("marathon", 15, "Baku marathon draws a record twenty thousand runners",
                "Runners from forty countries took part; a Kenyan athlete won the men's race in a course record.",
                "The annual Baku marathon set a record for participation this year. The route along the seaside boulevard "
                + "was lined with spectators, and the organisers said a half marathon for schools will be added next spring.",
                "Caspian Sport", ["AZ", "KE"], ["sport"]),
            Make("speakers", 2, "Parliament speakers of Azerbaijan and South Korea meet in Seoul",
                "The heads of the Milli Majlis and the National Assembly discussed peace in the region, trade and students.",
                "The Speaker of South Korea's National Assembly welcomed the Speaker of Azerbaijan's Milli Majlis in Seoul. "
                + "They spoke about peace efforts in the South Caucasus, growing trade between the two countries and the "
                + "Azerbaijani students at Korean universities, and agreed that the two parliaments should work more closely.",
                "Feed newsroom", ["AZ", "KR"], ["politics", "education"]),
        ];
    }
}
