using Feed.Grains.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Feed.Grains.Tests;

/// <summary>The SQLite article store and its writer on their own, over a temporary file, on a clock the test moves.</summary>
public sealed class SqliteArticleStoreTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new();
    private readonly TemporaryDatabase _db;
    private readonly SqliteArticleStore _articles;
    private readonly SqliteFeedStore _feeds;

    public SqliteArticleStoreTests()
    {
        _db = new TemporaryDatabase(_clock);
        _articles = new SqliteArticleStore(_db.Database);
        _feeds = new SqliteFeedStore(_db.Database);
    }

    public void Dispose() => _db.Dispose();

    private Task Append(string feed, long seq, Article article) => _feeds.AppendAsync(feed, [new FeedItem(feed, seq, article)], keepAbove: 0);

    [Fact]
    public async Task A_delivered_mark_rides_along_with_the_next_write_without_waiting_for_the_clock()
    {
        var article = FeedCluster.Article("mark-rides", "topic:economy");
        await Append("topic:economy", 1, article);

        var mark = _articles.MarkDeliveredAsync(article.Id);
        Assert.False(mark.IsCompleted);
        await Append("topic:economy", 2, FeedCluster.Article("next-write", "topic:economy"));

        await mark.WaitAsync(Bound);
        Assert.True((await _articles.GetAsync(article.Id))!.Delivered);
    }

    [Fact]
    public async Task A_delivered_mark_with_no_write_to_join_lands_on_its_own_once_the_deferred_delay_has_passed()
    {
        var article = FeedCluster.Article("mark-alone", "topic:economy");
        await Append("topic:economy", 1, article);

        var mark = _articles.MarkDeliveredAsync(article.Id);
        _clock.Advance(new StorageOptions().DeferredWriteDelay - TimeSpan.FromMilliseconds(1));
        Assert.False(mark.IsCompleted);
        Assert.False((await _articles.GetAsync(article.Id))!.Delivered);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        await mark.WaitAsync(Bound);
        Assert.True((await _articles.GetAsync(article.Id))!.Delivered);
    }

    [Fact]
    public async Task Many_writes_committed_together_each_succeed_or_fail_on_their_own()
    {
        var articles = Enumerable.Range(0, 50).Select(i => FeedCluster.Article($"many-{i}", "topic:economy")).ToArray();
        await _feeds.AppendAsync("topic:economy", articles.Select((a, i) => new FeedItem("topic:economy", i + 1, a)).ToArray(), keepAbove: 0);

        // Every mark below queues up and goes in one transaction, each in its own savepoint, with the failing one (an id
        // never stored) in the middle.
        var marks = articles[..25].Select(a => _articles.MarkDeliveredAsync(a.Id))
            .Append(_articles.MarkDeliveredAsync("never-stored"))
            .Concat(articles[25..].Select(a => _articles.MarkDeliveredAsync(a.Id))).ToArray();
        _clock.Advance(new StorageOptions().DeferredWriteDelay);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => marks[25].WaitAsync(Bound));
        Assert.Contains("never-stored", failure.Message);
        await Task.WhenAll(marks.Where((_, i) => i != 25)).WaitAsync(Bound);
        foreach (var a in articles) Assert.True((await _articles.GetAsync(a.Id))!.Delivered, a.Id);
        Assert.Null(await _articles.GetAsync("never-stored"));
    }

    [Fact]
    public async Task A_look_up_for_a_publish_answers_what_a_read_answers()
    {
        var article = FeedCluster.Article("looked-up", "topic:economy");
        Assert.Null(await _articles.LookUpAsync(article.Id));
        await Append("topic:economy", 1, article);

        var pending = await _articles.LookUpAsync(article.Id);
        Assert.Equal((await _articles.GetAsync(article.Id))!.Article.Headline, pending!.Article.Headline);
        Assert.False(pending.Delivered);
        var mark = _articles.MarkDeliveredAsync(article.Id);
        _clock.Advance(new StorageOptions().DeferredWriteDelay);
        await mark.WaitAsync(Bound);
        Assert.True((await _articles.LookUpAsync(article.Id))!.Delivered);
    }

    [Fact]
    public async Task Deferred_writes_still_queued_land_when_the_database_closes()
    {
        var article = FeedCluster.Article("mark-at-close", "topic:economy");
        await Append("topic:economy", 1, article);
        var mark = _articles.MarkDeliveredAsync(article.Id);

        _db.Database.Dispose();

        await mark.WaitAsync(Bound);
    }
}
