namespace Feed.Tagging.Training;

/// <summary>How the learned topic model is trained: its features, the L2 strength, how many training stories a word
/// feature needs to get a weight, and how much a story labelled with the topic weighs against one that is not.</summary>
public sealed record TrainingSettings(TopicFeatureSettings Features, double L2, int MinStories, double PositiveWeight)
{
    public override string ToString() =>
        $"bigrams={Features.Bigrams} headline-words={Features.HeadlineWords} fold-plurals={Features.FoldPlurals} "
        + $"normalize-words={Features.NormalizeWords} keywords={Features.Keywords.ToString().Replace(" ", "")} "
        + $"l2={L2:g3} min-stories={MinStories} positive-weight={PositiveWeight:g3}";
}
