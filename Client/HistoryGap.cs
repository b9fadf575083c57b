namespace Feed.Client;

/// <summary>
/// Items of <see cref="Feed"/> after <see cref="LastSeen"/> and before <see cref="ResumesAt"/> are no longer kept
/// by the server, so they will never be delivered. Arrives before the items that follow the gap.
/// </summary>
/// <param name="LastSeen">The last seq the client had of this feed.</param>
/// <param name="ResumesAt">The seq of the next item delivered.</param>
/// <param name="Reason">Why: history trimmed, or the server's feed is behind the client (its history was reset).</param>
public sealed record HistoryGap(string Feed, long LastSeen, long ResumesAt, HistoryGapReason Reason) : FeedUpdate
{
    /// <summary>How many items are lost; 0 when the server's history was reset.</summary>
    public long Lost => Math.Max(0, ResumesAt - LastSeen - 1);
}

public enum HistoryGapReason
{
    /// <summary>The client was away longer than the feed's history reaches.</summary>
    HistoryTrimmed,

    /// <summary>The server's head is behind the client's position: its data was reset. Positions restart from its head.</summary>
    FeedReset,
}
