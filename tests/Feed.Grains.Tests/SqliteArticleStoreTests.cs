using Feed.Grains.Storage;

namespace Feed.Grains.Tests;

/// <summary>The SQLite article store and its writer on their own, over a temporary file.</summary>
public sealed class SqliteArticleStoreTests : IDisposable
{
    private readonly TemporaryDatabase _db = new();
    private readonly SqliteArticleStore _articles;

    public SqliteArticleStoreTests() => _articles = new SqliteArticleStore(_db.Database);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Claiming_a_new_article_stores_it_as_pending_and_answers_nothing()
    {
        var article = FeedCluster.Article("claim-new", "topic:economy");

        Assert.Null(await _articles.ClaimAsync(article));

        var stored = await _articles.GetAsync("claim-new");
        Assert.NotNull(stored);
        Assert.False(stored.Delivered);
        Assert.Equal(article.Headline, stored.Article.Headline);
    }

    [Fact]
    public async Task Claiming_a_stored_id_again_answers_the_stored_article_and_changes_nothing()
    {
        var first = FeedCluster.Article("claim-twice", "topic:economy");
        await _articles.ClaimAsync(first);
        var second = first with { Headline = "A different headline under the same id" };

        var pending = await _articles.ClaimAsync(second);
        Assert.NotNull(pending);
        Assert.False(pending.Delivered);
        Assert.Equal(first.Headline, pending.Article.Headline);

        await _articles.MarkDeliveredAsync("claim-twice");
        var delivered = await _articles.ClaimAsync(second);
        Assert.NotNull(delivered);
        Assert.True(delivered.Delivered);
        Assert.Equal(first.Headline, (await _articles.GetAsync("claim-twice"))!.Article.Headline);
    }

    [Fact]
    public async Task Many_writes_committed_together_each_succeed_or_fail_on_their_own()
    {
        var articles = Enumerable.Range(0, 50).Select(i => FeedCluster.Article($"many-{i}", "topic:economy")).ToArray();
        await Task.WhenAll(articles.Select(a => _articles.ClaimAsync(a)));

        // Hold the writer so that every mark below queues up and goes in one transaction, each in its own savepoint,
        // with the failing one (an id never claimed) in the middle.
        using var gate = new ManualResetEventSlim();
        var held = _db.Database.WriteAsync(_ => gate.Wait());
        var marks = articles[..25].Select(a => _articles.MarkDeliveredAsync(a.Id))
            .Append(_articles.MarkDeliveredAsync("never-claimed"))
            .Concat(articles[25..].Select(a => _articles.MarkDeliveredAsync(a.Id))).ToArray();
        gate.Set();
        await held;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => marks[25]);
        Assert.Contains("never-claimed", failure.Message);
        await Task.WhenAll(marks.Where((_, i) => i != 25));
        foreach (var a in articles) Assert.True((await _articles.GetAsync(a.Id))!.Delivered, a.Id);
        Assert.Null(await _articles.GetAsync("never-claimed"));
    }
}
