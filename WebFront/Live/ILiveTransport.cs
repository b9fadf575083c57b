namespace Feed.WebFront.Live;

/// <summary>
/// How items reach one kind of local subscriber (the SignalR hub, the event stream). The relay calls it per feed
/// strictly in seq order, after the once-per-subscriber rule; implementations must not block (a slow subscriber
/// is theirs to queue for or cut off, never the feed's to wait for).
/// </summary>
public interface ILiveTransport
{
    /// <summary>One item to each of these subscribers (all of this transport): encode it once, write it to each.</summary>
    void Send(FeedItem item, IReadOnlyList<LiveSubscriber> to);

    /// <summary>The subscriber moves past this item without it: it already had the article through another feed.</summary>
    void Passed(FeedItem item, LiveSubscriber subscriber);

    /// <summary>Items of <paramref name="feed"/> up to <paramref name="skippedTo"/> were skipped for this subscriber: history no longer reached back.</summary>
    void Gap(string feed, long skippedTo, LiveSubscriber subscriber);

    /// <summary>A feed's head and followers changed: tell these subscribers (all of this transport), if the transport carries counts.</summary>
    void Counts(FeedCounts counts, IReadOnlyList<LiveSubscriber> to);
}

/// <summary>The hub's <c>counts</c> event: a feed's last seq and the people following it now, over every web front.</summary>
public sealed record FeedCounts(string Feed, long Head, int Followers);
