namespace Feed.Client;

/// <summary>The answer of <c>GET /api/feeds/resolve?q=</c>: feeds matching the words, best first.</summary>
public sealed record FeedResolution(string Query, IReadOnlyList<FeedSuggestion> Feeds);
