using static Microsoft.Playwright.Assertions;

namespace Feed.Browser.Tests;

/// <summary>What a reader follows is kept in the browser, and a link can hand it to someone else.</summary>
public sealed class FollowPersistenceTests(LivePageFixture fixture) : IClassFixture<LivePageFixture>
{
    [Fact]
    public async Task Followed_feeds_survive_a_reload()
    {
        await using var live = await fixture.OpenAsync();

        // One from the starter list on the empty page, one through search.
        await live.Page.Locator("[data-testid='suggested-feed'][data-feed='relation:AZ-KR']").ClickAsync();
        await Expect(live.Chip("relation:AZ-KR")).ToBeVisibleAsync(new() { Timeout = LivePage.Ui });
        await live.Search.FillAsync("economy");
        await live.Suggestion("topic:economy").ClickAsync();
        await live.ExpectFollowingLiveAsync("relation:AZ-KR", "topic:economy");

        await live.ReloadAsync();

        await Expect(live.Chips).ToHaveCountAsync(2, new() { Timeout = LivePage.Ui });
        Assert.Equal(["relation:AZ-KR", "topic:economy"], await ChipFeedsAsync(live));
        await live.ExpectFollowingLiveAsync("relation:AZ-KR", "topic:economy");

        // Following still works after the reload: the page is subscribed, not just showing chips.
        var id = Articles.NewId("reload");
        await fixture.Host.PublishAsync(Articles.Tagged(id, "Korean investors look at Azerbaijan's renewable energy zones", ["AZ", "KR"], ["economy"]));
        await live.ExpectOneCardAsync(id);
    }

    [Fact]
    public async Task A_share_link_opens_the_page_following_its_feeds()
    {
        // A new context: nothing stored, everything comes from the link.
        await using var live = await fixture.OpenAsync("/?follow=relation:AZ-KR,topic:economy");

        await Expect(live.Chips).ToHaveCountAsync(2, new() { Timeout = LivePage.Ui });
        Assert.Equal(["relation:AZ-KR", "topic:economy"], await ChipFeedsAsync(live));
        await live.ExpectFollowingLiveAsync("relation:AZ-KR", "topic:economy");

        // What the link brought in is kept: a plain visit afterwards still follows both.
        await live.GotoAsync("/");
        await Expect(live.Chips).ToHaveCountAsync(2, new() { Timeout = LivePage.Ui });
        Assert.Equal(["relation:AZ-KR", "topic:economy"], await ChipFeedsAsync(live));
    }

    private static async Task<string[]> ChipFeedsAsync(LivePage live) =>
        (await live.Chips.EvaluateAllAsync<string[]>("chips => chips.map(c => c.dataset.feed)")) ?? [];
}
