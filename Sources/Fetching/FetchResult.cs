namespace Feed.Sources.Fetching;

/// <summary>The validators a source sent last time, sent back so an unchanged document costs a 304.</summary>
public sealed record Validators(string? ETag, string? LastModified)
{
    public static readonly Validators None = new(null, null);
}

/// <summary>
/// What one fetch of a source gave. <see cref="Error"/> is null on success (a document, or 304 Not Modified) and a
/// sentence for an operator otherwise. <see cref="Status"/> is the last HTTP status, null when no answer came.
/// </summary>
public sealed record FetchResult
{
    public int? Status { get; init; }
    public string? Error { get; init; }
    public bool NotModified => Status == 304 && Error is null;

    public byte[]? Content { get; init; }
    public string? ContentType { get; init; }
    public Validators Validators { get; init; } = Validators.None;

    /// <summary>The address the document finally came from (after redirects).</summary>
    public Uri? FinalUrl { get; init; }

    /// <summary>Where a permanent redirect (301/308) said the source now lives, when every hop was permanent.</summary>
    public Uri? MovedTo { get; init; }

    /// <summary><c>Cache-Control: max-age</c> of the answer, if any.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary><c>Retry-After</c> of a 429 or 503 answer, if any.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
