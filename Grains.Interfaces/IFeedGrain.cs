namespace Feed;

/// <summary>One feed (keyed by its canonical <see cref="FeedKey"/> text): assigns seq, keeps history, pushes to followers.</summary>
[Alias("Feed.IFeedGrain")]
public interface IFeedGrain : IGrainWithStringKey
{
    /// <summary>
    /// Appends the article and returns its item once it is durably stored. Idempotent by article id:
    /// appending an article the feed already holds returns the existing item. <paramref name="resumed"/>
    /// says the publish is being retried, so the stored history must be checked too, not only recent items.
    /// </summary>
    [Alias("Append")]
    Task<FeedItem> Append(Article article, bool resumed);

    /// <summary>Items after <paramref name="after"/> (oldest first), or the newest <paramref name="limit"/> when after is null.</summary>
    [Alias("Read")]
    Task<FeedPage> Read(long? after, int limit);

    /// <summary>
    /// Registers or refreshes a web front node's lease; returns the feed's head, so the node can catch up, and its
    /// followers over all nodes (counting this node's <paramref name="localSubscribers"/>).
    /// </summary>
    [Alias("Follow")]
    Task<FeedFollow> Follow(IFeedObserver follower, int localSubscribers);

    [Alias("Unfollow")]
    Task Unfollow(IFeedObserver follower);
}
