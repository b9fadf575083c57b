using static Microsoft.Playwright.Assertions;

namespace Feed.Browser.Tests;

/// <summary>Following feeds on the live page and seeing articles arrive live, once each.</summary>
public sealed class LiveDeliveryTests(LivePageFixture fixture) : IClassFixture<LivePageFixture>
{
    [Fact]
    public async Task A_relation_found_by_search_shows_an_article_published_about_both_countries()
    {
        await using var live = await fixture.OpenAsync();
        await Expect(live.Page.GetByTestId("suggested-feed")).Not.ToHaveCountAsync(0, new() { Timeout = LivePage.Ui });
        await Expect(live.Chips).ToHaveCountAsync(0);

        await live.Search.ClickAsync();
        await live.Search.PressSequentiallyAsync("azerbaijan korea");
        var relation = live.Suggestion("relation:AZ-KR");
        await Expect(relation).ToBeVisibleAsync(new() { Timeout = LivePage.Ui });
        await relation.ClickAsync();

        await Expect(live.Chips).ToHaveCountAsync(1, new() { Timeout = LivePage.Ui });
        await Expect(live.Search).ToHaveValueAsync("");
        await Expect(live.Page.Locator("[data-testid='suggestion']:visible")).ToHaveCountAsync(0, new() { Timeout = LivePage.Ui });
        await live.ExpectFollowingLiveAsync("relation:AZ-KR");

        var id = Articles.NewId("search");
        const string headline = "Azerbaijan and South Korea agree to expand direct flights between Baku and Seoul";
        var answer = await fixture.Host.PublishAsync(Articles.Tagged(id, headline, ["AZ", "KR"], ["economy"]));
        Assert.Contains("relation:AZ-KR", answer.Feeds);

        await live.ExpectOneCardAsync(id);
        await Expect(live.Card(id).GetByTestId("article-headline")).ToHaveTextAsync(headline);
        Assert.Empty(live.Dialogs);
    }

    [Fact]
    public async Task An_article_in_two_followed_feeds_shows_as_one_card()
    {
        await using var live = await fixture.OpenAsync("/?follow=country:AZ,relation:AZ-KR");
        await Expect(live.Chips).ToHaveCountAsync(2, new() { Timeout = LivePage.Ui });
        await live.ExpectFollowingLiveAsync("country:AZ", "relation:AZ-KR");

        var both = Articles.NewId("both");
        var answer = await fixture.Host.PublishAsync(Articles.Tagged(both, "Azerbaijani and Korean ministers open a trade forum in Baku", ["AZ", "KR"]));
        Assert.Superset(new HashSet<string> { "country:AZ", "relation:AZ-KR" }, answer.Feeds.ToHashSet());
        await live.ExpectOneCardAsync(both);

        // A later article seen on the page means everything sent before it has been handled too.
        var marker = Articles.NewId("marker");
        await fixture.Host.PublishAsync(Articles.Tagged(marker, "Azerbaijan opens a new terminal at the port of Alat", ["AZ"]));
        await live.ExpectOneCardAsync(marker);
        await Expect(live.Card(both)).ToHaveCountAsync(1);

        var ids = await live.CardIdsAsync();
        Assert.Equal(ids.Distinct().Count(), ids.Length);
        Assert.True(Array.IndexOf(ids, marker) < Array.IndexOf(ids, both), $"the newer article should be above the older one: {string.Join(", ", ids)}");
    }
}
