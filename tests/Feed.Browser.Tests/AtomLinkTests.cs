using static Microsoft.Playwright.Assertions;

namespace Feed.Browser.Tests;

/// <summary>The page offers each followed feed to feed readers: a visible Atom link and head autodiscovery.</summary>
public sealed class AtomLinkTests(LivePageFixture fixture) : IClassFixture<LivePageFixture>
{
    [Fact]
    public async Task Each_followed_feed_has_an_Atom_link_and_an_autodiscovery_link_that_a_reader_can_fetch()
    {
        await using var live = await fixture.OpenAsync("/?follow=relation:AZ-KR,topic:economy");
        await live.ExpectFollowingLiveAsync("relation:AZ-KR");

        var links = live.Page.GetByTestId("atom-link");
        await Expect(links).ToHaveCountAsync(2, new() { Timeout = LivePage.Ui });
        var hrefs = await links.EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        Assert.Equal(["/api/feeds/relation:AZ-KR/atom", "/api/feeds/topic:economy/atom"], hrefs.Order());
        var discovered = await live.Page.EvaluateAsync<string[]>(
            "[...document.head.querySelectorAll('link[rel=alternate][type=\"application/atom+xml\"]')].map(l => l.getAttribute('href'))");
        Assert.Equal(hrefs.Order(), discovered.Order());

        var atom = await live.Page.APIRequest.GetAsync(hrefs[0]);
        Assert.Equal(200, atom.Status);
        Assert.StartsWith("application/atom+xml", atom.Headers["content-type"]);
    }
}
