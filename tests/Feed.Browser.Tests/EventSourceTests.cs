using System.Collections.Concurrent;

namespace Feed.Browser.Tests;

/// <summary>A browser's own <c>EventSource</c> on <c>/api/events</c>, without the page or SignalR: it resumes by itself.</summary>
public sealed class EventSourceTests(LivePageFixture fixture) : IClassFixture<LivePageFixture>
{
    /// <summary>The stream asks browsers to retry after 2 s (<c>retry:</c>); allow for a loaded machine.</summary>
    private const float Resume = 30_000;

    // A page of the web front's origin that only follows a feed with EventSource and keeps what arrives.
    private const string TestPage = """
        <!doctype html><meta charset="utf-8"><title>EventSource test</title>
        <script>
          window.received = []; window.opens = 0; window.errors = 0;
          const events = new EventSource('/api/events?follow=relation:AZ-KR');
          events.onopen = () => window.opens++;
          events.onerror = () => window.errors++;
          events.addEventListener('article', e => window.received.push(JSON.parse(e.data).article.id));
        </script>
        """;

    [Fact]
    public async Task An_EventSource_follows_a_feed_across_a_server_restart_and_loses_nothing()
    {
        var host = fixture.Host;
        await using var live = await LivePage.CreateAsync(fixture.Browser, host.BaseAddress, null, phone: false);
        var streamRequests = new ConcurrentQueue<Microsoft.Playwright.IRequest>();
        live.Page.Request += (_, request) => { if (request.Url.Contains("/api/events", StringComparison.Ordinal)) streamRequests.Enqueue(request); };
        await live.Page.RouteAsync("**/eventsource-test.html", route => route.FulfillAsync(new() { ContentType = "text/html", Body = TestPage }));
        await live.Page.GotoAsync("/eventsource-test.html");
        await live.Page.WaitForFunctionAsync("window.opens >= 1", null, new() { Timeout = LivePage.Ui });

        var before = Articles.NewId("es-before");
        await host.PublishAsync(Articles.Tagged(before, "Before the restart", ["AZ", "KR"]));
        await live.Page.WaitForFunctionAsync($"window.received.includes('{before}')", null, new() { Timeout = LivePage.Ui });

        await host.StopAsync();
        await live.Page.WaitForFunctionAsync("window.errors >= 1", null, new() { Timeout = LivePage.Ui });
        // Off the network while the server comes back and two articles are published: they are certainly missed.
        await live.Context.SetOfflineAsync(true);
        await host.StartAgainAsync();
        string[] missed = [Articles.NewId("es-missed"), Articles.NewId("es-missed")];
        foreach (var id in missed) await host.PublishAsync(Articles.Tagged(id, "While the browser was away", ["AZ", "KR"]));
        await live.Context.SetOfflineAsync(false);

        await live.Page.WaitForFunctionAsync("window.received.length >= 3", null, new() { Timeout = Resume });
        var after = Articles.NewId("es-after");
        await host.PublishAsync(Articles.Tagged(after, "Live again", ["AZ", "KR"]));
        await live.Page.WaitForFunctionAsync($"window.received.includes('{after}')", null, new() { Timeout = LivePage.Ui });

        var received = await live.Page.EvaluateAsync<string[]>("window.received");
        Assert.Equal(new[] { before, missed[0], missed[1], after }, received);
        // A reconnect without the last id would follow from now and never see the two missed articles: the browser
        // resumed by itself, on a new request (Playwright does not show the Last-Event-ID header it adds).
        Assert.True(streamRequests.Count >= 2, $"the browser should have reconnected; it made {streamRequests.Count} stream requests");
    }
}
