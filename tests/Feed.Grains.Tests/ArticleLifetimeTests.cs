using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Feed.Grains.Tests;

[Collection(FeedClusterCollection.Name)]
public sealed class ArticleLifetimeTests(FeedCluster fixture)
{
    [Fact]
    public void Article_grains_are_collected_after_their_idle_lifetime_and_the_collector_looks_twice_as_often()
    {
        var silo = fixture.Cluster.Silos[0].ServiceProvider;
        var lifetime = silo.GetRequiredService<IOptions<FeedOptions>>().Value.ArticleIdleLifetime;
        var collection = silo.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(5), lifetime);
        Assert.Equal(lifetime, collection.ClassSpecificCollectionAge[typeof(ArticleGrain).FullName!]);
        Assert.Equal(lifetime / 2, collection.CollectionQuantum);
    }
}
