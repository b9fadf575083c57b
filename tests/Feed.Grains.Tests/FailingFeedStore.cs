using Feed.Grains.Storage;

namespace Feed.Grains.Tests;

/// <summary>The real feed store, except that appends to the feeds named in <see cref="Failing"/> fail: a store that is down for some feeds.</summary>
public sealed class FailingFeedStore(IFeedStore inner) : IFeedStore
{
    /// <summary>Feeds whose appends fail now; shared by the in-process silos.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Failing = new();

    public Task AppendAsync(string feed, IReadOnlyList<FeedItem> items, long keepAbove) =>
        Failing.ContainsKey(feed) ? Task.FromException(new IOException($"Storage for {feed} is down (test).")) : inner.AppendAsync(feed, items, keepAbove);

    public Task<FeedBounds> ReadBoundsAsync(string feed) => inner.ReadBoundsAsync(feed);
    public Task<IReadOnlyList<FeedItem>> ReadAfterAsync(string feed, long after, int limit) => inner.ReadAfterAsync(feed, after, limit);
    public Task<IReadOnlyList<FeedItem>> ReadLatestAsync(string feed, int count) => inner.ReadLatestAsync(feed, count);
    public Task<FeedItem?> FindAsync(string feed, string articleId) => inner.FindAsync(feed, articleId);
}
