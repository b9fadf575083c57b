namespace Feed.Tagging;

/// <summary>A feed offered for words a person typed, with the title a person reads.</summary>
public sealed record FeedSuggestion(string Feed, string Kind, string Title);
