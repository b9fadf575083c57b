namespace Feed.WebFront.Live;

/// <summary>
/// The answer to the hub's Subscribe: the feed's head and every item after the client's <c>after</c> up to
/// that head; live items follow from head + 1. Complete is false when history no longer reaches back.
/// Followers (people following now, over every web front) and Title spare a page asking over REST; later
/// changes of followers and head come as <c>counts</c> events.
/// </summary>
public sealed record SubscribeResult(string Feed, long Head, IReadOnlyList<FeedItem> Missed, bool Complete, int Followers, string? Title = null);
