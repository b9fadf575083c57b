namespace Feed.Tagging.Training;

/// <summary>The word features the model gets a weight for: those in at least <c>minStories</c> training stories.</summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, int> _index;

    public Vocabulary(IEnumerable<StoryFeatures> stories, int minStories)
    {
        Names = stories.SelectMany(s => s.Words).GroupBy(w => w, StringComparer.Ordinal)
            .Where(g => g.Count() >= minStories).Select(g => g.Key).Order(StringComparer.Ordinal).ToArray();
        _index = Names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>The indices of a story's known features, ascending.</summary>
    public int[] Indices(StoryFeatures story)
    {
        var indices = new List<int>(story.Words.Length);
        foreach (var w in story.Words)
            if (_index.TryGetValue(w, out var i)) indices.Add(i);
        indices.Sort();
        return indices.ToArray();
    }
}
