using System.Numerics;

namespace Feed.Tagging;

/// <summary>
/// Topics by a linear model learned from labelled stories (<see cref="TopicWeights"/>, trained by Tagging.Training):
/// for each topic, a logistic regression over the text's word features (<see cref="TopicFeatures"/>) and the keyword
/// model's scores (<see cref="TopicModel"/>). One pass over the tokens the tagger already has, a lookup per feature and
/// a dot product per topic. A topic is tagged when its probability reaches
/// <see cref="TaggingOptions.TopicMinProbability"/>, at most <see cref="TaggingOptions.MaxTopics"/>, the likeliest first;
/// when none does, the likeliest is tagged if it reaches <see cref="TaggingOptions.TopicFallbackProbability"/>.
/// </summary>
public sealed class LearnedTopicModel
{
    private readonly TopicWeights _weights;
    private readonly TopicModel _keywords;
    private readonly TaggingOptions _options;

    public LearnedTopicModel(TopicWeights weights, TopicModel keywords, TaggingOptions options)
    {
        if (!weights.Slugs.SequenceEqual(keywords.Slugs))
            throw new ArgumentException($"The weights' topics ({string.Join(",", weights.Slugs)}) are not the keyword model's "
                                        + $"({string.Join(",", keywords.Slugs)}): retrain them (Tagging.Training).", nameof(weights));
        _weights = weights;
        _keywords = keywords;
        _options = options;
    }

    public IReadOnlyList<string> Find(string text, List<Token> tokens, int headlineEnd)
    {
        Span<double> probabilities = stackalloc double[_weights.Slugs.Count];
        Span<bool> chosen = stackalloc bool[_weights.Slugs.Count];
        Probabilities(text, tokens, headlineEnd, probabilities);
        Choose(probabilities, _options.TopicMinProbability, _options.TopicFallbackProbability, _options.MaxTopics, chosen);
        var result = new List<string>(_options.MaxTopics);
        for (var t = 0; t < chosen.Length; t++)
            if (chosen[t]) result.Add(_weights.Slugs[t]);
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>Each topic's probability (in <see cref="TopicWeights.Slugs"/> order).</summary>
    public void Probabilities(string text, List<Token> tokens, int headlineEnd, Span<double> probabilities)
    {
        var topics = _weights.Slugs.Count;
        var settings = _weights.Settings;
        Span<float> sums = stackalloc float[topics];
        Span<ulong> seen = _weights.FeatureCount <= 64 * 2048 ? stackalloc ulong[_weights.FeatureCount / 64 + 1] : new ulong[_weights.FeatureCount / 64 + 1];
        var sink = new Accumulator(_weights.Matrix, topics, sums, seen);
        AddFeatures(text, tokens, headlineEnd, settings, _weights.Rows, ref sink);
        var scale = settings.WordWeight(tokens.Count);
        for (var t = 0; t < topics; t++) probabilities[t] = _weights.Bias[t] + scale * sums[t];

        var keywordCount = settings.KeywordCount(topics);
        if (keywordCount > 0)
        {
            Span<double> scores = stackalloc double[topics];
            Span<bool> keywordChosen = stackalloc bool[topics];
            Span<double> values = stackalloc double[keywordCount];
            _keywords.Score(text, tokens, headlineEnd, scores);
            _keywords.Choose(scores, tokens.Count, keywordChosen);
            settings.KeywordValues(scores, keywordChosen, values);
            var keyword = _weights.Keyword;
            for (var k = 0; k < keywordCount; k++)
            {
                if (values[k] == 0) continue;
                for (var t = 0; t < topics; t++) probabilities[t] += values[k] * keyword[k * topics + t];
            }
        }
        for (var t = 0; t < topics; t++) probabilities[t] = 1 / (1 + Math.Exp(-probabilities[t]));
    }

    /// <summary>The decision rule, shared with the training program's cross-validation: every topic at
    /// <paramref name="min"/> or above, the likeliest first, at most <paramref name="max"/>; if none, the likeliest
    /// when it reaches <paramref name="fallback"/>.</summary>
    public static void Choose(ReadOnlySpan<double> probabilities, double min, double fallback, int max, Span<bool> chosen)
    {
        chosen.Clear();
        var taken = 0;
        for (; taken < max; taken++)
        {
            var pick = -1;
            for (var t = 0; t < probabilities.Length; t++)
                if (!chosen[t] && probabilities[t] >= min && (pick < 0 || probabilities[t] > probabilities[pick])) pick = t;
            if (pick < 0) break;
            chosen[pick] = true;
        }
        if (taken > 0 || probabilities.Length == 0) return;
        var best = 0;
        for (var t = 1; t < probabilities.Length; t++)
            if (probabilities[t] > probabilities[best]) best = t;
        if (probabilities[best] >= fallback) chosen[best] = true;
    }

    /// <summary>
    /// The features <see cref="TopicFeatures.Extract{TSink}"/> finds, but only those with a row, looked up with one probe
    /// per word: a pair of words is looked up only when its first word starts a known pair and its second ends one.
    /// </summary>
    private static void AddFeatures(string text, List<Token> tokens, int headlineEnd, TopicFeatureSettings settings, FeatureIndex index, ref Accumulator sink)
    {
        var previous = 0UL;
        var previousStartsPair = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var key = TopicFeatures.WordKey(TopicFeatures.Word(text, tokens[i], settings.FoldPlurals));
            var row = index.Find(key, out var role);
            if (row >= 0) sink.AddRow(row);
            if (settings.HeadlineWords && tokens[i].Start < headlineEnd && index.TryGetRow(TopicFeatures.HeadlineKey(key), out var headline))
                sink.AddRow(headline);
            if (settings.Bigrams && previousStartsPair && (role & FeatureIndex.PairRole.Second) != 0
                && TopicFeatures.SameSentence(text, tokens[i - 1], tokens[i])
                && index.TryGetRow(TopicFeatures.BigramKey(previous, key), out var pair))
                sink.AddRow(pair);
            previous = key;
            previousStartsPair = (role & FeatureIndex.PairRole.First) != 0;
        }
    }

    // Adds each known feature's row once (features are present or absent, however often they occur).
    private ref struct Accumulator(float[] matrix, int topics, Span<float> sums, Span<ulong> seen)
    {
        private readonly Span<float> _sums = sums;
        private readonly Span<ulong> _seen = seen;

        public void AddRow(int row)
        {
            ref var bits = ref _seen[row >> 6];
            var bit = 1UL << (row & 63);
            if ((bits & bit) != 0) return;
            bits |= bit;
            var weights = matrix.AsSpan(row * topics, topics);
            var t = 0;
            if (Vector.IsHardwareAccelerated)
                for (; t + Vector<float>.Count <= weights.Length; t += Vector<float>.Count)
                    (new Vector<float>(_sums[t..]) + new Vector<float>(weights[t..])).CopyTo(_sums[t..]);
            for (; t < weights.Length; t++) _sums[t] += weights[t];
        }
    }
}
