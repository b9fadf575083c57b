using Orleans.Concurrency;

namespace Feed;

/// <summary>A web front node following a feed. Pushes are one-way so a slow or dead node delays nobody.</summary>
[Alias("Feed.IFeedObserver")]
public interface IFeedObserver : IGrainObserver
{
    [OneWay, Alias("OnItem")]
    Task OnItem(FeedItem item);
}
