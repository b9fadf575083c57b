namespace Feed.Grains.Storage;

/// <summary>
/// Append-only history of every feed: (feed, seq) → article id, with the articles kept once each.
/// A publish costs one row per feed, not a rewrite of the feed's history.
/// </summary>
public interface IFeedStore
{
    /// <summary>The highest seq stored for the feed (0 when empty) and the lowest still kept.</summary>
    Task<FeedBounds> ReadBoundsAsync(string feed);

    /// <summary>Up to <paramref name="limit"/> items with seq greater than <paramref name="after"/>, oldest first.</summary>
    Task<IReadOnlyList<FeedItem>> ReadAfterAsync(string feed, long after, int limit);

    /// <summary>The newest <paramref name="count"/> items, oldest first.</summary>
    Task<IReadOnlyList<FeedItem>> ReadLatestAsync(string feed, int count);

    /// <summary>The item holding this article in this feed, if any.</summary>
    Task<FeedItem?> FindAsync(string feed, string articleId);

    /// <summary>
    /// Stores the items (consecutive seqs of one feed) atomically: all or none, and only when the feed's stored head is
    /// the seq just before the first item (else it fails, storing nothing), so a batch written after one that failed
    /// cannot leave a gap. Items with seq at or below <paramref name="keepAbove"/> are dropped from history in the same step.
    /// Each item's article is stored too, as not yet delivered, unless its id is stored already (then the stored one is
    /// left as it is): an article's first feed append is what stores it.
    /// </summary>
    Task AppendAsync(string feed, IReadOnlyList<FeedItem> items, long keepAbove);
}

/// <summary>Head is the last seq assigned; Oldest the first seq still in history (Head + 1 when none).</summary>
public readonly record struct FeedBounds(long Head, long Oldest);
