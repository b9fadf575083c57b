namespace Feed.Client;

/// <summary>
/// The hub's <c>counts</c> event for a followed feed: how many items it holds (<see cref="Head"/>) and how many people
/// follow it now. Sent only on change and at most every few seconds per feed; for showing, never for ordering.
/// </summary>
public sealed record FollowersCounted(string Feed, long Head, int Followers) : FeedUpdate;
