namespace Feed.WebFront.Live;

/// <summary>
/// The answer to the hub's Subscribe: the feed's head and every item after the client's <c>after</c> up to
/// that head; live items follow from head + 1. Complete is false when history no longer reaches back.
/// </summary>
public sealed record SubscribeResult(string Feed, long Head, IReadOnlyList<FeedItem> Missed, bool Complete);
