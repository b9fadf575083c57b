namespace Feed.Tagging;

/// <summary>
/// Thresholds of automatic tagging (configuration section Feed:Tagging). Defaults were chosen on the tuning part
/// of the labelled evaluation set only (see README); the held-out part was never used to choose them.
/// </summary>
public sealed class TaggingOptions
{
    /// <summary>Keyword weight a topic needs to be tagged, before the allowance for length; a keyword in the headline
    /// counts <see cref="TopicHeadlineWeight"/> times. Short wire stories often name their second topic once, so one
    /// strong keyword is enough.</summary>
    public double TopicMinScore { get; set; } = 1.5;

    /// <summary>The minimum rises by this much per word of the text, since longer texts gather stray keywords.</summary>
    public double TopicMinScorePerWord { get; set; } = 0.02;

    /// <summary>Words beyond this many don't raise the minimum further.</summary>
    public int TopicLengthCap { get; set; } = 100;

    /// <summary>A topic must also reach this share of the best topic's score, so side remarks don't tag.</summary>
    public double TopicMinShareOfBest { get; set; } = 0.18;

    /// <summary>A topic keyword in the headline counts this many times: the headline names what the story is about.</summary>
    public double TopicHeadlineWeight { get; set; } = 2.0;

    /// <summary>Topics by the learned model (<see cref="LearnedTopicModel"/>, Data/topic-weights.tsv) rather than by the
    /// keyword rule alone (<see cref="TopicMinScore"/> and the settings after it); the keyword scores are among its features.</summary>
    public bool LearnedTopics { get; set; } = true;

    /// <summary>The learned model tags every topic whose probability reaches this.</summary>
    public double TopicMinProbability { get; set; } = 0.2;

    /// <summary>When no topic reaches <see cref="TopicMinProbability"/>, the likeliest is tagged if its probability reaches this.</summary>
    public double TopicFallbackProbability { get; set; } = 0.0;

    /// <summary>At most this many topics per article, the strongest first (both models).</summary>
    public int MaxTopics { get; set; } = 4;

    /// <summary>Mention weight a country needs to be tagged; one plain mention in the body weighs 1.</summary>
    public double CountryMinScore { get; set; } = 1.0;

    /// <summary>A country must also reach this share of the best country's weight (0 keeps every country that reaches the minimum).</summary>
    public double CountryMinShareOfBest { get; set; } = 0.15;

    /// <summary>A mention in the headline counts this much.</summary>
    public double HeadlineMentionWeight { get; set; } = 2.0;

    /// <summary>A mention in the lead (the first <see cref="LeadCharacters"/> after the headline) counts this much.</summary>
    public double LeadMentionWeight { get; set; } = 1.5;

    /// <summary>How many characters after the headline count as the lead.</summary>
    public int LeadCharacters { get; set; } = 300;

    /// <summary>A passing reference ("than France", "the former colonial power") counts this share of a mention.</summary>
    public double PassingMentionWeight { get; set; } = 0.3;

    /// <summary>A place below the country ("Winnipeg", "Texas") counts this share of a country's own name.</summary>
    public double PlaceMentionWeight { get; set; } = 1.0;

    /// <summary>The country of the dateline gets this weight: enough to be tagged on its own.</summary>
    public double DatelineWeight { get; set; } = 3.0;

    /// <summary>How far into the lead a dateline's dash may be.</summary>
    public int DatelineMaxCharacters { get; set; } = 80;

    /// <summary>A place name shared by several countries goes to the most populous only if it has this many times the people of the next.</summary>
    public double PlaceDominanceRatio { get; set; } = 10.0;

    /// <summary>The same for the city of a dateline, which wire services use only for well-known cities ("BARCELONA" is Spain's).</summary>
    public double DatelineDominanceRatio { get; set; } = 3.0;
}
