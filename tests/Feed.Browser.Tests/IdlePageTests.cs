using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Feed.Browser.Tests;

/// <summary>An idle page asks the server nothing: articles, heads and follower counts are pushed over the hub.</summary>
public sealed class IdlePageTests(LivePageFixture fixture) : IClassFixture<LivePageFixture>
{
    private static ConcurrentQueue<string> RestCalls(LivePage live)
    {
        var calls = new ConcurrentQueue<string>();
        live.Page.Request += (_, request) => { if (request.ResourceType is "fetch" or "xhr") calls.Enqueue(request.Url); };
        return calls;
    }

    [Fact]
    public async Task A_page_following_feeds_makes_no_request_over_a_minute_while_articles_arrive()
    {
        await using var live = await LivePage.CreateAsync(fixture.Browser, fixture.Host.BaseAddress, null, phone: false);
        // Page time is Playwright's fake clock from the start: a minute passes in three steps of 20 s.
        await live.Page.Clock.InstallAsync();
        await live.GotoAsync("/?follow=country:AZ,topic:economy");
        await live.ExpectFollowingLiveAsync("country:AZ", "topic:economy");
        var calls = RestCalls(live);

        for (var step = 0; step < 3; step++)
        {
            await live.Page.Clock.RunForAsync(20_000);
            // Each article resets the client's server timeout too, as a busy feed would.
            var id = Articles.NewId("idle");
            await fixture.Host.PublishAsync(Articles.Tagged(id, $"Azerbaijan's economy grows for a {step + 1}th quarter", ["AZ"], ["economy"]));
            await live.ExpectOneCardAsync(id);
        }

        await live.ExpectFollowingLiveAsync("country:AZ", "topic:economy");
        Assert.True(calls.IsEmpty, $"an idle page made requests: {string.Join(", ", calls)}");
    }

    [Fact]
    public async Task Follower_counts_change_by_push_when_another_reader_follows_the_same_feed()
    {
        await using var first = await fixture.OpenAsync("/?follow=topic:health");
        await first.ExpectFollowingLiveAsync("topic:health");
        var counts = first.Chip("topic:health").GetByTestId("feed-counts");
        await Expect(counts).ToHaveTextAsync(new Regex(@"\b1 following\b"));
        var calls = RestCalls(first);

        await using var second = await fixture.OpenAsync("/?follow=topic:health");
        await second.ExpectFollowingLiveAsync("topic:health");
        await Expect(counts).ToHaveTextAsync(new Regex(@"\b2 following\b"), new() { Timeout = LivePage.Ui });
        await Expect(second.Chip("topic:health").GetByTestId("feed-counts")).ToHaveTextAsync(new Regex(@"\b2 following\b"));

        await second.Context.CloseAsync();
        await Expect(counts).ToHaveTextAsync(new Regex(@"\b1 following\b"), new() { Timeout = LivePage.Ui });
        Assert.True(calls.IsEmpty, $"the count should come by push, not by asking: {string.Join(", ", calls)}");
    }
}
