namespace Feed.Grains.Tests;

/// <summary>Its own cluster: these tests stop silos.</summary>
public sealed class SiloLossTests : IAsyncLifetime
{
    private readonly FeedCluster _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();
    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_feed_keeps_its_history_and_seq_when_the_silo_hosting_it_stops()
    {
        var grains = _fixture.Client;
        var feed = FeedCluster.FreshTopicFeed();
        for (var i = 1; i <= 3; i++) await grains.ArticleLedgerFor($"loss-a-{i}").Publish(FeedCluster.Article($"loss-a-{i}", feed));

        // Stop whichever silo hosts the feed.
        var grain = grains.GetGrain<IFeedGrain>(feed);
        var host = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);
        var victim = _fixture.Cluster.Silos.Single(s => s.SiloAddress.Equals(host));
        await _fixture.Cluster.StopSiloAsync(victim);

        for (var i = 4; i <= 6; i++) await grains.ArticleLedgerFor($"loss-a-{i}").Publish(FeedCluster.Article($"loss-a-{i}", feed));

        var page = await grain.Read(after: 0, limit: 10);
        Assert.Equal(6, page.Head);
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], page.Items.Select(i => i.Seq));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"loss-a-{i}"), page.Items.Select(i => i.Article.Id));
    }
}
