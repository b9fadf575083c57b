using Feed.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Grains.Tests;

[Collection(FeedClusterCollection.Name)]
public sealed class FeedGrainTests(FeedCluster fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task Concurrent_publishes_get_consecutive_seqs_without_gaps_or_reuse()
    {
        var feed = FeedCluster.FreshTopicFeed();
        var ids = Enumerable.Range(1, 40).Select(i => $"{feed}-seq-{i}".Replace(':', '-')).ToArray();

        var results = await Task.WhenAll(ids.Select(id => Grains.ArticleLedgerFor(id).Publish(FeedCluster.Article(id, feed))));

        Assert.All(results, r => Assert.False(r.Duplicate));
        var page = await Grains.GetGrain<IFeedGrain>(feed).Read(after: 0, limit: 100);
        Assert.Equal(40, page.Head);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), page.Items.Select(i => i.Seq));
        Assert.Equal(ids.Order(), page.Items.Select(i => i.Article.Id).Order());
    }

    [Fact]
    public async Task History_keeps_the_newest_items_and_says_when_it_no_longer_reaches_back()
    {
        var feed = FeedCluster.FreshTopicFeed();
        var total = FeedCluster.HistoryLimit + 15;
        for (var i = 1; i <= total; i++)
        {
            var id = $"hist-{feed[6..]}-{i}";
            await Grains.ArticleLedgerFor(id).Publish(FeedCluster.Article(id, feed));
        }
        var grain = Grains.GetGrain<IFeedGrain>(feed);

        var fromStart = await grain.Read(after: 0, limit: 1000);
        Assert.False(fromStart.Complete);
        Assert.Equal(total - FeedCluster.HistoryLimit + 1, fromStart.Items[0].Seq);
        Assert.Equal(FeedCluster.HistoryLimit, fromStart.Items.Count);

        // Older than the in-memory cache but still in history: read from storage, complete.
        var recent = await grain.Read(after: total - 30, limit: 1000);
        Assert.True(recent.Complete);
        Assert.Equal(Enumerable.Range(total - 29, 30).Select(i => (long)i), recent.Items.Select(i => i.Seq));

        var latest = await grain.Read(after: null, limit: 5);
        Assert.Equal(Enumerable.Range(total - 4, 5).Select(i => (long)i), latest.Items.Select(i => i.Seq));

        var beyond = await grain.Read(after: total + 10, limit: 10);
        Assert.False(beyond.Complete);
        Assert.Empty(beyond.Items);
    }

    [Fact]
    public async Task Rows_past_the_limit_that_storage_still_holds_stay_hidden_after_the_feed_grain_is_reactivated()
    {
        // Fewer than a trim batch past the limit: storage keeps them, readers must not see them.
        var feed = FeedCluster.FreshTopicFeed();
        var total = FeedCluster.HistoryLimit + 15;
        for (var i = 1; i <= total; i++)
        {
            var id = $"trim-{feed[6..]}-{i}";
            await Grains.ArticleLedgerFor(id).Publish(FeedCluster.Article(id, feed));
        }
        var store = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<Storage.IFeedStore>();
        Assert.Equal(1, (await store.ReadBoundsAsync(feed)).Oldest);
        await fixture.Cluster.DeactivateAsync(Grains.GetGrain<IFeedGrain>(feed));

        var fromStart = await Grains.GetGrain<IFeedGrain>(feed).Read(after: 0, limit: 1000);

        Assert.False(fromStart.Complete);
        Assert.Equal(FeedCluster.HistoryLimit, fromStart.Items.Count);
        Assert.Equal(total - FeedCluster.HistoryLimit + 1, fromStart.Items[0].Seq);
    }

    [Fact]
    public async Task An_answered_publish_is_marked_delivered_in_storage_and_a_new_activation_then_answers_a_repeat_as_duplicate()
    {
        var feed = FeedCluster.FreshTopicFeed();
        var id = "mark-" + feed[6..];
        var store = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<Storage.IArticleStore>();

        Assert.False((await Grains.ArticleLedgerFor(id).Publish(FeedCluster.Article(id, feed))).Duplicate);
        await Eventually.TrueAsync(async () => (await store.GetAsync(id))?.Delivered == true, TimeSpan.FromSeconds(10),
            "the delivered mark written behind the answer to reach storage");
        await fixture.Cluster.DeactivateAsync(Grains.ArticleLedgerFor(id));

        Assert.True((await Grains.ArticleLedgerFor(id).Publish(FeedCluster.Article(id, feed))).Duplicate);
        Assert.Equal(1, (await Grains.GetGrain<IFeedGrain>(feed).Read(after: 0, limit: 10)).Head);
    }

    [Fact]
    public async Task Publishing_an_id_again_is_a_duplicate_and_delivers_nothing()
    {
        var feed = FeedCluster.FreshTopicFeed();
        var id = "dup-" + feed[6..];
        var first = await Grains.ArticleLedgerFor(id).Publish(FeedCluster.Article(id, feed));
        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            Grains.ArticleLedgerFor(id).Publish(FeedCluster.Article(id, feed) with { Headline = "changed" })));

        Assert.False(first.Duplicate);
        Assert.All(again, r => Assert.True(r.Duplicate));
        var page = await Grains.GetGrain<IFeedGrain>(feed).Read(after: 0, limit: 10);
        Assert.Equal(1, page.Head);
        Assert.Equal("Headline " + id, page.Items.Single().Article.Headline);
    }

    [Fact]
    public async Task A_publish_interrupted_midway_is_completed_by_its_retry_without_duplicates()
    {
        var feedA = FeedCluster.FreshTopicFeed();
        var feedB = FeedCluster.FreshTopicFeed();
        var id = "resume-" + feedA[6..];
        var article = FeedCluster.Article(id, feedA, feedB);
        // What a crash leaves behind: only one feed holding the article, whose append stored it as pending.
        var store = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<Storage.IArticleStore>();
        var partial = await Grains.GetGrain<IFeedGrain>(feedA).Append(article, resumed: false);
        Assert.False((await store.GetAsync(id))!.Delivered);
        await fixture.Cluster.DeactivateAsync(Grains.GetGrain<IFeedGrain>(feedA));

        var retry = await Grains.ArticleLedgerFor(id).Publish(article);

        Assert.False(retry.Duplicate);
        var a = await Grains.GetGrain<IFeedGrain>(feedA).Read(after: 0, limit: 10);
        var b = await Grains.GetGrain<IFeedGrain>(feedB).Read(after: 0, limit: 10);
        Assert.Equal(partial.Seq, Assert.Single(a.Items).Seq);
        Assert.Equal(id, Assert.Single(b.Items).Article.Id);
        Assert.True((await Grains.ArticleLedgerFor(id).Publish(article)).Duplicate);
    }

    [Fact]
    public async Task Followers_get_each_new_item_pushed()
    {
        var feed = FeedCluster.FreshTopicFeed();
        var observer = new RecordingObserver();
        var reference = fixture.Client.CreateObjectReference<IFeedObserver>(observer);
        var grain = Grains.GetGrain<IFeedGrain>(feed);
        Assert.Equal(new FeedFollow(0, 3), await grain.Follow(reference, localSubscribers: 3));

        for (var i = 1; i <= 3; i++)
        {
            var id = $"push-{feed[6..]}-{i}";
            await Grains.ArticleLedgerFor(id).Publish(FeedCluster.Article(id, feed));
        }

        var items = await Eventually.Within(observer.WaitForAsync(3), TimeSpan.FromSeconds(10), "three pushed items");
        Assert.Equal([1L, 2L, 3L], items.Select(i => i.Seq).Order());
        Assert.Equal(3, (await grain.Read(null, 0)).Followers);
        await grain.Unfollow(reference);
        Assert.Equal(0, (await grain.Read(null, 0)).Followers);
        GC.KeepAlive(observer);
    }

    private sealed class RecordingObserver : IFeedObserver
    {
        private readonly List<FeedItem> _items = [];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnItem(FeedItem item)
        {
            lock (_items)
            {
                _items.Add(item);
                _changed.TrySetResult();
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            return Task.CompletedTask;
        }

        public async Task<FeedItem[]> WaitForAsync(int count)
        {
            while (true)
            {
                Task changed;
                lock (_items)
                {
                    if (_items.Count >= count) return _items.ToArray();
                    changed = _changed.Task;
                }
                await changed;
            }
        }
    }
}
