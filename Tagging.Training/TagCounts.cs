namespace Feed.Tagging.Training;

/// <summary>Micro-averaged precision and recall of predicted tags against labelled ones.</summary>
public sealed class TagCounts
{
    public int TruePositives { get; private set; }
    public int FalsePositives { get; private set; }
    public int FalseNegatives { get; private set; }

    public double Precision => TruePositives / (double)Math.Max(1, TruePositives + FalsePositives);
    public double Recall => TruePositives / (double)Math.Max(1, TruePositives + FalseNegatives);
    public double F1 => 2 * Precision * Recall / Math.Max(1e-9, Precision + Recall);

    /// <summary>Counts one story; returns what was extra and what was missed, or null when both agree.</summary>
    public string? Add(IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var want = expected.ToHashSet();
        var got = actual.ToHashSet();
        var extra = got.Except(want).Order(StringComparer.Ordinal).ToArray();
        var missed = want.Except(got).Order(StringComparer.Ordinal).ToArray();
        TruePositives += got.Count - extra.Length;
        FalsePositives += extra.Length;
        FalseNegatives += missed.Length;
        return extra.Length + missed.Length == 0 ? null : $"extra [{string.Join(",", extra)}] missed [{string.Join(",", missed)}]";
    }

    public void Add(TagCounts other)
    {
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        FalseNegatives += other.FalseNegatives;
    }

    public override string ToString() => $"P {Precision:0.000} R {Recall:0.000} F1 {F1:0.000}";
}
