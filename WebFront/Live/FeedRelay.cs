using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Feed.WebFront.Live;

/// <summary>
/// This web front node's link between feed grains and its SignalR connections. The node follows each feed
/// once, however many of its connections follow it, and fans items out locally; so any number of web
/// fronts work without a SignalR backplane: the feed grains are the backplane. Registrations are leases
/// renewed by <see cref="FeedRelayRefresher"/>; a lapsed one (grain moved, silo restarted) is renewed and
/// the node catches up from the grain's head, without its subscribers noticing more than a pause.
/// </summary>
public sealed class FeedRelay : IFeedObserver
{
    private readonly ConcurrentDictionary<string, RelayedFeed> _feeds = new();
    private readonly ConcurrentDictionary<string, ConnectionFeeds> _connections = new();
    private readonly IGrainFactory _grains;
    private readonly FeedHubLifetimeManager<FeedHub> _hub;
    private readonly LiveOptions _options;
    private readonly ILogger<FeedRelay> _logger;
    private readonly Lazy<IFeedObserver> _self;

    public FeedRelay(IGrainFactory grains, HubLifetimeManager<FeedHub> hub, IOptions<LiveOptions> options, ILogger<FeedRelay> logger)
    {
        _grains = grains;
        _hub = hub as FeedHubLifetimeManager<FeedHub>
            ?? throw new InvalidOperationException($"The relay writes through {nameof(FeedHubLifetimeManager<FeedHub>)}; register it as the hub lifetime manager.");
        _options = options.Value;
        _logger = logger;
        _self = new(() => _grains.CreateObjectReference<IFeedObserver>(this));
    }

    private IFeedObserver Self => _self.Value;

    public int ConnectionCount => _connections.Count;
    public int FeedCount => _feeds.Count;

    /// <summary>The last seq of the feed this node has handed to its connections; -1 when it does not follow it.</summary>
    public long CursorOf(string feed) => _feeds.TryGetValue(feed, out var f) ? f.Cursor : -1;

    Task IFeedObserver.OnItem(FeedItem item)
    {
        if (_feeds.TryGetValue(item.Feed, out var feed)) feed.Arrived(item);
        return Task.CompletedTask;
    }

    public void Connect(string connectionId, HubRecipient recipient) =>
        _connections[connectionId] = new ConnectionFeeds(connectionId, recipient, _options.RecentArticlesPerConnection);

