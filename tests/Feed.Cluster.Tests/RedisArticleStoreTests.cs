using Feed.Grains.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Feed.Cluster.Tests;

/// <summary>The Redis article and feed stores on their own, against a real redis-server: an article is stored by its first feed append.</summary>
public sealed class RedisArticleStoreTests : IAsyncLifetime
{
    private LocalCluster _cluster = null!;
    private RedisConnection _redis = null!;
    private RedisArticleStore _articles = null!;
    private RedisFeedStore _feeds = null!;

    public async Task InitializeAsync()
    {
        _cluster = await LocalCluster.StartAsync(silos: 0, webFronts: 0);
        _redis = new RedisConnection(Options.Create(new StorageOptions { Provider = StorageProvider.Redis, RedisConnection = _cluster.Redis }),
            NullLogger<RedisConnection>.Instance);
        _articles = new RedisArticleStore(_redis);
        _feeds = new RedisFeedStore(_redis, _articles);
    }

    public async Task DisposeAsync()
    {
        _redis.Dispose();
        await _cluster.DisposeAsync();
    }

    private static Article Story(string id, string headline) =>
        new() { Id = id, Headline = headline, Body = "Body.", PublishedAt = DateTime.UtcNow, Feeds = ["topic:economy"] };

    [Fact]
    public async Task The_first_feed_append_stores_the_article_pending_and_later_appends_leave_its_text_unchanged()
    {
        Assert.Null(await _articles.GetAsync("r-1"));
        await _feeds.AppendAsync("topic:economy", [new FeedItem("topic:economy", 1, Story("r-1", "First headline"))], keepAbove: 0);

        var pending = await _articles.GetAsync("r-1");
        Assert.NotNull(pending);
        Assert.False(pending.Delivered);
        Assert.Equal("First headline", pending.Article.Headline);

        await _feeds.AppendAsync("topic:sport", [new FeedItem("topic:sport", 1, Story("r-1", "Another headline, same id"))], keepAbove: 0);
        await _articles.MarkDeliveredAsync("r-1");
        var delivered = await _articles.GetAsync("r-1");
        Assert.NotNull(delivered);
        Assert.True(delivered.Delivered);
        Assert.Equal("First headline", delivered.Article.Headline);
        Assert.Equal("First headline", (await _feeds.ReadAfterAsync("topic:sport", 0, 10)).Single().Article.Headline);
    }

    [Fact]
    public async Task A_refused_append_stores_no_article()
    {
        await _feeds.AppendAsync("topic:weather", [new FeedItem("topic:weather", 1, Story("w-1", "Rain"))], keepAbove: 0);

        await Assert.ThrowsAsync<RedisServerException>(() =>
            _feeds.AppendAsync("topic:weather", [new FeedItem("topic:weather", 3, Story("w-3", "A seq that leaves a hole"))], keepAbove: 0));

        Assert.Null(await _articles.GetAsync("w-3"));
    }
}
