namespace Feed;

/// <summary>
/// A slice of a feed's history, oldest first. <see cref="Complete"/> is false when the history kept no longer
/// reaches back to the position asked for, so the reader knows there is a gap before the first item.
/// </summary>
[GenerateSerializer, Immutable, Alias("Feed.FeedPage")]
public sealed record FeedPage(
    [property: Id(0)] string Feed,
    [property: Id(1)] long Head,
    [property: Id(2)] IReadOnlyList<FeedItem> Items,
    [property: Id(3)] bool Complete,
    [property: Id(4)] int Followers);
