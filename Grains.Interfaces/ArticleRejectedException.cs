namespace Feed;

/// <summary>An article that fails validation, with the offending fields and why.</summary>
[GenerateSerializer, Alias("Feed.ArticleRejectedException")]
public sealed class ArticleRejectedException : Exception
{
    public ArticleRejectedException(IReadOnlyDictionary<string, string[]> errors)
        : base("The article is not valid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
    {
        Errors = errors;
    }

    [Id(0)] public IReadOnlyDictionary<string, string[]> Errors { get; }
}
