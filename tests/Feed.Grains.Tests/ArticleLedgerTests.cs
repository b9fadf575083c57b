using Feed.Grains.Storage;
using Feed.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Grains.Tests;

/// <summary>The article ledger on a cluster of its own, whose feed store fails for the feeds a test names.</summary>
public sealed class ArticleLedgerTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly FeedCluster _fixture = new(FeedCluster.NewFolder(),
        new Dictionary<string, string?> { ["Feed:FanOutRetryInterval"] = "00:00:00.2" },
        services: s => s.AddSingleton<IFeedStore>(sp => new FailingFeedStore(new SqliteFeedStore(sp.GetRequiredService<SqliteDatabase>()))));

    public Task InitializeAsync() => _fixture.InitializeAsync();
    public Task DisposeAsync() => _fixture.DisposeAsync();

    private IGrainFactory Grains => _fixture.Client;

    [Fact]
    public void An_id_goes_to_the_same_partition_in_every_process()
    {
        // A fixed hash: web fronts and silos of any version must agree on which ledger owns an id.
        Assert.Equal(ArticleLedger.PartitionOf("speakers-1"), ArticleLedger.PartitionOf(new string("speakers-1".AsSpan())));
        Assert.Equal(189, ArticleLedger.PartitionOf("speakers-1"));
        Assert.All(Enumerable.Range(0, 1000), i => Assert.InRange(ArticleLedger.PartitionOf($"id-{i}"), 0, ArticleLedger.Partitions - 1));
    }

    [Fact]
    public async Task Concurrent_publishes_of_one_new_id_deliver_it_once_and_answer_the_rest_as_duplicates()
    {
        var feed = FeedCluster.FreshTopicFeed();
        var id = "together-" + feed[6..];

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Grains.ArticleLedgerFor(id).Publish(FeedCluster.Article(id, feed) with { Headline = $"Version {i}" })));

        var first = Assert.Single(results, r => !r.Duplicate);
        var page = await Grains.GetGrain<IFeedGrain>(feed).Read(after: 0, limit: 10);
        Assert.Equal(id, Assert.Single(page.Items).Article.Id);
        Assert.Equal(first.Feeds, results[0].Feeds);
    }

    [Fact]
    public async Task Only_an_acknowledged_article_can_be_read_back()
    {
        var feed = FeedCluster.FreshTopicFeed();
        var id = "visible-" + feed[6..];
        Assert.Null(await Grains.ArticleLedgerFor(id).Get(id));

        await Grains.ArticleLedgerFor(id).Publish(FeedCluster.Article(id, feed));

        Assert.Equal("Headline " + id, (await Grains.ArticleLedgerFor(id).Get(id))!.Headline);
        await _fixture.Cluster.DeactivateAsync(Grains.ArticleLedgerFor(id));
        Assert.Equal("Headline " + id, (await Grains.ArticleLedgerFor(id).Get(id))!.Headline);
    }

    [Fact]
    public async Task A_fan_out_that_failed_part_way_is_finished_by_the_ledger_itself_once_storage_is_back()
    {
        var working = FeedCluster.FreshTopicFeed();
        var broken = FeedCluster.FreshTopicFeed();
        var id = "retried-" + working[6..];
        FailingFeedStore.Failing[broken] = true;

        await Assert.ThrowsAnyAsync<Exception>(() => Grains.ArticleLedgerFor(id).Publish(FeedCluster.Article(id, working, broken)));
        Assert.Equal(1, (await Grains.GetGrain<IFeedGrain>(working).Read(after: 0, limit: 10)).Head);
        Assert.Null(await Grains.ArticleLedgerFor(id).Get(id));

        FailingFeedStore.Failing.TryRemove(broken, out _);
        await Eventually.TrueAsync(async () => (await Grains.GetGrain<IFeedGrain>(broken).Read(after: 0, limit: 10)).Head == 1, Bound,
            "the ledger's retry timer to append the article to the feed whose storage failed");

        Assert.True((await Grains.ArticleLedgerFor(id).Publish(FeedCluster.Article(id, working, broken))).Duplicate);
        Assert.Equal(1, (await Grains.GetGrain<IFeedGrain>(working).Read(after: 0, limit: 10)).Head);
        Assert.NotNull(await Grains.ArticleLedgerFor(id).Get(id));
    }

    [Fact]
    public async Task A_repeat_while_the_first_publish_is_failing_finishes_the_fan_out_with_the_first_text()
    {
        var working = FeedCluster.FreshTopicFeed();
        var broken = FeedCluster.FreshTopicFeed();
        var id = "repeated-" + working[6..];
        FailingFeedStore.Failing[broken] = true;
        await Assert.ThrowsAnyAsync<Exception>(() => Grains.ArticleLedgerFor(id).Publish(FeedCluster.Article(id, working, broken)));
        FailingFeedStore.Failing.TryRemove(broken, out _);

        var retry = await Grains.ArticleLedgerFor(id).Publish(FeedCluster.Article(id, working, broken) with { Headline = "Changed on the retry" });

        Assert.Equal(1, (await Grains.GetGrain<IFeedGrain>(broken).Read(after: 0, limit: 10)).Head);
        var item = Assert.Single((await Grains.GetGrain<IFeedGrain>(broken).Read(after: 0, limit: 10)).Items);
        Assert.Equal("Headline " + id, item.Article.Headline);
        Assert.Equal(id, retry.Id);
    }
}
