using static Microsoft.Playwright.Assertions;

namespace Feed.Browser.Tests;

/// <summary>Whatever a publisher sends is shown as text, never run as markup.</summary>
public sealed class ArticleSafetyTests(LivePageFixture fixture) : IClassFixture<LivePageFixture>
{
    [Fact]
    public async Task Markup_in_an_article_is_shown_as_text_and_never_runs()
    {
        await using var live = await fixture.OpenAsync("/?follow=relation:AZ-KR");
        await live.ExpectFollowingLiveAsync("relation:AZ-KR");

        const string headline = "<img src=x onerror=alert(1)>";
        const string summary = "<b>Not bold</b> & <i>not italic</i>";
        const string body = "<script>alert(2)</script> Then a paragraph with <a href=\"javascript:alert(3)\">a link</a>.";
        var id = Articles.NewId("xss");
        await fixture.Host.PublishAsync(Articles.Tagged(id, headline, ["AZ", "KR"], body: body, summary: summary));

        await live.ExpectOneCardAsync(id);
        var card = live.Card(id);
        await Expect(card.GetByTestId("article-headline")).ToHaveTextAsync(headline);
        await Expect(card).ToContainTextAsync(summary);

        // Open the card, so the body is rendered too.
        await card.GetByTestId("article-headline").ClickAsync();
        await Expect(card).ToContainTextAsync("<script>alert(2)</script>", new() { Timeout = LivePage.Ui });
        await Expect(card).ToContainTextAsync("<a href=\"javascript:alert(3)\">a link</a>");

        foreach (var tag in new[] { "img:not([src^='/lib/'])", "script", "b", "i", "a[href^='javascript']" })
            await Expect(card.Locator(tag)).ToHaveCountAsync(0);
        // The only images on the page are its own flags and icons (from /lib), none with a handler, so no onerror can fire.
        await Expect(live.Page.Locator("img:not([src^='/lib/'])")).ToHaveCountAsync(0);
        await Expect(live.Page.Locator("img[onerror]")).ToHaveCountAsync(0);

        // A later article seen on the page: anything the first one could have set off has had its turn.
        var marker = Articles.NewId("after-xss");
        await fixture.Host.PublishAsync(Articles.Tagged(marker, "Azerbaijan and Korea hold cultural week", ["AZ", "KR"]));
        await live.ExpectOneCardAsync(marker);
        Assert.Empty(live.Dialogs);
    }
}
