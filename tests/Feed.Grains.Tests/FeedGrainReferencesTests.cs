namespace Feed.Grains.Tests;

[Collection(FeedClusterCollection.Name)]
public sealed class FeedGrainReferencesTests(FeedCluster fixture)
{
    [Fact]
    public async Task A_cached_feed_reference_is_the_same_grain_Orleans_would_give_and_answers_calls()
    {
        var feed = FeedCluster.FreshTopicFeed();

        var cached = fixture.Client.FeedGrain(feed);

        Assert.Equal(fixture.Client.GetGrain<IFeedGrain>(feed).GetGrainId(), cached.GetGrainId());
        Assert.Equal(feed, (await cached.Read(after: 0, limit: 1)).Feed);
    }

    [Fact]
    public void Ledger_references_are_kept_per_partition()
    {
        var first = fixture.Client.ArticleLedgerFor("kept-1");

        Assert.Same(first, fixture.Client.ArticleLedgerFor("kept-1"));
        Assert.Equal(ArticleLedger.PartitionOf("kept-1"), first.GetPrimaryKeyLong());
    }
}
