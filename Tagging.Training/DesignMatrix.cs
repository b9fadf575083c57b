namespace Feed.Tagging.Training;

/// <summary>
/// The stories as rows of a sparse matrix: the known word features (each 1, less in a long story: see
/// <see cref="TopicFeatureSettings.LengthCap"/>), then the keyword figures, then a constant 1 for the bias, which is the last column.
/// </summary>
public sealed class DesignMatrix
{
    private readonly int[][] _indices;
    private readonly double[] _wordValue;
    private readonly double[][] _keywords;

    public DesignMatrix(IReadOnlyList<StoryFeatures> stories, Vocabulary vocabulary, TopicFeatureSettings settings)
    {
        _indices = stories.Select(vocabulary.Indices).ToArray();
        _wordValue = stories.Select(s => settings.WordWeight(s.TokenCount)).ToArray();
        _keywords = stories.Select(s => s.KeywordValues).ToArray();
        WordCount = vocabulary.Count;
        KeywordCount = stories.Count > 0 ? stories[0].KeywordValues.Length : 0;
    }

    public int Rows => _indices.Length;
    public int WordCount { get; }
    public int KeywordCount { get; }
    public int Columns => WordCount + KeywordCount + 1;
    public int Bias => Columns - 1;

    public double Dot(int row, ReadOnlySpan<double> weights)
    {
        var words = 0.0;
        foreach (var i in _indices[row]) words += weights[i];
        var sum = words * _wordValue[row] + weights[Bias];
        var keywords = _keywords[row];
        for (var k = 0; k < keywords.Length; k++) sum += keywords[k] * weights[WordCount + k];
        return sum;
    }

    /// <summary>gradient += factor · row.</summary>
    public void AddScaled(int row, double factor, Span<double> gradient)
    {
        var word = factor * _wordValue[row];
        foreach (var i in _indices[row]) gradient[i] += word;
        var keywords = _keywords[row];
        for (var k = 0; k < keywords.Length; k++) gradient[WordCount + k] += factor * keywords[k];
        gradient[Bias] += factor;
    }
}
