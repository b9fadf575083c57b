namespace Feed;

/// <summary>A published article as stored and delivered. Text fields are kept exactly as the publisher sent them.</summary>
[GenerateSerializer, Immutable, Alias("Feed.Article")]
public sealed record Article
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Headline { get; init; }
    [Id(2)] public string? Summary { get; init; }
    [Id(3)] public required string Body { get; init; }
    [Id(4)] public string? Url { get; init; }
    [Id(5)] public string? Source { get; init; }
    /// <summary>UTC.</summary>
    [Id(6)] public DateTime PublishedAt { get; init; }
    /// <summary>ISO 3166-1 alpha-2 codes, sorted.</summary>
    [Id(7)] public IReadOnlyList<string> Countries { get; init; } = [];
    /// <summary>Topic slugs, sorted.</summary>
    [Id(8)] public IReadOnlyList<string> Topics { get; init; } = [];
    /// <summary>Every feed key the article is delivered to, canonical.</summary>
    [Id(9)] public IReadOnlyList<string> Feeds { get; init; } = [];
}
