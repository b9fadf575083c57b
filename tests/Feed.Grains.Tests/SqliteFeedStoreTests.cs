using Feed.Grains.Storage;

namespace Feed.Grains.Tests;

/// <summary>The SQLite feed store on its own, over a temporary file.</summary>
public sealed class SqliteFeedStoreTests : IDisposable
{
    private readonly TemporaryDatabase _db = new();
    private readonly SqliteFeedStore _feeds;
    private readonly SqliteArticleStore _articles;

    public SqliteFeedStoreTests()
    {
        _feeds = new SqliteFeedStore(_db.Database);
        _articles = new SqliteArticleStore(_db.Database);
    }

    public void Dispose() => _db.Dispose();

    private async Task<FeedItem> ItemAsync(string feed, long seq)
    {
        var article = FeedCluster.Article($"{feed}-{seq}", feed);
        await _articles.ClaimAsync(article);
        return new FeedItem(feed, seq, article);
    }

    [Fact]
    public async Task A_batch_that_does_not_follow_the_stored_head_is_refused_and_stores_nothing()
    {
        const string feed = "topic:weather";
        await _feeds.AppendAsync(feed, [await ItemAsync(feed, 1), await ItemAsync(feed, 2)], keepAbove: 0);

        // Seq 3 never landed (its batch failed): a batch starting at 4 must not leave a hole.
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await _feeds.AppendAsync(feed, [await ItemAsync(feed, 4)], keepAbove: 0));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await _feeds.AppendAsync(feed, [await ItemAsync(feed, 2)], keepAbove: 0));
        await _feeds.AppendAsync(feed, [await ItemAsync(feed, 3)], keepAbove: 0);

        Assert.Equal(new FeedBounds(3, 1), await _feeds.ReadBoundsAsync(feed));
        Assert.Equal([1L, 2L, 3L], (await _feeds.ReadAfterAsync(feed, 0, 10)).Select(i => i.Seq));
    }

    [Fact]
    public async Task The_first_batch_of_a_new_feed_starts_at_seq_1()
    {
        const string feed = "topic:sport";

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await _feeds.AppendAsync(feed, [await ItemAsync(feed, 2)], keepAbove: 0));
        await _feeds.AppendAsync(feed, [await ItemAsync(feed, 1)], keepAbove: 0);

        Assert.Equal(1, (await _feeds.ReadBoundsAsync(feed)).Head);
    }
}
