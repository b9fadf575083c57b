using Feed.Grains.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Feed.Cluster.Tests;

/// <summary>The Redis article store on its own, against a real redis-server: the one-step claim of an id.</summary>
public sealed class RedisArticleStoreTests : IAsyncLifetime
{
    private LocalCluster _cluster = null!;
    private RedisConnection _redis = null!;
    private RedisArticleStore _articles = null!;

    public async Task InitializeAsync()
    {
        _cluster = await LocalCluster.StartAsync(silos: 0, webFronts: 0);
        _redis = new RedisConnection(Options.Create(new StorageOptions { Provider = StorageProvider.Redis, RedisConnection = _cluster.Redis }),
            NullLogger<RedisConnection>.Instance);
        _articles = new RedisArticleStore(_redis);
    }

    public async Task DisposeAsync()
    {
        _redis.Dispose();
        await _cluster.DisposeAsync();
    }

    private static Article Story(string id, string headline) =>
        new() { Id = id, Headline = headline, Body = "Body.", PublishedAt = DateTime.UtcNow, Feeds = ["topic:economy"] };

    [Fact]
    public async Task A_new_id_is_stored_pending_and_a_claimed_one_answers_what_is_stored_unchanged()
    {
        Assert.Null(await _articles.ClaimAsync(Story("r-1", "First headline")));

        var pending = await _articles.ClaimAsync(Story("r-1", "Another headline, same id"));
        Assert.NotNull(pending);
        Assert.False(pending.Delivered);
        Assert.Equal("First headline", pending.Article.Headline);

        await _articles.MarkDeliveredAsync("r-1");
        var delivered = await _articles.ClaimAsync(Story("r-1", "Yet another"));
        Assert.NotNull(delivered);
        Assert.True(delivered.Delivered);
        Assert.Equal("First headline", (await _articles.GetAsync("r-1"))!.Article.Headline);
    }
}
