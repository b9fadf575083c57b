namespace Feed;

/// <summary>One article at one position of one feed. <see cref="Seq"/> counts from 1 with no gaps.</summary>
[GenerateSerializer, Immutable, Alias("Feed.FeedItem")]
public sealed record FeedItem(
    [property: Id(0)] string Feed,
    [property: Id(1)] long Seq,
    [property: Id(2)] Article Article);
