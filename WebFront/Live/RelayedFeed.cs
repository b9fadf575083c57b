using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Feed.WebFront.Live;

/// <summary>
/// One feed as this node relays it: the node's position in the feed (<see cref="Cursor"/>), the local
/// subscribers following it with each one's position, and a pump that hands items to them strictly in seq
/// order. Pushes from the grain may arrive late, twice or not at all; the pump drops what it has passed
/// and fetches any gap from the grain, so every subscriber sees each item once and in order.
/// </summary>
public sealed class RelayedFeed
{
    private readonly Channel<long> _signals = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, FeedItem> _arrived = new();

    public RelayedFeed(string feed, IFeedGrain grain, DateTimeOffset now)
    {
        Feed = feed;
        Grain = grain;
        IdleSince = now;
    }

    public string Feed { get; }
    public IFeedGrain Grain { get; }

    /// <summary>Held while the cursor or a subscriber's position changes: by the pump and by Subscribe.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The last seq handed to local subscribers; -1 until the node first follows the feed.</summary>
    public long Cursor { get; set; } = -1;

    private readonly Dictionary<string, Subscriber> _subscribers = [];
    private volatile Subscriber[] _subscriberList = [];

    /// <summary>
    /// The local subscribers following the feed, each with the last seq it has (through its Subscribe answer or live
    /// items). An array replaced on every change: the pump walks it for every item, far more often than anyone
    /// subscribes or leaves.
    /// </summary>
    public Subscriber[] Subscribers => _subscriberList;

    public void AddSubscriber(Subscriber subscriber)
    {
        lock (_subscribers)
        {
            _subscribers[subscriber.Follower.Id] = subscriber;
            _subscriberList = [.. _subscribers.Values];
        }
    }

    /// <summary>False when the subscriber did not follow the feed here.</summary>
    public bool RemoveSubscriber(string subscriberId)
    {
        lock (_subscribers)
        {
            if (!_subscribers.Remove(subscriberId)) return false;
            _subscriberList = [.. _subscribers.Values];
            return true;
        }
    }

    public bool HasSubscriber(string subscriberId)
    {
        lock (_subscribers) return _subscribers.ContainsKey(subscriberId);
    }

    public DateTimeOffset IdleSince { get; set; }

    // Followers over every node as the grain last said, and how many of them were this node's then. Between
    // refreshes this node's own joins and leaves are counted at once; other nodes' show on the next refresh.
    private volatile int _grainFollowers;
    private volatile int _reportedLocal;

    /// <summary>Remembers a follow's answer given when this node reported <paramref name="reportedLocal"/> subscribers.</summary>
    public void FollowersAre(int grainFollowers, int reportedLocal)
    {
        _grainFollowers = grainFollowers;
        _reportedLocal = reportedLocal;
    }

    /// <summary>People following the feed now, over every node, as best this node knows.</summary>
    public int Followers => Math.Max(Subscribers.Length, _grainFollowers - _reportedLocal + Subscribers.Length);

    /// <summary>The head and followers last pushed to subscribers as counts; only a change is pushed again.</summary>
    public (long Head, int Followers) CountsSent { get; set; } = (-1, -1);

    /// <summary>Set (under the gate) when the relay stops following the feed; a subscribe that sees it starts over.</summary>
    public bool Closed { get; set; }

    public Task? Pump { get; set; }

    /// <summary>An item pushed by the grain.</summary>
    public void Arrived(FeedItem item)
    {
        _arrived[item.Seq] = item;
        _signals.Writer.TryWrite(item.Seq);
    }

    /// <summary>The grain's head as learnt on a follow refresh: anything up to it that was not pushed is fetched.</summary>
    public void HeadIs(long head) => _signals.Writer.TryWrite(head);

    public void Close() => _signals.Writer.TryComplete();

    public ChannelReader<long> Signals => _signals.Reader;

    public FeedItem? TakeArrived(long seq) => _arrived.TryRemove(seq, out var item) ? item : null;

    /// <summary>Forgets pushed items the cursor has passed.</summary>
    public void DropArrivedUpTo(long seq)
    {
        foreach (var key in _arrived.Keys)
        {
            if (key <= seq) _arrived.TryRemove(key, out _);
        }
    }

    public sealed class Subscriber(LiveSubscriber subscriber, long position)
    {
        public LiveSubscriber Follower { get; } = subscriber;
        public long Position { get; set; } = position;
    }
}