    public void Disconnect(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var connection)) return;
        connection.Closed = true;
        foreach (var feed in connection.Feeds) Leave(feed, connectionId);
    }

    public async Task<SubscribeResult> Subscribe(string connectionId, FeedKey key, long? after)
    {
        if (!_connections.TryGetValue(connectionId, out var connection)) throw new HubException("This connection is closing.");
        var feedKey = key.ToString();
        if (!connection.TryAddFeed(feedKey, _options.MaxSubscriptionsPerConnection))
            throw new HubException($"A connection may follow at most {_options.MaxSubscriptionsPerConnection} feeds; unsubscribe from one first.");
        try
        {
            var feed = await FollowedFeed(feedKey);
            // Read what was missed without holding the feed's gate: the pump keeps delivering meanwhile.
            var (head, missed, complete) = await ReadMissed(feed.Grain, after);
            await feed.Gate.WaitAsync();
            try
            {
                if (feed.Closed) throw new HubException($"{feedKey} is unavailable right now; subscribe again shortly.");
                if (feed.Cursor > head)
                {
                    // The pump already handed this node items the answer does not hold: add them (rare, few).
                    var more = await feed.Grain.Read(head, (int)(feed.Cursor - head));
                    missed = [.. missed, .. more.Items.Where(i => i.Seq <= feed.Cursor)];
                    head = feed.Cursor;
                }
                foreach (var item in missed) connection.TryMarkSent(item.Article);
                // From here the pump sends this connection everything after the head it was answered with.
                feed.AddSubscriber(new RelayedFeed.Subscriber(connection, Math.Max(head, 0)));
                if (connection.Closed)
                {
                    // The connection went while this Subscribe was under way; its disconnect could not see it.
                    Leave(feedKey, connectionId);
                    throw new HubException("This connection is closing.");
                }
                return new SubscribeResult(feedKey, head, missed, complete);
            }
            finally
            {
                feed.Gate.Release();
            }
        }
        catch
        {
            if (!_feeds.TryGetValue(feedKey, out var f) || !f.HasSubscriber(connectionId)) connection.RemoveFeed(feedKey);
            throw;
        }
    }

    /// <summary>The feed as this node follows it, following it first if nobody here did.</summary>
    private async Task<RelayedFeed> FollowedFeed(string feedKey)
    {
        while (true)
        {
            var feed = _feeds.GetOrAdd(feedKey, k => new RelayedFeed(k, _grains.GetGrain<IFeedGrain>(k)));
            if (feed.Cursor >= 0) return feed;
            await feed.Gate.WaitAsync();
            try
            {
                if (feed.Closed) continue;
                if (feed.Cursor < 0)
                {
                    feed.Cursor = await feed.Grain.Follow(Self, feed.Subscribers.Length + 1);
                    feed.Pump = Task.Run(() => PumpAsync(feed));
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

    public void Unsubscribe(string connectionId, FeedKey key)
    {
        var feed = key.ToString();
        if (_connections.TryGetValue(connectionId, out var connection) && connection.RemoveFeed(feed)) Leave(feed, connectionId);
    }

    private void Leave(string feedKey, string connectionId)
    {
        if (_feeds.TryGetValue(feedKey, out var feed) && feed.RemoveSubscriber(connectionId) && feed.Subscribers.Length == 0)
            feed.IdleSince = DateTime.UtcNow;
    }

    private async Task PumpAsync(RelayedFeed feed)
    {
        await foreach (var target in feed.Signals.ReadAllAsync())
        {
            await feed.Gate.WaitAsync();
            try
            {
                await CatchUp(feed, target);
            }
            catch (Exception e)
            {
                // The grain could not be read (silo moving, storage down): the next push or refresh tries again.
                _logger.LogWarning(e, "Relay of {Feed} could not catch up to {Seq}", feed.Feed, target);
            }
            finally
            {
                feed.Gate.Release();
            }
        }
    }

    private async Task CatchUp(RelayedFeed feed, long target)
    {
        while (feed.Cursor < target)
        {
            var next = feed.TakeArrived(feed.Cursor + 1);
            if (next is not null)
            {
                Send(feed, next);
                continue;
            }
            // A gap: the push went missing or the registration lapsed. The grain has every durable item.
            var page = await feed.Grain.Read(feed.Cursor, (int)Math.Min(target - feed.Cursor, _options.MaxMissedItems));
            if (page.Items.Count == 0) break;
            if (page.Items[0].Seq != feed.Cursor + 1)
                _logger.LogWarning("Relay of {Feed}: history no longer reaches seq {Seq}; skipping to {First}", feed.Feed, feed.Cursor + 1, page.Items[0].Seq);
            foreach (var item in page.Items) Send(feed, item);
        }
        feed.DropArrivedUpTo(feed.Cursor);
    }

    private void Send(RelayedFeed feed, FeedItem item)
    {
        if (item.Seq <= feed.Cursor) return;
        feed.Cursor = item.Seq;
        List<HubRecipient>? recipients = null;
        foreach (var subscriber in feed.Subscribers)
        {
            if (subscriber.Position >= item.Seq) continue;
            subscriber.Position = item.Seq;
            if (subscriber.Connection.TryMarkSent(item.Article)) (recipients ??= []).Add(subscriber.Connection.Recipient);
        }
        if (recipients is null) return;
        // Serialized once for all recipients. Not awaited: one slow connection must not hold up the feed;
        // SignalR keeps each connection's messages in the order they were sent.
        _hub.Send(recipients, "article", [item]);
    }

    /// <summary>Renews every feed's lease, learns heads to catch up to, and lets go of feeds nobody here follows.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
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
                var head = await feed.Grain.Follow(Self, feed.Subscribers.Length);
                feed.HeadIs(head);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "Could not renew the follow of {Feed}; trying again next round", feed.Feed);
            }
        });
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
