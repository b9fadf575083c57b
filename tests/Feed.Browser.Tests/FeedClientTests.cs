namespace Feed.Browser.Tests;

/// <summary>
/// feed-client.js, the page's live connection as a module other web apps use, driven in Chromium by a page of its own:
/// overlapping feeds, a server restart with articles published while it was away, and live again.
/// </summary>
public sealed class FeedClientTests(LivePageFixture fixture) : IClassFixture<LivePageFixture>
{
    /// <summary>The client's retries after a restart (0.5–1 s here) plus a loaded machine's slack.</summary>
    private const float Resume = 30_000;

    // Another web app's page: no SignalR script of its own (the module loads the one served beside it).
    private const string TestPage = """
        <!doctype html><meta charset="utf-8"><title>feed-client.js test</title>
        <script type="module">
          import { FeedClient } from '/feed-client.js';
          window.received = []; window.states = []; window.gaps = [];
          const client = new FeedClient({ reconnectDelaysMs: [0, 500], slowRetryMs: 1000, restartDelaysMs: [500, 1000] });
          client.on('article', (item) => window.received.push(item.article.id));
          client.on('gap', ({ feed }) => window.gaps.push(feed));
          client.on('state', (state) => window.states.push(state));
          await client.start();
          await client.follow('relation:AZ-KR');
          await client.follow('country:AZ');
          window.client = client;
        </script>
        """;

    [Fact]
    public async Task The_client_follows_overlapping_feeds_across_a_server_restart_and_delivers_every_article_once()
    {
        var host = fixture.Host;
        await using var live = await LivePage.CreateAsync(fixture.Browser, host.BaseAddress, null, phone: false);
        // A page of the web front's own origin (a page Playwright made up would count as public, and Chromium's
        // local network checks would then refuse its WebSocket to 127.0.0.1).
        await live.GotoAsync("/healthz");
        await live.Page.SetContentAsync(TestPage);
        await live.Page.WaitForFunctionAsync("window.client && window.client.isLive('relation:AZ-KR') && window.client.isLive('country:AZ')", null, new() { Timeout = LivePage.Ui });

        var before = Articles.NewId("fc-before");
        await host.PublishAsync(Articles.Tagged(before, "In both feeds, before the restart", ["AZ", "KR"]));
        await live.Page.WaitForFunctionAsync($"window.received.includes('{before}')", null, new() { Timeout = LivePage.Ui });

        await host.StopAsync();
        await live.Page.WaitForFunctionAsync("window.states.some(s => s === 'reconnecting' || s === 'offline')", null, new() { Timeout = LivePage.Ui });
        // Off the network while the server comes back and articles are published: they are certainly missed.
        await live.Context.SetOfflineAsync(true);
        await host.StartAgainAsync();
        string[] missed = [Articles.NewId("fc-missed"), Articles.NewId("fc-missed")];
        await host.PublishAsync(Articles.Tagged(missed[0], "In both feeds, while away", ["AZ", "KR"]));
        await host.PublishAsync(Articles.Tagged(missed[1], "In one feed, while away", ["AZ"]));
        await live.Context.SetOfflineAsync(false);

        await live.Page.WaitForFunctionAsync("window.received.length >= 3", null, new() { Timeout = Resume });
        var after = Articles.NewId("fc-after");
        await host.PublishAsync(Articles.Tagged(after, "In both feeds, live again", ["AZ", "KR"]));
        await live.Page.WaitForFunctionAsync($"window.received.includes('{after}')", null, new() { Timeout = LivePage.Ui });

        var received = await live.Page.EvaluateAsync<string[]>("window.received");
        Assert.Equal([before, .. missed.Order(), after], [received[0], .. received[1..3].Order(), received[3]]);
        Assert.Equal(4, received.Length);
        Assert.Empty(await live.Page.EvaluateAsync<string[]>("window.gaps"));
        Assert.Equal("live", await live.Page.EvaluateAsync<string>("window.client.state"));
    }
}
