namespace Feed.LoadTest;

/// <summary>One subscriber's connection to the hub, whichever client speaks it.</summary>
public interface IHubLink : IAsyncDisposable
{
    /// <summary>Connects; afterwards every <c>article</c> message is reported to the handler given at creation.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Subscribe(feed, null): live items from now; returns the feed's head.</summary>
    Task<long> SubscribeAsync(string feed, CancellationToken cancellationToken);

    /// <summary>Unsubscribe(feed), awaited: its answer comes after every message queued for this connection before it.</summary>
    Task UnsubscribeAsync(string feed, CancellationToken cancellationToken);
}

/// <summary>
/// Receives one <c>article</c> message: the index of its feed among the subscriber's followed feeds (-1 for another
/// feed), its seq, and its article number in this run (-1 for an article of another run).
/// </summary>
public delegate void ArticleArrived(int feedSlot, long seq, int article);

/// <summary>Told once when the connection ends without the subscriber closing it.</summary>
public delegate void LinkClosed(string reason);
