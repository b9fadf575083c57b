using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Feed.WebFront.Live;

/// <summary>
/// One local follower as the relay sees it: a SignalR connection or an event-stream response. Holds the feeds it
/// follows and the once-per-follower rule, so both transports get them from the same code.
/// </summary>
public abstract class LiveSubscriber(string id, int recentCapacity)
{
    private readonly HashSet<string> _feeds = [];
    // Recent articles by a 64-bit hash of their id, oldest overwritten first. Numbers, not the id strings: the set lives
    // as long as the connection, and strings put into it on every delivery would be young objects a long-lived set
    // points to, which every young-generation GC must trace (thousands of connections). Two different ids share a
    // hash once in ~2^64/capacity checks, far beyond any connection's lifetime. Made on the first article that could
    // come twice, so an idle connection costs nothing here (a full ring and set are ~7 KB).
    private readonly int _recentCapacity = Math.Max(1, recentCapacity);
    private readonly Lock _recentLock = new();
    private HashSet<ulong>? _recent;
    private ulong[]? _recentOrder;
    // Seeded per process, so nobody can choose ids whose hashes collide on purpose.
    private static readonly long HashSeed = Random.Shared.NextInt64();
    private int _recentNext;

    public string Id { get; } = id;

    /// <summary>Writes this subscriber's items; the relay groups subscribers by it to encode each item once.</summary>
    public abstract ILiveTransport Transport { get; }

    /// <summary>Set when the subscriber has gone; a Subscribe still in progress then undoes itself.</summary>
    public volatile bool Closed;

    public string[] Feeds
    {
        get { lock (_feeds) return _feeds.ToArray(); }
    }

    /// <summary>Adds the feed unless that would pass <paramref name="max"/>; following a feed again is fine.</summary>
    public bool TryAddFeed(string feed, int max)
    {
        lock (_feeds)
        {
            if (_feeds.Contains(feed)) return true;
            if (_feeds.Count >= max) return false;
            _feeds.Add(feed);
            return true;
        }
    }

    public bool RemoveFeed(string feed)
    {
        lock (_feeds) return _feeds.Remove(feed);
    }

    /// <summary>
    /// What a subscriber remembers an article by; null for an article in one feed, which can only come through that
    /// feed, where positions already keep it from repeating. Worked out once per item, not once per subscriber.
    /// </summary>
    public static ulong? KeyOf(Article article) =>
        article.Feeds.Count <= 1 ? null : XxHash64.HashToUInt64(MemoryMarshal.AsBytes(article.Id.AsSpan()), HashSeed);

    /// <summary>True the first time this article goes to this subscriber; false when it already went through another feed.</summary>
    public bool TryMarkSent(Article article) => TryMarkSent(KeyOf(article));

    /// <inheritdoc cref="TryMarkSent(Article)"/>
    public bool TryMarkSent(ulong? article)
    {
        if (article is not { } key) return true;
        lock (_recentLock)
        {
            _recent ??= [];
            _recentOrder ??= new ulong[_recentCapacity];
            if (!_recent.Add(key)) return false;
            if (_recent.Count > _recentOrder.Length) _recent.Remove(_recentOrder[_recentNext]);
            _recentOrder[_recentNext] = key;
            _recentNext = (_recentNext + 1) % _recentOrder.Length;
            return true;
        }
    }
}
