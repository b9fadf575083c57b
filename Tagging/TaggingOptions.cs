namespace Feed.Tagging;

/// <summary>Thresholds of automatic tagging. Defaults were chosen on the labelled evaluation set (see README).</summary>
public sealed class TaggingOptions
{
    /// <summary>Keyword weight a topic needs to be tagged; a keyword in the headline counts twice.</summary>
    public double TopicMinScore { get; set; } = 2.5;

    /// <summary>A topic must also reach this share of the best topic's score, so side remarks don't tag.</summary>
    public double TopicMinShareOfBest { get; set; } = 0.25;

    /// <summary>At most this many topics per article, the strongest first.</summary>
    public int MaxTopics { get; set; } = 4;
}
