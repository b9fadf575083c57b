namespace Feed.Grains;

/// <summary>The newest items of a feed, in seq order, bounded; what most reads and catch-ups need.</summary>
public sealed class FeedWindow(int capacity)
{
    private readonly Queue<FeedItem> _items = new();
    private readonly Dictionary<string, FeedItem> _byArticle = new();

    public long FirstSeq => _items.TryPeek(out var first) ? first.Seq : long.MaxValue;

    public void Add(FeedItem item)
    {
        if (capacity <= 0) return;
        _items.Enqueue(item);
        _byArticle[item.Article.Id] = item;
        while (_items.Count > capacity) _byArticle.Remove(_items.Dequeue().Article.Id);
    }

    public bool TryFind(string articleId, out FeedItem item) => _byArticle.TryGetValue(articleId, out item!);

    /// <summary>Items after <paramref name="after"/>, when the window holds all of them.</summary>
    public bool TryReadAfter(long after, int limit, out IReadOnlyList<FeedItem> items)
    {
        if (_items.Count == 0 || after + 1 < FirstSeq)
        {
            items = [];
            return false;
        }
        items = _items.Where(i => i.Seq > after).Take(limit).ToArray();
        return true;
    }

    /// <summary>The newest <paramref name="count"/> items, when the window holds that many.</summary>
    public bool TryReadLatest(int count, out IReadOnlyList<FeedItem> items)
    {
        items = _items.Count >= count ? _items.Skip(_items.Count - count).ToArray() : [];
        return _items.Count >= count;
    }
}
