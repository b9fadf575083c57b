using static Microsoft.Playwright.Assertions;

namespace Feed.Browser.Tests;

/// <summary>A first-time visitor, who follows nothing yet, sees news at once; flags and icons are pictures, not emoji.</summary>
public sealed class FirstVisitTests(LivePageFixture fixture) : IClassFixture<LivePageFixture>
{
    [Fact]
    public async Task A_first_visit_shows_articles_from_everywhere_live_and_following_one_of_their_feeds_starts_the_stream()
    {
        var earlier = Articles.NewId("earlier");
        await fixture.Host.PublishAsync(Articles.Tagged(earlier, "Japan and Kenya sign an agreement on geothermal power", ["JP", "KE"], ["economy"]));

        await using var live = await fixture.OpenAsync();
        await Expect(live.Chips).ToHaveCountAsync(0);
        await live.ExpectLiveAsync();
        await Expect(live.LatestCard(earlier)).ToHaveCountAsync(1, new() { Timeout = LivePage.Ui });

        var fresh = Articles.NewId("fresh");
        await fixture.Host.PublishAsync(Articles.Tagged(fresh, "Azerbaijan and South Korea open a joint research centre in Baku", ["AZ", "KR"], ["science"]));
        await Expect(live.LatestCard(fresh)).ToHaveCountAsync(1, new() { Timeout = LivePage.Ui });
        Assert.Equal(fresh, (await live.LatestCards.EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.articleId)"))[0]);

        // Each article offers its own feeds to follow, the relation first.
        var offers = live.LatestCard(fresh).GetByTestId("follow-from-card");
        await Expect(offers.First).ToHaveAttributeAsync("data-feed", "relation:AZ-KR");
        await offers.First.ClickAsync();

        await live.ExpectFollowingLiveAsync("relation:AZ-KR");
        await Expect(live.LatestCards).ToHaveCountAsync(0, new() { Timeout = LivePage.Ui });
        await live.ExpectOneCardAsync(fresh);
        await Expect(live.Card(earlier)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Flags_and_topic_icons_are_images_that_load_where_no_emoji_font_is_installed()
    {
        await using var live = await fixture.OpenAsync("/?follow=relation:AZ-KR,topic:economy");
        await live.ExpectFollowingLiveAsync("relation:AZ-KR", "topic:economy");
        var id = Articles.NewId("pictures");
        await fixture.Host.PublishAsync(Articles.Tagged(id, "Azerbaijan and South Korea agree on a new trade route", ["AZ", "KR"], ["economy"]));
        await live.ExpectOneCardAsync(id);

        var card = await live.LoadedImagesAsync(live.Card(id));
        Assert.Contains(card, i => i.StartsWith("/lib/flags/az.svg ", StringComparison.Ordinal));
        Assert.Contains(card, i => i.StartsWith("/lib/flags/kr.svg ", StringComparison.Ordinal));
        Assert.Contains(card, i => i.StartsWith("/lib/icons/briefcase.svg ", StringComparison.Ordinal));
        var chips = await live.LoadedImagesAsync(live.Page.Locator("#chips"));
        foreach (var image in card.Concat(chips))
            Assert.False(image.EndsWith(" 0", StringComparison.Ordinal), $"{image}: the image did not render (natural width 0)");

        // Nothing on the page is left to an emoji font.
        var emoji = await live.Page.EvaluateAsync<string[]>("() => document.body.innerText.match(/\\p{Extended_Pictographic}|\\p{Regional_Indicator}/gu) || []");
        Assert.Empty(emoji);
    }
}
