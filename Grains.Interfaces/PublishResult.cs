namespace Feed;

/// <summary>The answer to a publish: how the article was tagged and where it went.</summary>
[GenerateSerializer, Immutable, Alias("Feed.PublishResult")]
public sealed record PublishResult(
    [property: Id(0)] string Id,
    [property: Id(1)] IReadOnlyList<string> Countries,
    [property: Id(2)] IReadOnlyList<string> Topics,
    [property: Id(3)] IReadOnlyList<string> Feeds,
    [property: Id(4)] bool Duplicate);
