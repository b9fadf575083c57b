using System.Collections.Concurrent;
using static Microsoft.Playwright.Assertions;

namespace Feed.Browser.Tests;

/// <summary>The web front goes away and comes back: the page says so, and catches up on what it missed, once.</summary>
public sealed class ReconnectTests(LivePageFixture fixture) : IClassFixture<LivePageFixture>
{
    /// <summary>
    /// Stopping takes well under a second. Before the hub turned away connections made while the node is
    /// stopping, the page's immediate reconnect was accepted and held open until the host's 30 s shutdown
    /// timeout, so a stop with a browser connected often took 30 s.
    /// </summary>
    private static readonly TimeSpan Stop = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The page retries with backoff (0, 1, 2, 5 s, then every 5–10 s), so coming back live after the
    /// network is back may take one full retry step plus a loaded machine's slack.
    /// </summary>
    private const float Reconnect = 30_000;

    [Fact]
    public async Task After_the_server_restarts_the_page_goes_live_again_and_shows_the_missed_article_once()
    {
        var host = fixture.Host;
        await using var live = await fixture.OpenAsync("/?follow=relation:AZ-KR");
        var hubFrames = new ConcurrentQueue<string>();
        live.Page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => hubFrames.Enqueue(frame.Text ?? "");
        await live.ExpectFollowingLiveAsync("relation:AZ-KR");

        var before = Articles.NewId("before");
        await host.PublishAsync(Articles.Tagged(before, "Azerbaijan and South Korea start talks on a trade agreement", ["AZ", "KR"]));
        await live.ExpectOneCardAsync(before);

        var stopping = host.StopAsync();
        if (await Task.WhenAny(stopping, Task.Delay(Stop)) != stopping)
            throw new TimeoutException($"The web front took over {Stop.TotalSeconds:0} s to stop with a browser connected: is a hub connection made while stopping held open?");
        await stopping;
        await Expect(live.Badge).ToHaveAttributeAsync("data-state", LivePage.NotLive, new() { Timeout = LivePage.Ui });
        await Expect(live.Badge).Not.ToHaveTextAsync("Live");

        // The page stays off the network while the server comes back and the article is published, so it
        // has certainly missed the article: no race with the page's retry timer.
        await live.Context.SetOfflineAsync(true);
        await host.StartAgainAsync();
        var missed = Articles.NewId("missed");
        await host.PublishAsync(Articles.Tagged(missed, "Korean and Azerbaijani universities launch a joint degree", ["AZ", "KR"]));
        await Expect(live.Badge).ToHaveAttributeAsync("data-state", LivePage.NotLive);
        await Expect(live.Card(missed)).ToHaveCountAsync(0);
        await live.Context.SetOfflineAsync(false);

        await live.ExpectLiveAsync(Reconnect);
        await live.ExpectOneCardAsync(missed);
        await Expect(live.Card(before)).ToHaveCountAsync(1);
        // It came as missed in the answer to the page's Subscribe, not as a live message.
        Assert.Contains(hubFrames, f => f.Contains("\"missed\":[") && f.Contains(missed));
        Assert.DoesNotContain(hubFrames, f => f.Contains("\"target\":\"article\"") && f.Contains(missed));

        // And it is live again, not just caught up.
        var after = Articles.NewId("after");
        await host.PublishAsync(Articles.Tagged(after, "Seoul hosts Azerbaijani culture days", ["AZ", "KR"]));
        await live.ExpectOneCardAsync(after);
        Assert.Equal([after, missed, before], await live.CardIdsAsync());
    }
}
