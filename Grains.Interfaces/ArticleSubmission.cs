namespace Feed;

/// <summary>What a publisher sends to <c>POST /api/articles</c> (or straight to the silo).</summary>
[GenerateSerializer, Immutable, Alias("Feed.ArticleSubmission")]
public sealed record ArticleSubmission
{
    /// <summary>The publisher's id; when absent it is derived from <see cref="Url"/>, else generated.</summary>
    [Id(0)] public string? Id { get; init; }
    [Id(1)] public string? Headline { get; init; }
    [Id(2)] public string? Summary { get; init; }
    [Id(3)] public string? Body { get; init; }
    [Id(4)] public string? Url { get; init; }
    [Id(5)] public string? Source { get; init; }
    /// <summary>When absent, the time it was received.</summary>
    [Id(6)] public DateTimeOffset? PublishedAt { get; init; }
    /// <summary>Country names or codes the publisher asserts; merged with automatic tagging.</summary>
    [Id(7)] public IReadOnlyList<string>? Countries { get; init; }
    /// <summary>Topic slugs or titles the publisher asserts; merged with automatic tagging.</summary>
    [Id(8)] public IReadOnlyList<string>? Topics { get; init; }
    /// <summary>False skips automatic tagging: only the given countries and topics are used.</summary>
    [Id(9)] public bool? AutoTag { get; init; }
}
