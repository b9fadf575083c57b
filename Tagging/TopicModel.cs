namespace Feed.Tagging;

/// <summary>
/// Topics by weighted keywords in one pass over the tokens: each keyword adds its weight to its topic
/// (<see cref="TaggingOptions.TopicHeadlineWeight"/> times in the headline; a phrase listed under several topics counts
/// for each); a topic is tagged when it reaches
/// <see cref="TaggingOptions.TopicMinScore"/> (plus <see cref="TaggingOptions.TopicMinScorePerWord"/> per word of the text,
/// up to <see cref="TaggingOptions.TopicLengthCap"/> words) and a share of the best topic, at most <see cref="TaggingOptions.MaxTopics"/>.
/// </summary>
public sealed class TopicModel
{
    private readonly PhraseIndex<TopicHit[]> _keywords;
    private readonly string[] _slugs;
    private readonly TaggingOptions _options;

    public TopicModel(IReadOnlyList<Topic> topics, TaggingOptions options)
    {
        _options = options;
        _slugs = topics.Select(t => t.Slug).ToArray();
        // A phrase listed under several topics ("drought": weather, disaster, environment) counts for each of them;
        // listed twice under one topic, it counts once, with its larger weight. Abbreviations keep their case ("SAT",
        // "UN" are not "sat" and "un"); every other keyword matches in any case.
        var hits = topics.SelectMany((t, i) => t.Keywords.Select(k => (Key: Normalize(k.Text), Hit: new TopicHit(i, k.Weight))))
            .GroupBy(k => k.Key)
            .ToDictionary(g => g.Key, g => g.GroupBy(k => k.Hit.Topic).Select(h => h.MaxBy(k => k.Hit.Weight).Hit).ToList());
        _keywords = new PhraseIndex<TopicHit[]>(hits.Select(h => (h.Key, WithShorterPhrases(h.Key, h.Value, hits))), caseSensitive: true);
    }

    // The longest phrase wins the words it covers, so it also counts for the topics of the shorter phrases it starts with
    // ("nurses strike" is labour, and "nurses" health); a topic it lists itself keeps that weight, 0 to silence
    // a misleading word ("degrees Celsius" is no education).
    private static TopicHit[] WithShorterPhrases(string key, List<TopicHit> own, Dictionary<string, List<TopicHit>> all)
    {
        var result = new List<TopicHit>(own);
        for (var end = key.LastIndexOf(' '); end > 0; end = key.LastIndexOf(' ', end - 1))
        {
            if (!all.TryGetValue(key[..end], out var shorter)) continue;
            foreach (var hit in shorter)
                if (!result.Exists(h => h.Topic == hit.Topic)) result.Add(hit);
        }
        return result.ToArray();
    }

    /// <summary>The topics in <see cref="Slugs"/> order.</summary>
    public IReadOnlyList<string> Slugs => _slugs;

    public IReadOnlyList<string> Find(string text, List<Token> tokens, int headlineEnd)
    {
        Span<double> scores = stackalloc double[_slugs.Length];
        Span<bool> chosen = stackalloc bool[_slugs.Length];
        Score(text, tokens, headlineEnd, scores);
        Choose(scores, tokens.Count, chosen);
        var result = new List<string>(_options.MaxTopics);
        for (var t = 0; t < chosen.Length; t++)
            if (chosen[t]) result.Add(_slugs[t]);
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>Each topic's keyword score (<see cref="Slugs"/> order); headline keywords count more.</summary>
    public void Score(string text, List<Token> tokens, int headlineEnd, Span<double> scores)
    {
        scores.Clear();
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
            var factor = token.Start < headlineEnd ? _options.TopicHeadlineWeight : 1.0;
            foreach (var hit in phrase.Target) scores[hit.Topic] += hit.Weight * factor;
            i += phrase.Length;
        }
    }

    /// <summary>The keyword rule: a topic is chosen when its score reaches the minimum for the text's length and a
    /// share of the best, at most <see cref="TaggingOptions.MaxTopics"/>, the strongest first.</summary>
    public void Choose(ReadOnlySpan<double> scores, int tokenCount, Span<bool> chosen)
    {
        chosen.Clear();
        var best = 0.0;
        foreach (var s in scores) best = Math.Max(best, s);
        // Longer texts gather more stray keywords, so the floor rises with the length (up to a cap).
        var minScore = _options.TopicMinScore + _options.TopicMinScorePerWord * Math.Min(tokenCount, _options.TopicLengthCap);
        var floor = Math.Max(minScore, best * _options.TopicMinShareOfBest);
        for (var taken = 0; taken < _options.MaxTopics; taken++)
        {
            var pick = -1;
            for (var t = 0; t < scores.Length; t++)
                if (!chosen[t] && scores[t] >= floor && (pick < 0 || scores[t] > scores[pick])) pick = t;
            if (pick < 0) break;
            chosen[pick] = true;
        }
    }

    // "Hip-hop" and "hip hop" are the same tokens, so the same phrase; "Nature" and "nature" too.
    private static string Normalize(string phrase) =>
        string.Join(' ', Tokenizer.Tokenize(phrase).Select(t => t.Has(TokenShape.AllCaps) && t.Length > 1
            ? t.In(phrase).ToString()
            : t.In(phrase).ToString().ToLowerInvariant()));

    private readonly record struct TopicHit(int Topic, double Weight);
}
