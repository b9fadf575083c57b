using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Feed.WebFront.Live;

/// <summary>
/// This web front node's link between feed grains and its local subscribers (SignalR connections, event streams).
/// The node follows each feed once, however many of its subscribers follow it, and fans items out locally; so any
/// number of web fronts work without a backplane: the feed grains are the backplane. Registrations are leases
/// renewed by <see cref="FeedRelayRefresher"/>; a lapsed one (grain moved, silo restarted) is renewed and the node
/// catches up from the grain's head, without its subscribers noticing more than a pause. Knows no transport: a
/// <see cref="RelayPump"/> per feed moves it forward in seq order and <see cref="RelayFanOut"/> hands each item, once per
/// subscriber, to that subscriber's <see cref="ILiveTransport"/>.
/// </summary>
public sealed class FeedRelay : IFeedObserver
{
    private readonly ConcurrentDictionary<string, RelayedFeed> _feeds = new();
    private readonly ConcurrentDictionary<string, LiveSubscriber> _subscribers = new();
    private readonly IFeedDirectory _directory;
    private readonly LiveOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<FeedRelay> _logger;
    private readonly Lazy<IFeedObserver> _self;
    private readonly RelayPump _pump;

    public FeedRelay(IFeedDirectory directory, IOptions<LiveOptions> options, TimeProvider clock, ILogger<FeedRelay> logger, LiveMetrics? metrics = null)
    {
        _directory = directory;
        _options = options.Value;
        _pump = new RelayPump(_options.MaxMissedItems, metrics, logger);
        _clock = clock;
        _logger = logger;
        _self = new(() => _directory.Reference(this));
    }

    private IFeedObserver Self => _self.Value;

    /// <summary>Local subscribers of every transport.</summary>
    public int ConnectionCount => _subscribers.Count;
    public int FeedCount => _feeds.Count;

    /// <summary>Feeds followed by local subscribers, summed over subscribers; walks every feed, so for scrapes, not hot paths.</summary>
    public long SubscriptionCount => _feeds.Values.Sum(f => (long)f.Subscribers.Length);

    /// <summary>The last seq of the feed this node has handed to its subscribers; -1 when it does not follow it.</summary>
    public long CursorOf(string feed) => _feeds.TryGetValue(feed, out var f) ? f.Cursor : -1;

    Task IFeedObserver.OnItem(FeedItem item)
    {
        if (_feeds.TryGetValue(item.Feed, out var feed)) feed.Arrived(item);
        return Task.CompletedTask;
    }

    public void Connect(LiveSubscriber subscriber) => _subscribers[subscriber.Id] = subscriber;

    public void Disconnect(string subscriberId)
    {
        if (!_subscribers.TryRemove(subscriberId, out var subscriber)) return;
        subscriber.Closed = true;
        foreach (var feed in subscriber.Feeds) Leave(feed, subscriberId);
    }

    /// <summary>
    /// Follows the feed for the subscriber from <paramref name="after"/> (null: from now). The answer holds what was
    /// missed up to its head; live items follow from head + 1. With <paramref name="replay"/> the missed items (and a
    /// gap, if any) also go through the subscriber's transport, before any live item of the feed and once per
    /// subscriber, for transports that have no answer to carry them.
    /// </summary>
    public async Task<SubscribeResult> Subscribe(string subscriberId, FeedKey key, long? after, bool replay = false)
    {
        if (!_subscribers.TryGetValue(subscriberId, out var subscriber)) throw Closing();
        var feedKey = key.ToString();
        if (!subscriber.TryAddFeed(feedKey, _options.MaxSubscriptionsPerConnection))
            throw new FollowRefusedException($"A connection may follow at most {_options.MaxSubscriptionsPerConnection} feeds; unsubscribe from one first.", transient: false);
        try
        {
            var feed = await FollowedFeed(feedKey);
            // Read what was missed without holding the feed's gate: the pump keeps delivering meanwhile.
            var (head, missed, complete) = await ReadMissed(feed.Grain, after);
            await feed.Gate.WaitAsync();
            try
            {
                if (feed.Closed) throw Unavailable(feedKey);
                if (feed.Cursor > head)
                {
                    // The pump already handed this node items the answer does not hold: add them (rare, few).
                    var more = await feed.Grain.Read(head, (int)(feed.Cursor - head));
                    missed = [.. missed, .. more.Items.Where(i => i.Seq <= feed.Cursor)];
                    head = feed.Cursor;
                }
                if (replay) RelayFanOut.Replay(subscriber, feedKey, head, missed, complete);
                else foreach (var item in missed) subscriber.TryMarkSent(item.Article);
                // From here the pump sends this subscriber everything after the head it was answered with.
                feed.AddSubscriber(new RelayedFeed.Subscriber(subscriber, Math.Max(head, 0)));
                if (subscriber.Closed)
                {
                    // The subscriber went while this Subscribe was under way; its disconnect could not see it.
                    Leave(feedKey, subscriberId);
                    throw Closing();
                }
                return new SubscribeResult(feedKey, head, missed, complete, feed.Followers);
            }
            finally
            {
                feed.Gate.Release();
            }
        }
        catch
        {
            if (!_feeds.TryGetValue(feedKey, out var f) || !f.HasSubscriber(subscriberId)) subscriber.RemoveFeed(feedKey);
            throw;
        }
    }

