namespace Feed.WebFront.Live;

/// <summary>
/// Hands one feed's items to its local subscribers: each subscriber gets each item once, past its own position, and an
/// article that came through another followed feed is passed over rather than sent twice. Items are grouped by transport
/// so each transport encodes an item once, however many subscribers get it.
/// </summary>
public static class RelayFanOut
{
    public static void Send(RelayedFeed feed, FeedItem item)
    {
        if (item.Seq <= feed.Cursor) return;
        // Recipients grouped by transport, so each transport encodes the item once; nearly always one group.
        ILiveTransport? transport = null;
        List<LiveSubscriber>? recipients = null;
        List<(ILiveTransport Transport, List<LiveSubscriber> Recipients)>? others = null;
        var article = LiveSubscriber.KeyOf(item.Article);
        foreach (var subscriber in feed.Subscribers)
        {
            if (subscriber.Position >= item.Seq) continue;
            subscriber.Position = item.Seq;
            var to = subscriber.Follower;
            if (!to.TryMarkSent(article))
            {
                to.Transport.Passed(item, to);
                continue;
            }
            if (transport is null || transport == to.Transport)
            {
                transport = to.Transport;
                (recipients ??= []).Add(to);
                continue;
            }
            others ??= [];
            var group = others.FindIndex(g => g.Transport == to.Transport);
            if (group < 0) others.Add((to.Transport, [to]));
            else others[group].Recipients.Add(to);
        }
        if (transport is not null) transport.Send(item, recipients!);
        if (others is not null)
        {
            foreach (var (other, list) in others) other.Send(item, list);
        }
        // Moved last, so a reader of CursorOf knows every subscriber has been handed the item.
        feed.Cursor = item.Seq;
    }

    /// <summary>What a subscriber missed, through its own transport, before any live item of the feed: a gap first when history did not reach back far enough.</summary>
    public static void Replay(LiveSubscriber subscriber, string feed, long head, IReadOnlyList<FeedItem> missed, bool complete)
    {
        if (!complete) subscriber.Transport.Gap(feed, missed.Count > 0 ? missed[0].Seq - 1 : head, subscriber);
        foreach (var item in missed) Deliver(subscriber, item);
    }

    private static void Deliver(LiveSubscriber subscriber, FeedItem item)
    {
        if (subscriber.TryMarkSent(item.Article)) subscriber.Transport.Send(item, [subscriber]);
        else subscriber.Transport.Passed(item, subscriber);
    }
}
