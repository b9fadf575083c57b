namespace Feed.Client;

/// <summary>
/// The client's followed feeds and the ordering rules that make delivery exactly-once and in order across
/// reconnects: live items of a feed whose Subscribe is pending are held back; the answer's missed items go first,
/// then the held ones; anything at or below the feed's position is dropped; an article already delivered through
/// another feed only moves this feed's position; whatever the answer cannot cover is announced as a gap.
/// Every change happens under one lock and its updates are queued in that order.
/// </summary>
internal sealed class FollowedFeeds(int recentArticleIds, Action<FeedUpdate> emit)
{
    private readonly object _lock = new();
    private readonly Dictionary<string, FollowedFeed> _feeds = [];
    private readonly RecentArticleIds _recent = new(recentArticleIds);
    private int _generation;

    public string[] Keys
    {
        get { lock (_lock) return _feeds.Keys.ToArray(); }
    }

    public bool Contains(string feed)
    {
        lock (_lock) return _feeds.ContainsKey(feed);
    }

    /// <summary>Follows a feed from <paramref name="after"/> (null: from now). False when it is followed already.</summary>
    public bool Add(string feed, long? after)
    {
        lock (_lock) return _feeds.TryAdd(feed, new FollowedFeed(feed, after));
    }

    public bool Remove(string feed)
    {
        lock (_lock) return _feeds.Remove(feed);
    }

    /// <summary>
    /// A connection ended or a new one begins: items from older connections are ignored from now on, and every
    /// feed waits for its Subscribe on the new one.
    /// </summary>
    public int NewGeneration()
    {
        lock (_lock)
        {
            _generation++;
            foreach (var feed in _feeds.Values)
            {
                feed.Pending = true;
                feed.Buffered.Clear();
            }
            return _generation;
        }
    }

    /// <summary>Marks the feed pending for a Subscribe on connection <paramref name="generation"/>; null when that is moot.</summary>
    public SubscribeTicket? BeginSubscribe(string feed, int generation)
    {
        lock (_lock)
        {
            if (generation != _generation || !_feeds.TryGetValue(feed, out var f)) return null;
            f.Pending = true;
            f.SubscribeVersion++;
            return new SubscribeTicket(feed, f.Position, generation, f.SubscribeVersion, f.EverSubscribed);
        }
    }

    /// <summary>Applies a Subscribe answer: the missed items, a gap if history fell short, then the held-back live items.</summary>
    public void CompleteSubscribe(SubscribeTicket ticket, SubscribeResult answer)
    {
        lock (_lock)
        {
            if (!IsCurrent(ticket, out var feed)) return;
            var after = feed.Position;
            var missed = answer.Missed.Where(i => i.Feed == feed.Key && (after is null || i.Seq > after)).ToList();
            emit(new FeedSubscribed(feed.Key, after, answer.Head, missed.Count, ticket.Resumed));

            if (after is { } position && answer.Head < position)
            {
                // The server is behind what we saw: its feed was reset. Say so and follow it from where it is.
                emit(new HistoryGap(feed.Key, position, answer.Head + 1, HistoryGapReason.FeedReset));
                feed.Position = answer.Head;
                emit(new PositionReached(feed.Key, answer.Head));
            }
            foreach (var item in missed)
            {
                if (feed.Position is { } p && item.Seq > p + 1) emit(new HistoryGap(feed.Key, p, item.Seq, HistoryGapReason.HistoryTrimmed));
                Accept(feed, item);
            }
            if (feed.Position is not { } reached)
            {
                feed.Position = answer.Head;
                emit(new PositionReached(feed.Key, answer.Head));
            }
            else if (reached < answer.Head)
            {
                // Nothing was replayed up to the head (history gone): the items in between will never come.
                emit(new HistoryGap(feed.Key, reached, answer.Head + 1, HistoryGapReason.HistoryTrimmed));
                feed.Position = answer.Head;
                emit(new PositionReached(feed.Key, answer.Head));
            }
            foreach (var item in feed.Buffered) Accept(feed, item);
            feed.Buffered.Clear();
            feed.Pending = false;
            feed.EverSubscribed = true;
        }
    }

    /// <summary>The server refused the feed: it is no longer followed. False when the ticket was stale.</summary>
    public bool Refuse(SubscribeTicket ticket)
    {
        lock (_lock)
        {
            if (!IsCurrent(ticket, out _)) return false;
            _feeds.Remove(ticket.Feed);
            return true;
        }
    }

    /// <summary>A live item from connection <paramref name="generation"/>.</summary>
    public void OnItem(int generation, FeedItem item)
    {
        lock (_lock)
        {
            if (generation != _generation || !_feeds.TryGetValue(item.Feed, out var feed)) return;
            if (feed.Pending) feed.Buffered.Add(item);
            else Accept(feed, item);
        }
    }

    /// <summary>
    /// The server's <c>gap</c> event: its node fell further behind than history reaches and skipped items of the feed.
    /// The next item of that feed says from where delivery resumes, so the gap is announced just before it.
    /// </summary>
    public void OnSkipped(int generation, string feedKey)
    {
        lock (_lock)
        {
            if (generation != _generation || !_feeds.TryGetValue(feedKey, out var feed)) return;
            feed.SkipAnnounced = true;
        }
    }

    /// <summary>The hub's <c>counts</c> event, passed on for a feed this client follows.</summary>
    public void OnCounts(int generation, FollowersCounted counts)
    {
        lock (_lock)
        {
            if (generation == _generation && _feeds.ContainsKey(counts.Feed)) emit(counts);
        }
    }

    private bool IsCurrent(SubscribeTicket ticket, out FollowedFeed feed) =>
        _feeds.TryGetValue(ticket.Feed, out feed!) && ticket.Generation == _generation && ticket.Version == feed.SubscribeVersion;

    private void Accept(FollowedFeed feed, FeedItem item)
    {
        if (feed.Position is { } position && item.Seq <= position) return;
        if (feed.SkipAnnounced && feed.Position is { } last && item.Seq > last + 1)
            emit(new HistoryGap(feed.Key, last, item.Seq, HistoryGapReason.HistoryTrimmed));
        feed.SkipAnnounced = false;
        feed.Position = item.Seq;
        if (_recent.Add(item.Article.Id)) emit(new ArticleArrived(item));
        else emit(new PositionReached(feed.Key, item.Seq));
    }
}
