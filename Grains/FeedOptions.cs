namespace Feed.Grains;

/// <summary>How feed grains keep history and followers. Section <c>Feed:History</c> / <c>Feed:Followers</c>.</summary>
public sealed class FeedOptions
{
    public const string Section = "Feed";

    /// <summary>Items each feed keeps; older ones are dropped from its history (the articles themselves stay).</summary>
    public int HistoryLimit { get; set; } = 1000;

    /// <summary>Newest items a feed grain keeps in memory to answer reads and catch-ups without storage.</summary>
    public int CachedItems { get; set; } = 200;

    /// <summary>Most items one read returns.</summary>
    public int MaxReadLimit { get; set; } = 1000;

    /// <summary>How often an article grain retries a fan-out that failed part-way, until every feed holds it.</summary>
    public TimeSpan FanOutRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A web front's follow registration lapses unless refreshed within this time.</summary>
    public TimeSpan FollowerLease { get; set; } = TimeSpan.FromSeconds(40);
}
