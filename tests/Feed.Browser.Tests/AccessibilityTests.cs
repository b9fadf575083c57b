using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Feed.Browser.Tests;

/// <summary>
/// The page for people using a keyboard or a screen reader: axe-core finds no serious or critical violation in the
/// first visit, following and search states, light and dark; everything works by keyboard alone.
/// </summary>
public sealed class AccessibilityTests(LivePageFixture fixture) : IClassFixture<LivePageFixture>
{
    public static TheoryData<bool> Schemes => new() { false, true };

    [Theory]
    [MemberData(nameof(Schemes))]
    public async Task The_first_visit_following_and_search_states_have_no_serious_accessibility_violations(bool dark)
    {
        var id = Articles.NewId("a11y");
        await fixture.Host.PublishAsync(Articles.Story(id, "Azerbaijan and South Korea sign a treaty on cultural exchange",
            "Museums and universities will swap exhibitions and students.", "The agreement covers five years.", "Feed newsroom",
            ["AZ", "KR"], ["culture"], DateTimeOffset.UtcNow.AddMinutes(-3)));

        await using var live = await fixture.OpenAsync();
        await live.Page.EmulateMediaAsync(new() { ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light });
        await live.ExpectLiveAsync();
        await Expect(live.LatestCard(id)).ToHaveCountAsync(1, new() { Timeout = LivePage.Ui });
        await AssertNoSeriousViolationsAsync(live, "first visit");

        await live.Search.ClickAsync();
        await live.Search.PressSequentiallyAsync("korea");
        await Expect(live.Suggestions.First).ToBeVisibleAsync(new() { Timeout = LivePage.Ui });
        await AssertNoSeriousViolationsAsync(live, "search");

        await live.Search.PressAsync("Escape");
        await live.Page.GotoAsync("/?follow=relation:AZ-KR,topic:culture");
        await live.ExpectFollowingLiveAsync("relation:AZ-KR", "topic:culture");
        await live.ExpectOneCardAsync(id);
        await live.Card(id).GetByTestId("article-headline").ClickAsync();
        await AssertNoSeriousViolationsAsync(live, "following");
    }

    [Fact]
    public async Task A_feed_can_be_found_followed_read_and_unfollowed_with_the_keyboard_alone()
    {
        await using var live = await fixture.OpenAsync();
        await live.ExpectLiveAsync();
        await live.Page.Keyboard.PressAsync("/");
        await Expect(live.Search).ToBeFocusedAsync();
        await live.Page.Keyboard.TypeAsync("azerbaijan korea");
        await Expect(live.Suggestion("relation:AZ-KR")).ToBeVisibleAsync(new() { Timeout = LivePage.Ui });
        await live.Page.Keyboard.PressAsync("ArrowDown");
        await Expect(live.Search).ToHaveAttributeAsync("aria-activedescendant", "suggestion-0");
        await live.Page.Keyboard.PressAsync("Enter");
        await live.ExpectFollowingLiveAsync("relation:AZ-KR");

        var id = Articles.NewId("keys");
        await fixture.Host.PublishAsync(Articles.Tagged(id, "Azerbaijan and South Korea open a consulate in Busan", ["AZ", "KR"], body: "The consulate opens in May."));
        await live.ExpectOneCardAsync(id);

        // Tab from the search box reaches the chip, its bell and Atom link, then the article's headline.
        var headline = live.Card(id).Locator(".card-toggle");
        for (var i = 0; i < 12 && !await headline.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
            await live.Page.Keyboard.PressAsync("Tab");
        await Expect(headline).ToBeFocusedAsync();
        await live.Page.Keyboard.PressAsync("Enter");
        await Expect(headline).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(live.Card(id)).ToContainTextAsync("The consulate opens in May.", new() { Timeout = LivePage.Ui });

        await live.Chip("relation:AZ-KR").FocusAsync();
        await live.Page.Keyboard.PressAsync("Enter");
        await Expect(live.Chips).ToHaveCountAsync(0, new() { Timeout = LivePage.Ui });
    }

    private static async Task AssertNoSeriousViolationsAsync(LivePage live, string state)
    {
        var result = await live.Page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(serious.Length == 0, $"{state}: " + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join("; ", v.Nodes.Take(3).Select(n => n.Target + " " + n.Html))}")));
    }
}
