namespace Feed.Client;

/// <summary>What a publisher sends to <c>POST /api/articles</c>. <see cref="Headline"/> and <see cref="Body"/> are required.</summary>
public sealed record ArticleSubmission
{
    /// <summary>Your id for the article; a repeat of a stored id is a duplicate and is delivered to nobody. Derived from <see cref="Url"/> when absent.</summary>
    public string? Id { get; init; }
    public required string Headline { get; init; }
    public string? Summary { get; init; }
    public required string Body { get; init; }
    public string? Url { get; init; }
    public string? Source { get; init; }

    /// <summary>When absent, the time the server received it.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Country names or codes you assert; merged with automatic tagging.</summary>
    public IReadOnlyList<string>? Countries { get; init; }

    /// <summary>Topic slugs or titles you assert; merged with automatic tagging.</summary>
    public IReadOnlyList<string>? Topics { get; init; }

    /// <summary>False: only the given countries and topics are used.</summary>
    public bool? AutoTag { get; init; }
}
