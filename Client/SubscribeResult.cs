namespace Feed.Client;

/// <summary>
/// The hub's answer to Subscribe(feed, after): the feed's head and the items after <c>after</c> up to it;
/// live items follow from head + 1. <see cref="Complete"/> is false when history no longer reaches back.
/// </summary>
public sealed record SubscribeResult(string Feed, long Head, IReadOnlyList<FeedItem> Missed, bool Complete);
