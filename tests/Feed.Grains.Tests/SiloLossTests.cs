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
        for (var i = 1; i <= 3; i++) await grains.GetGrain<IArticleGrain>($"loss-a-{i}").Publish(FeedCluster.Article($"loss-a-{i}", feed));

        // Put the feed on the second silo, then stop that silo.
        var grain = grains.GetGrain<IFeedGrain>(feed);
        var victim = _fixture.Cluster.Silos[1];
        await _fixture.Cluster.MigrateAsync(grain, victim.SiloAddress);
        await grain.Read(null, 0);
        await _fixture.Cluster.StopSiloAsync(victim);

        for (var i = 4; i <= 6; i++) await grains.GetGrain<IArticleGrain>($"loss-a-{i}").Publish(FeedCluster.Article($"loss-a-{i}", feed));

        var page = await grain.Read(after: 0, limit: 10);
        Assert.Equal(6, page.Head);
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], page.Items.Select(i => i.Seq));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"loss-a-{i}"), page.Items.Select(i => i.Article.Id));
    }
}
