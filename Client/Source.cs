namespace Feed.Client;

/// <summary>
/// A feed document (RSS, Atom, JSON Feed) the server follows: where it is, how often it is polled, how the last poll
/// went and how many articles came from it (contract: "Sources").
/// </summary>
public sealed record Source
{
    public string Id { get; init; } = "";

    /// <summary>The document's address, as the server keeps it (scheme and host lower-cased).</summary>
    public string Url { get; init; } = "";

    /// <summary>The name the source's articles carry as their <c>source</c>.</summary>
    public string? Title { get; init; }

    /// <summary>Seconds between polls.</summary>
    public int PollSeconds { get; init; }

    /// <summary>When it was last polled; null before the first poll.</summary>
    public DateTimeOffset? LastPolledAt { get; init; }

    /// <summary>When it will be polled next; null when no poll is scheduled.</summary>
    public DateTimeOffset? NextPollAt { get; init; }

    /// <summary>The HTTP status of the last poll (304 when the document was unchanged); null before the first poll or when no answer came.</summary>
    public int? LastStatus { get; init; }

    /// <summary>Why the last poll failed, as a sentence; null when it did not.</summary>
    public string? LastError { get; init; }

    /// <summary>Articles published from this source so far.</summary>
    public long ArticlesIngested { get; init; }
}
