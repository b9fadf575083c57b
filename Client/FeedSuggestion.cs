namespace Feed.Client;

/// <summary>A feed offered for words a person typed. <see cref="Kind"/> is country, topic or relation.</summary>
public sealed record FeedSuggestion(string Feed, string Kind, string Title);
