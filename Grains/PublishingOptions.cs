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
