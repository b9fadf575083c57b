namespace Feed;

/// <summary>A source that cannot be added, with the offending fields and why (answered as 400).</summary>
[GenerateSerializer, Alias("Feed.SourceRejectedException")]
public sealed class SourceRejectedException : Exception
{
    public SourceRejectedException(IReadOnlyDictionary<string, string[]> errors)
        : base("The source is not valid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
    {
        Errors = errors;
    }

    public SourceRejectedException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }

    [Id(0)] public IReadOnlyDictionary<string, string[]> Errors { get; }
}
