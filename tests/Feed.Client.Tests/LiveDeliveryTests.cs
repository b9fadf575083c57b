namespace Feed.Client.Tests;

/// <summary>Following feeds with the client: live delivery, once and in order, over JSON and MessagePack.</summary>
public sealed class LiveDeliveryTests : IAsyncLifetime
{
    private FeedHost _host = null!;
    private FeedApi _api = null!;

    public async Task InitializeAsync()
    {
        _host = await FeedHost.StartAsync();
        _api = new FeedApi(TestClients.Options(_host));
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Followed_feed_items_arrive_live_in_seq_order()
    {
        await using var client = new FeedClient(TestClients.Options(_host));
        var recorder = new UpdateRecorder(client);
        await client.StartAsync();
        await client.FollowAsync("relation:kr-az");
        Assert.Equal(["relation:AZ-KR"], client.Followed);

        var ids = Enumerable.Range(1, 5).Select(i => $"live-{i}").ToArray();
        await TestArticles.PublishAllAsync(_api, ids.Select(id => TestArticles.Tagged(id, $"Live {id}", "AZ", "KR")));
        await recorder.WaitForArticlesAsync(ids);

        var items = recorder.Articles;
        Assert.Equal(ids, items.Select(i => i.Article.Id));
        Assert.All(items, i => Assert.Equal("relation:AZ-KR", i.Feed));
        Assert.Equal([1L, 2, 3, 4, 5], items.Select(i => i.Seq));
        Assert.Equal("Live live-3", items[2].Article.Headline);
        Assert.Equal(["AZ", "KR"], items[2].Article.Countries);
        Assert.Contains(recorder.Updates, u => u is FeedSubscribed { Feed: "relation:AZ-KR", After: null, Resumed: false });
    }

    [Fact]
    public async Task An_article_in_several_followed_feeds_is_delivered_once()
    {
        await using var client = new FeedClient(TestClients.Options(_host));
        var recorder = new UpdateRecorder(client);
        await client.StartAsync();
        foreach (var feed in new[] { "country:AZ", "country:KR", "relation:AZ-KR" }) await client.FollowAsync(feed);

        await TestArticles.PublishAllAsync(_api,
        [
            TestArticles.Tagged("once-both", "Both countries", "AZ", "KR"),
            TestArticles.Tagged("once-az", "Azerbaijan only", "AZ"),
            TestArticles.Tagged("once-both-2", "Both again", "AZ", "KR"),
            TestArticles.Tagged("once-end", "Last", "KR"),
        ]);
        await recorder.WaitForArticlesAsync("once-end");

        Assert.Equal(["once-both", "once-az", "once-both-2", "once-end"], recorder.Articles.Select(i => i.Article.Id));
        foreach (var feed in recorder.Articles.GroupBy(i => i.Feed))
            Assert.True(feed.Select(i => i.Seq).SequenceEqual(feed.Select(i => i.Seq).Order()), $"{feed.Key} out of order");
    }

    [Fact]
    public async Task Following_after_a_seq_replays_what_was_missed_then_goes_live()
    {
        await TestArticles.PublishAllAsync(_api, Enumerable.Range(1, 4).Select(i => TestArticles.Tagged($"replay-{i}", $"Replay {i}", "GE")));

        await using var client = new FeedClient(TestClients.Options(_host));
        var recorder = new UpdateRecorder(client);
        await client.FollowAsync("country:GE", after: 1);
        await client.StartAsync();
        await TestArticles.PublishAllAsync(_api, [TestArticles.Tagged("replay-5", "Live after the replay", "GE")]);
        await recorder.WaitForArticlesAsync("replay-5");

        Assert.Equal(["replay-2", "replay-3", "replay-4", "replay-5"], recorder.Articles.Select(i => i.Article.Id));
        Assert.Equal([2L, 3, 4, 5], recorder.Articles.Select(i => i.Seq));
        Assert.Contains(recorder.Updates, u => u is FeedSubscribed { Feed: "country:GE", After: 1, Head: 4, Missed: 3 });
    }

    [Fact]
    public async Task MessagePack_mode_delivers_replayed_and_live_items()
    {
        await TestArticles.PublishAllAsync(_api, [TestArticles.Tagged("packed-1", "Packed before", "TR")]);

        await using var client = new FeedClient(TestClients.Options(_host, messagePack: true));
        var recorder = new UpdateRecorder(client);
        await client.StartAsync();
        await client.FollowAsync("country:TR", after: 0);
        await TestArticles.PublishAllAsync(_api, [TestArticles.Tagged("packed-2", "Packed live", "TR")]);
        await recorder.WaitForArticlesAsync("packed-1", "packed-2");

        var items = recorder.Articles;
        Assert.Equal([("packed-1", 1L), ("packed-2", 2L)], items.Select(i => (i.Article.Id, i.Seq)));
        Assert.Equal("Packed live", items[1].Article.Headline);
        Assert.Equal(["TR"], items[1].Article.Countries);
        Assert.Contains("country:TR", items[1].Article.Feeds);
        Assert.Equal(DateTimeKind.Utc, items[1].Article.PublishedAt.Kind);
        Assert.True(DateTime.UtcNow - items[1].Article.PublishedAt < TimeSpan.FromMinutes(5), $"publishedAt {items[1].Article.PublishedAt:O}");
    }

    [Fact]
    public async Task Unfollowed_feeds_deliver_nothing_more_and_drop_out_of_the_positions()
    {
        await using var client = new FeedClient(TestClients.Options(_host));
        var recorder = new UpdateRecorder(client);
        await client.StartAsync();
        await client.FollowAsync("country:AM");
        await client.FollowAsync("country:IR");
        await TestArticles.PublishAllAsync(_api, [TestArticles.Tagged("unf-1", "Armenia", "AM")]);
        await recorder.WaitForArticlesAsync("unf-1");

        await client.UnfollowAsync("country:am");
        await TestArticles.PublishAllAsync(_api, [TestArticles.Tagged("unf-2", "Armenia again", "AM"), TestArticles.Tagged("unf-3", "Iran", "IR")]);
        await recorder.WaitForArticlesAsync("unf-3");

        Assert.Equal(["unf-1", "unf-3"], recorder.Articles.Select(i => i.Article.Id));
        Assert.Equal(["country:IR"], client.Followed);
        Assert.DoesNotContain("country:AM", client.Positions.Keys);
    }

    [Fact]
    public async Task Bad_feed_keys_fail_locally_and_unknown_ones_with_the_servers_message()
    {
        await using var client = new FeedClient(TestClients.Options(_host));
        await client.StartAsync();

        var shape = await Assert.ThrowsAsync<FormatException>(() => client.FollowAsync("planet:mars"));
        Assert.Contains("not a feed key", shape.Message);
        await Assert.ThrowsAsync<FormatException>(() => client.FollowAsync("relation:AZ-AZ"));

        var unknown = await Assert.ThrowsAsync<FeedSubscribeException>(() => client.FollowAsync("country:ZZ"));
        Assert.Equal("country:ZZ", unknown.Feed);
        Assert.DoesNotContain("unexpected error", unknown.ServerMessage);
        Assert.Contains("ZZ", unknown.ServerMessage);
        Assert.Empty(client.Followed);
    }
}
