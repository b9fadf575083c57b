namespace Feed.WebFront.Live;

/// <summary>Where the relay finds feed grains and registers itself as their observer: Orleans here, a fake in tests.</summary>
public interface IFeedDirectory
{
    IFeedGrain Feed(string feed);

    IFeedObserver Reference(IFeedObserver observer);
}

public sealed class GrainFeedDirectory(IGrainFactory grains) : IFeedDirectory
{
    public IFeedGrain Feed(string feed) => grains.FeedGrain(feed);

    public IFeedObserver Reference(IFeedObserver observer) => grains.CreateObjectReference<IFeedObserver>(observer);
}
