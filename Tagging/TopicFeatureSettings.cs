namespace Feed.Tagging;

/// <summary>Which of the keyword model's per-topic figures the learned model reads (each for every topic).</summary>
[Flags]
public enum KeywordFeatures : byte
{
    None = 0,
    /// <summary>ln(1 + score): "kw-log:economy".</summary>
    Log = 1,
    /// <summary>The score as a share of the best topic's: "kw-share:economy".</summary>
    Share = 2,
    /// <summary>1 when the keyword rule would tag the topic: "kw-chosen:economy".</summary>
    Chosen = 4,
}

/// <summary>Which features the learned topic model reads; written in the weights file, so training and tagging agree.</summary>
/// <param name="LengthCap">In a text of n tokens, more than this many, word features weigh √(cap/n): a long article
/// gathers more stray words than the short stories the model learnt from, and should not gain evidence merely by
/// its length (0: never).</param>
public sealed record TopicFeatureSettings(bool Bigrams, bool HeadlineWords, bool FoldPlurals, int LengthCap, KeywordFeatures Keywords)
{
    public static readonly TopicFeatureSettings Default = new(Bigrams: true, HeadlineWords: true, FoldPlurals: true,
        LengthCap: 100, Keywords: KeywordFeatures.Log | KeywordFeatures.Share);

    /// <summary>How much each word feature of a text of <paramref name="tokens"/> tokens weighs (see <see cref="LengthCap"/>).</summary>
    public double WordWeight(int tokens) => LengthCap > 0 && tokens > LengthCap ? Math.Sqrt(LengthCap / (double)tokens) : 1.0;

    /// <summary>"kw-log:economy" and the like, for each chosen figure and topic, in the order <see cref="KeywordValues"/> fills.</summary>
    public IEnumerable<string> KeywordNames(IReadOnlyList<string> slugs)
    {
        foreach (var (flag, name) in new[] { (KeywordFeatures.Log, "kw-log"), (KeywordFeatures.Share, "kw-share"), (KeywordFeatures.Chosen, "kw-chosen") })
            if (Keywords.HasFlag(flag))
                foreach (var slug in slugs) yield return $"{name}:{slug}";
    }

    public int KeywordCount(int topics) => topics * System.Numerics.BitOperations.PopCount((uint)Keywords);

    /// <summary>The keyword figures of one text from its scores and the keyword rule's choice.</summary>
    public void KeywordValues(ReadOnlySpan<double> scores, ReadOnlySpan<bool> chosen, Span<double> values)
    {
        var best = 0.0;
        foreach (var s in scores) best = Math.Max(best, s);
        var k = 0;
        if (Keywords.HasFlag(KeywordFeatures.Log)) foreach (var s in scores) values[k++] = Math.Log(1 + s);
        if (Keywords.HasFlag(KeywordFeatures.Share)) foreach (var s in scores) values[k++] = best > 0 ? s / best : 0;
        if (Keywords.HasFlag(KeywordFeatures.Chosen)) foreach (var c in chosen) values[k++] = c ? 1 : 0;
    }
}