    /// <summary>
    /// Counts the articles of the last <paramref name="count"/> items of the feed up to <paramref name="upTo"/> as already
    /// sent to the subscriber: what a resuming client had, so that the same articles coming through its other feeds are
    /// passed over rather than sent again.
    /// </summary>
    public async Task RememberSent(string subscriberId, FeedKey key, long upTo, int count)
    {
        if (count <= 0 || upTo <= 0 || !_subscribers.TryGetValue(subscriberId, out var subscriber)) return;
        var page = await _directory.Feed(key.ToString()).Read(Math.Max(0, upTo - count), count);
        foreach (var item in page.Items)
        {
            if (item.Seq <= upTo) subscriber.TryMarkSent(item.Article);
        }
    }

    private static FollowRefusedException Closing() => new("This connection is closing.", transient: false);

    private static FollowRefusedException Unavailable(string feed) => new($"{feed} is unavailable right now; subscribe again shortly.", transient: true);

    /// <summary>The feed as this node follows it, following it first if nobody here did.</summary>
    private async Task<RelayedFeed> FollowedFeed(string feedKey)
    {
        while (true)
        {
            var feed = _feeds.GetOrAdd(feedKey, k => new RelayedFeed(k, _directory.Feed(k), _clock.GetUtcNow()));
            if (feed.Cursor >= 0) return feed;
            await feed.Gate.WaitAsync();
            try
            {
                if (feed.Closed) continue;
                if (feed.Cursor < 0)
                {
                    var reported = feed.Subscribers.Length + 1;
                    var follow = await feed.Grain.Follow(Self, reported);
                    // The grain counted the subscriber under way too; the Subscribe adds it to the local list next.
                    feed.FollowersAre(follow.Followers, reported);
                    feed.Cursor = follow.Head;
                    feed.Pump = Task.Run(() => _pump.RunAsync(feed));
                }
                return feed;
            }
            finally
            {
                feed.Gate.Release();
            }
        }
    }

    private async Task<(long Head, IReadOnlyList<FeedItem> Missed, bool Complete)> ReadMissed(IFeedGrain grain, long? after)
    {
        var max = _options.MaxMissedItems;
        var page = await grain.Read(after, after is null ? 0 : max);
        if (after is not null && page.Items.Count == max && page.Items[^1].Seq < page.Head)
        {
            // Away too long to replay everything: the newest items up to the head first read, and a clear
            // sign of the gap before them. Anything after that head comes live.
            var head = page.Head;
            var newest = await grain.Read(head - max, max);
            return (head, newest.Items.Where(i => i.Seq <= head).ToArray(), false);
        }
        return (page.Head, page.Items, page.Complete);
    }

    public void Unsubscribe(string subscriberId, FeedKey key)
    {
        var feed = key.ToString();
        if (_subscribers.TryGetValue(subscriberId, out var subscriber) && subscriber.RemoveFeed(feed)) Leave(feed, subscriberId);
    }

    private void Leave(string feedKey, string subscriberId)
    {
        if (_feeds.TryGetValue(feedKey, out var feed) && feed.RemoveSubscriber(subscriberId) && feed.Subscribers.Length == 0)
            feed.IdleSince = _clock.GetUtcNow();
    }

    /// <summary>Renews every feed's lease, learns heads to catch up to, and lets go of feeds nobody here follows.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        // In parallel, so one slow or moving grain does not hold up every other lease.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.RefreshParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(_feeds.Values, parallel, async (feed, _) =>
        {
            try
            {
                if (feed.Subscribers.Length == 0 && now - feed.IdleSince > _options.IdleFeedLinger)
                {
                    await Release(feed);
                    return;
                }
                if (feed.Cursor < 0) return;
                var reported = feed.Subscribers.Length;
                var follow = await feed.Grain.Follow(Self, reported);
                feed.FollowersAre(follow.Followers, reported);
                feed.HeadIs(follow.Head);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "Could not renew the follow of {Feed}; trying again next round", feed.Feed);
            }
        });
    }

    /// <summary>
    /// Tells the subscribers of each feed its head and followers when either changed since the last time: at most
    /// once per call, however many articles or follows came in between (<see cref="LiveOptions.CountsInterval"/>).
    /// The head also tells a subscriber how far feeds moved whose items it had through another feed.
    /// </summary>
    public void PushCounts()
    {
        foreach (var feed in _feeds.Values)
        {
            var subscribers = feed.Subscribers;
            if (feed.Cursor < 0 || subscribers.Length == 0) continue;
            var counts = (Head: feed.Cursor, feed.Followers);
            if (counts == feed.CountsSent) continue;
            feed.CountsSent = counts;
            var message = new FeedCounts(feed.Feed, counts.Head, counts.Followers);
            foreach (var group in subscribers.Select(s => s.Follower).GroupBy(s => s.Transport))
                group.Key.Counts(message, [.. group]);
        }
    }

    private async Task Release(RelayedFeed feed)
    {
        await feed.Gate.WaitAsync();
        try
        {
            if (feed.Subscribers.Length > 0) return;
            // Unfollow before a new follower of this feed on this node can follow again: same observer.
            if (feed.Cursor >= 0) await feed.Grain.Unfollow(Self);
            feed.Closed = true;
            _feeds.TryRemove(new KeyValuePair<string, RelayedFeed>(feed.Feed, feed));
            feed.Close();
        }
        finally
        {
            feed.Gate.Release();
        }
    }
}
