using System.Globalization;

namespace Feed.Tagging;

/// <summary>
/// The learned topic model's weights (Data/topic-weights.tsv, written by Tagging.Training): for each topic a bias, a
/// weight per keyword figure and a weight per word feature. Rows, TAB-separated, '#' starts a comment:
/// <c>setting NAME VALUE</c>; <c>topics SLUG…</c> (the column order); <c>bias W…</c>; <c>keyword kw-log:SLUG W…</c>;
/// <c>word NAME W…</c> (a feature name as <see cref="TopicFeatures.KeyOf"/> reads it). An empty weight is 0.
/// </summary>
public sealed class TopicWeights
{
    private TopicWeights(TopicFeatureSettings settings, string[] slugs, double[] bias, double[] keyword,
        FeatureIndex rows, float[] matrix)
    {
        Settings = settings;
        Slugs = slugs;
        Bias = bias;
        Keyword = keyword;
        Rows = rows;
        Matrix = matrix;
    }

    public TopicFeatureSettings Settings { get; }

    /// <summary>The topics, in the order of every row's weights.</summary>
    public IReadOnlyList<string> Slugs { get; }

    internal double[] Bias { get; }

    /// <summary>Keyword figure j's weight for topic t at [j * topics + t], figures in <see cref="TopicFeatureSettings.KeywordNames"/> order.</summary>
    internal double[] Keyword { get; }

    /// <summary>A word feature's key → its row in <see cref="Matrix"/>.</summary>
    internal FeatureIndex Rows { get; }

    /// <summary>Row r's weight for topic t at [r * topics + t].</summary>
    internal float[] Matrix { get; }

    public int FeatureCount => Rows.Count;

    /// <summary>The weight of a feature ("strike", "h:strike", "kw-log:labour", "bias") for a topic; 0 if not listed.</summary>
    public double Weight(string feature, string slug)
    {
        var t = Array.IndexOf((string[])Slugs, slug);
        if (t < 0) throw new ArgumentException($"'{slug}' is not a topic of the weights.", nameof(slug));
        if (feature == "bias") return Bias[t];
        var k = Settings.KeywordNames(Slugs).ToList().IndexOf(feature);
        if (k >= 0) return Keyword[k * Slugs.Count + t];
        return Rows.TryGetRow(TopicFeatures.KeyOf(feature), out var r) ? Matrix[r * Slugs.Count + t] : 0;
    }

    public static TopicWeights Parse(string tsv)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        string[]? slugs = null;
        double[]? bias = null;
        var keywords = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var rows = new Dictionary<ulong, int>();
        var pairWords = new Dictionary<ulong, FeatureIndex.PairRole>();
        var matrix = new List<float>();
        foreach (var (cells, number) in TaggingData.Rows(tsv, header: null))
        {
            switch (cells[0])
            {
                case "setting" when cells.Length == 3:
                    settings[cells[1]] = cells[2];
                    break;
                case "topics":
                    slugs = cells[1..];
                    break;
                case "bias":
                    bias = Weights(cells, 1, slugs, number);
                    break;
                case "keyword" when cells.Length >= 2:
                    keywords[cells[1]] = Weights(cells, 2, slugs, number);
                    break;
                case "word" when cells.Length >= 2:
                    if (!rows.TryAdd(TopicFeatures.KeyOf(cells[1]), rows.Count))
                        throw new FormatException($"topic-weights.tsv line {number}: '{cells[1]}' is listed twice.");
                    if (TopicFeatures.PairWords(cells[1]) is var (first, second))
                    {
                        pairWords[first] = pairWords.GetValueOrDefault(first) | FeatureIndex.PairRole.First;
                        pairWords[second] = pairWords.GetValueOrDefault(second) | FeatureIndex.PairRole.Second;
                    }
                    foreach (var w in Weights(cells, 2, slugs, number)) matrix.Add((float)w);
                    break;
                default:
                    throw new FormatException($"topic-weights.tsv line {number}: unknown row '{cells[0]}'.");
            }
        }
        if (slugs is null || bias is null) throw new FormatException("topic-weights.tsv: the topics and bias rows are missing.");
        var parsed = ParseSettings(settings);
        var names = parsed.KeywordNames(slugs).ToArray();
        var keyword = new double[names.Length * slugs.Length];
        for (var k = 0; k < names.Length; k++)
        {
            if (!keywords.TryGetValue(names[k], out var w)) throw new FormatException($"topic-weights.tsv: no row for keyword figure {names[k]}.");
            w.CopyTo(keyword, k * slugs.Length);
        }
        if (keywords.Keys.Except(names).FirstOrDefault() is { } unknown)
            throw new FormatException($"topic-weights.tsv: keyword figure {unknown} is not in the settings.");
        return new TopicWeights(parsed, slugs, bias, keyword, new FeatureIndex(rows, pairWords), matrix.ToArray());
    }

    private static TopicFeatureSettings ParseSettings(Dictionary<string, string> s)
    {
        bool Flag(string name) => s.TryGetValue(name, out var v)
            ? bool.Parse(v) : throw new FormatException($"topic-weights.tsv: setting {name} is missing.");
        var keywords = s.TryGetValue("keywords", out var k) && k.Length > 0 && k != "None"
            ? Enum.Parse<KeywordFeatures>(k) : KeywordFeatures.None;
        var (bigrams, headline, fold) = (Flag("bigrams"), Flag("headline-words"), Flag("fold-plurals"));
        var cap = s.TryGetValue("length-cap", out var c) && int.TryParse(c, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n : throw new FormatException("topic-weights.tsv: setting length-cap is missing or not a whole number.");
        return new TopicFeatureSettings(bigrams, headline, fold, cap, keywords);
    }

    private static double[] Weights(string[] cells, int from, string[]? slugs, int line)
    {
        if (slugs is null) throw new FormatException($"topic-weights.tsv line {line}: weights before the topics row.");
        if (cells.Length - from != slugs.Length)
            throw new FormatException($"topic-weights.tsv line {line}: expected {slugs.Length} weights, found {cells.Length - from}.");
        var weights = new double[slugs.Length];
        for (var t = 0; t < weights.Length; t++)
        {
            var cell = cells[from + t];
            if (cell.Length > 0 && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out weights[t]))
                throw new FormatException($"topic-weights.tsv line {line}: '{cell}' is not a number.");
        }
        return weights;
    }
}
