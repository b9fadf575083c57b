namespace Feed.WebFront.Live;

/// <summary>Limits of the live hub and of this node's feed relay. Section <c>Feed:Live</c>.</summary>
public sealed class LiveOptions
{
    public const string Section = "Feed:Live";

    /// <summary>Most feeds one connection may follow at once.</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 200;

    /// <summary>Most missed items one Subscribe returns; a longer absence gets the newest ones and complete:false.</summary>
    public int MaxMissedItems { get; set; } = 1000;

    /// <summary>Article ids remembered per connection so an article reaching it through several feeds goes out once.</summary>
    public int RecentArticlesPerConnection { get; set; } = 256;

    /// <summary>How often this node renews its follow of each feed (must be well under the grains' lease).</summary>
    public TimeSpan FollowRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Messages that may wait for one slow connection before it is disconnected (its client resumes with
    /// <c>after</c>); keeps a reader that has stopped reading from holding memory without limit.
    /// </summary>
    public int MaxQueuedMessagesPerConnection { get; set; } = 2000;

    /// <summary>Follow renewals in flight at once during a refresh round.</summary>
    public int RefreshParallelism { get; set; } = 32;

    /// <summary>
    /// How often the hub may tell a feed's subscribers its head and followers (the <c>counts</c> event): sent only
    /// when they changed, so a busy feed costs one small message per subscriber per interval, a quiet one nothing.
    /// </summary>
    public TimeSpan CountsInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a feed nobody here follows any more stays followed, so quick re-follows cost nothing.</summary>
    public TimeSpan IdleFeedLinger { get; set; } = TimeSpan.FromSeconds(30);
}
