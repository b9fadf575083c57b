using Microsoft.Extensions.Options;

namespace Feed.Grains;

/// <summary>Limits on what a publisher may send. Section <c>Feed:Publishing</c>.</summary>
public sealed class PublishingOptions
{
    public const string Section = "Feed:Publishing";

    public int MaxIdLength { get; set; } = 200;
    public int MaxHeadlineLength { get; set; } = 500;
    public int MaxSummaryLength { get; set; } = 5_000;
    public int MaxBodyLength { get; set; } = 200_000;
    public int MaxUrlLength { get; set; } = 2_000;
    public int MaxSourceLength { get; set; } = 200;

    /// <summary>Relation feeds are formed only for articles about at most this many countries.</summary>
    public int MaxRelationCountries { get; set; } = 8;

    /// <summary>Most countries or topics a publisher may name on one article.</summary>
    public int MaxGivenTags { get; set; } = 30;
}

public sealed class PublishingOptionsValidator : IValidateOptions<PublishingOptions>
{
    // Ids Feed makes itself (from a URL, an Idempotency-Key, a source entry) are up to 48 characters.
    private const int ShortestIdLimit = 48;

    public ValidateOptionsResult Validate(string? name, PublishingOptions o)
    {
        var problems = new List<string>();
        void AtLeast(string option, int value, int min)
        {
            if (value < min) problems.Add($"Feed:Publishing:{option} must be at least {min}; it is {value}.");
        }
        AtLeast(nameof(o.MaxIdLength), o.MaxIdLength, ShortestIdLimit);
        AtLeast(nameof(o.MaxHeadlineLength), o.MaxHeadlineLength, 1);
        AtLeast(nameof(o.MaxSummaryLength), o.MaxSummaryLength, 0);
        AtLeast(nameof(o.MaxBodyLength), o.MaxBodyLength, 1);
        AtLeast(nameof(o.MaxUrlLength), o.MaxUrlLength, 1);
        AtLeast(nameof(o.MaxSourceLength), o.MaxSourceLength, 0);
        AtLeast(nameof(o.MaxRelationCountries), o.MaxRelationCountries, 0);
        AtLeast(nameof(o.MaxGivenTags), o.MaxGivenTags, 0);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
