namespace Feed.Client;

/// <summary>
/// A slice of a feed's history from <c>GET /api/feeds/{feed}</c>, oldest first. <see cref="Complete"/> is false
/// when the history kept no longer reaches back to the position asked for.
/// </summary>
public sealed record FeedPage(string Feed, string Title, long Head, bool Complete, int Followers, IReadOnlyList<FeedItem> Items);
