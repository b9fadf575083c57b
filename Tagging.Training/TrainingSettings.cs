namespace Feed.Tagging.Training;

/// <summary>How the learned topic model is trained: its features, the L2 strength, how many training stories a word
/// feature needs to get a weight, how much a story labelled with the topic weighs against one that is not, and below
/// which size a word's weight is dropped after training (so the weights file stays small).</summary>
public sealed record TrainingSettings(TopicFeatureSettings Features, double L2, int MinStories, double PositiveWeight, double Prune = 0)
{
    public override string ToString() =>
        $"bigrams={Features.Bigrams} headline-words={Features.HeadlineWords} fold-plurals={Features.FoldPlurals} "
        + $"length-cap={Features.LengthCap} keywords={Features.Keywords.ToString().Replace(" ", "")} "
        + $"l2={L2:g3} min-stories={MinStories} positive-weight={PositiveWeight:g3} prune={Prune:g3}";
}
