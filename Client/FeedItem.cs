namespace Feed.Client;

/// <summary>One article at one position of one feed. <see cref="Seq"/> counts from 1 within the feed, with no gaps.</summary>
public sealed record FeedItem(string Feed, long Seq, Article Article);
