namespace Feed.Tagging;

/// <summary>What an article is about: ISO 3166-1 alpha-2 codes and topic slugs, each sorted.</summary>
public sealed record TagResult(IReadOnlyList<string> Countries, IReadOnlyList<string> Topics);
