using Feed.WebFront.Live;

namespace Feed.Live.Tests;

/// <summary>
/// A feed grain in memory, with the real one's read rules: seqs from 1 without gaps, history trimmed from the oldest end,
/// pushes to followers that a test can hold back (lost, late or repeated pushes are what the relay must survive).
/// </summary>
public sealed class FakeFeedGrain(string feed) : IFeedGrain
{
    private readonly List<FeedItem> _items = [];
    private readonly HashSet<IFeedObserver> _followers = [];
    private long _oldest = 1;

    public long Head { get { lock (_items) return _items.Count == 0 ? 0 : _items[^1].Seq; } }

    /// <summary>People following through other web fronts, added to every follow's answer.</summary>
    public int OtherNodesFollowers { get; set; }

    /// <summary>Stores the item; pushes it unless <paramref name="push"/> is false (the push went missing).</summary>
    public FeedItem Add(Article article, bool push = true)
    {
        FeedItem item;
        lock (_items)
        {
            item = new FeedItem(feed, Head + 1, article);
            _items.Add(item);
        }
        if (push) Push(item);
        return item;
    }

    public void Push(FeedItem item)
    {
        IFeedObserver[] followers;
        lock (_items) followers = [.. _followers];
        foreach (var follower in followers) follower.OnItem(item);
    }

    /// <summary>Forgets every item before <paramref name="oldest"/>, as the history limit does.</summary>
    public void TrimBefore(long oldest)
    {
        lock (_items)
        {
            _items.RemoveAll(i => i.Seq < oldest);
            _oldest = oldest;
        }
    }

    public Task<FeedItem> Append(Article article, bool resumed) => Task.FromResult(Add(article));

    public Task<FeedPage> Read(long? after, int limit)
    {
        lock (_items)
        {
            var head = Head;
            if (after is null) return Task.FromResult(Page(head, _items.TakeLast(limit).ToArray(), true));
            if (after < 0 || after > head) return Task.FromResult(Page(head, [], false));
            var items = _items.Where(i => i.Seq > after).Take(limit).ToArray();
            return Task.FromResult(Page(head, items, after >= _oldest - 1));
        }
    }

    private FeedPage Page(long head, FeedItem[] items, bool complete) => new(feed, head, items, complete, _followers.Count);

    public Task<FeedFollow> Follow(IFeedObserver follower, int localSubscribers)
    {
        lock (_items)
        {
            _followers.Add(follower);
            return Task.FromResult(new FeedFollow(Head, localSubscribers + OtherNodesFollowers));
        }
    }

    public Task Unfollow(IFeedObserver follower)
    {
        lock (_items) _followers.Remove(follower);
        return Task.CompletedTask;
    }
}

/// <summary>Fake grains by feed key; the relay observes them directly, without Orleans.</summary>
public sealed class FakeFeedDirectory : IFeedDirectory
{
    private readonly Dictionary<string, FakeFeedGrain> _grains = [];

    public FakeFeedGrain this[string feed]
    {
        get
        {
            lock (_grains)
            {
                if (!_grains.TryGetValue(feed, out var grain)) _grains[feed] = grain = new FakeFeedGrain(feed);
                return grain;
            }
        }
    }

    public IFeedGrain Feed(string feed) => this[feed];

    public IFeedObserver Reference(IFeedObserver observer) => observer;
}
