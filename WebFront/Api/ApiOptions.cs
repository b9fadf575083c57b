namespace Feed.WebFront.Api;

/// <summary>Limits of the REST API. Section <c>Feed:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Feed:Api";

    /// <summary>Largest publish request body; larger ones get 413.</summary>
    public long MaxArticleBytes { get; set; } = 1024 * 1024;

    /// <summary>Items a history read returns when no limit is given.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>Largest <c>limit</c> a history read accepts.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Most suggestions /api/feeds/resolve returns.</summary>
    public int MaxSuggestions { get; set; } = 10;

    /// <summary>Characters of an article's body an Atom or JSON Feed entry carries (as summary or content text), cut at a word.</summary>
    public int SyndicationTextLength { get; set; } = 1000;

    /// <summary>Longest <c>Idempotency-Key</c> header accepted on a publish.</summary>
    public int IdempotencyKeyMaxLength { get; set; } = 200;
}
