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

    private static Task<FeedItem> ItemAsync(string feed, long seq) =>
        Task.FromResult(new FeedItem(feed, seq, FeedCluster.Article($"{feed}-{seq}", feed)));

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
        // A refused batch stores its articles no more than its rows.
        Assert.Null(await _articles.GetAsync($"{feed}-4"));
    }

    [Fact]
    public async Task An_appended_article_is_stored_pending_once_and_keeps_its_first_text()
    {
        var article = FeedCluster.Article("first-text", "topic:economy", "topic:labour");
        await _feeds.AppendAsync("topic:economy", [new FeedItem("topic:economy", 1, article)], keepAbove: 0);
        await _feeds.AppendAsync("topic:labour", [new FeedItem("topic:labour", 1, article with { Headline = "Changed on a retry" })], keepAbove: 0);

        var stored = await _articles.GetAsync("first-text");
        Assert.NotNull(stored);
        Assert.False(stored.Delivered);
        Assert.Equal(article.Headline, stored.Article.Headline);
        Assert.Equal(article.Headline, (await _feeds.ReadAfterAsync("topic:labour", 0, 10)).Single().Article.Headline);
    }

    [Fact]
    public async Task Items_at_or_below_keep_above_are_dropped_with_the_batch()
    {
        const string feed = "topic:health";
        await _feeds.AppendAsync(feed, [await ItemAsync(feed, 1), await ItemAsync(feed, 2), await ItemAsync(feed, 3)], keepAbove: 0);

        await _feeds.AppendAsync(feed, [await ItemAsync(feed, 4)], keepAbove: 2);

        Assert.Equal(new FeedBounds(4, 3), await _feeds.ReadBoundsAsync(feed));
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
