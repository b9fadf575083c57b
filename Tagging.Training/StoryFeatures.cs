namespace Feed.Tagging.Training;

/// <summary>
/// What the learned topic model sees of one labelled story: its distinct word features by name, its length in tokens
/// (for the 1/√n weighting), its keyword figures, and its labelled topics.
/// </summary>
public sealed record StoryFeatures(string Id, string[] Words, int TokenCount, double[] KeywordValues, bool[] Labels)
{
    /// <summary>Reads stories the way the tagger does (<see cref="ArticleText"/>, <see cref="TopicFeatures"/>).</summary>
    public static IReadOnlyList<StoryFeatures> Of(IEnumerable<LabelledStory> stories, TopicModel keywords, TopicFeatureSettings settings)
    {
        var slugs = keywords.Slugs;
        var result = new List<StoryFeatures>();
        foreach (var story in stories)
        {
            if (story.Topics.FirstOrDefault(t => !slugs.Contains(t)) is { } unknown)
                throw new FormatException($"{story.Id}: '{unknown}' is not a topic.");
            var article = ArticleText.Of(story.Headline, null, story.Body);
            var sink = new NameSink(article, settings);
            TopicFeatures.Extract(article.Text, article.Tokens, article.HeadlineEnd, settings, ref sink);
            var scores = new double[slugs.Count];
            var chosen = new bool[slugs.Count];
            keywords.Score(article.Text, article.Tokens, article.HeadlineEnd, scores);
            keywords.Choose(scores, article.Tokens.Count, chosen);
            var values = new double[settings.KeywordCount(slugs.Count)];
            settings.KeywordValues(scores, chosen, values);
            var labels = slugs.Select(s => story.Topics.Contains(s)).ToArray();
            result.Add(new StoryFeatures(story.Id, sink.Names.Order(StringComparer.Ordinal).ToArray(), article.Tokens.Count, values, labels));
        }
        return result;
    }

    private readonly struct NameSink(ArticleText article, TopicFeatureSettings settings) : ITopicFeatureSink
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public void Add(ulong key, TopicFeatureKind kind, int token) =>
            Names.Add(TopicFeatures.NameOf(article.Text, article.Tokens, kind, token, settings));
    }
}
