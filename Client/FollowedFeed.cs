namespace Feed.Client;

/// <summary>One followed feed as the client tracks it. Changed only under <see cref="FollowedFeeds"/>' lock.</summary>
internal sealed class FollowedFeed(string key, long? position)
{
    public string Key { get; } = key;

    /// <summary>The last seq accepted from the server (queued for the app); null until known when following "from now".</summary>
    public long? Position { get; set; } = position;

    /// <summary>True from the moment a connection starts until this feed's Subscribe answer on it is applied.</summary>
    public bool Pending { get; set; } = true;

    /// <summary>Live items that came while the Subscribe was pending: the server may send them before its answer.</summary>
    public List<FeedItem> Buffered { get; } = [];

    /// <summary>Counts Subscribe calls, so an answer overtaken by a newer call is ignored.</summary>
    public int SubscribeVersion { get; set; }

    /// <summary>Whether a Subscribe answer was ever applied: later ones are resumptions.</summary>
    public bool EverSubscribed { get; set; }

    /// <summary>The server said it skipped items of this feed for us: the next item's jump is announced as a gap.</summary>
    public bool SkipAnnounced { get; set; }
}

/// <summary>A Subscribe about to be sent: for which feed, from which position, on which connection.</summary>
internal sealed record SubscribeTicket(string Feed, long? After, int Generation, int Version, bool Resumed);
