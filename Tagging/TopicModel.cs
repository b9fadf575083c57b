namespace Feed.Tagging;

/// <summary>
/// Topics by weighted keywords in one pass over the tokens: each keyword adds its weight to its topic (twice in the
/// headline); a topic is tagged when it reaches <see cref="TaggingOptions.TopicMinScore"/> and a share of the best
/// topic, at most <see cref="TaggingOptions.MaxTopics"/>.
/// </summary>
public sealed class TopicModel
{
    private readonly PhraseIndex<TopicHit> _keywords;
    private readonly string[] _slugs;
    private readonly TaggingOptions _options;

    public TopicModel(IReadOnlyList<Topic> topics, TaggingOptions options)
    {
        _options = options;
        _slugs = topics.Select(t => t.Slug).ToArray();
        _keywords = new PhraseIndex<TopicHit>(
            topics.SelectMany((t, i) => t.Keywords.Select(k => (k.Text, new TopicHit(i, k.Weight)))), caseSensitive: false);
    }

    public IReadOnlyList<string> Find(string text, List<Token> tokens, int headlineEnd)
    {
        Span<double> scores = stackalloc double[_slugs.Length];
        for (var i = 0; i < tokens.Count;)
        {
            var token = tokens[i];
            var word = token.In(text);
            // A plural falls back to its singular: "tariffs" finds "tariff".
            var singular = word.Length > 3 && word[^1] is 's' or 'S' ? word[..^1] : default;
            if (!_keywords.TryMatch(text, tokens, i, out var phrase, singular))
            {
                i++;
                continue;
            }
            scores[phrase.Target.Topic] += phrase.Target.Weight * (token.Start < headlineEnd ? 2 : 1);
            i += phrase.Length;
        }
        var best = 0.0;
        foreach (var s in scores) best = Math.Max(best, s);
        var floor = Math.Max(_options.TopicMinScore, best * _options.TopicMinShareOfBest);
        var chosen = new List<(string Slug, double Score)>();
        for (var t = 0; t < scores.Length; t++)
        {
            if (scores[t] >= floor) chosen.Add((_slugs[t], scores[t]));
        }
        return chosen.OrderByDescending(c => c.Score).Take(_options.MaxTopics)
            .Select(c => c.Slug).Order(StringComparer.Ordinal).ToArray();
    }

    private readonly record struct TopicHit(int Topic, double Weight);
}
