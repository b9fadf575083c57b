namespace Feed.Tagging.Training;

/// <summary>One logistic regression per topic over the same features (one-vs-rest), as trained; written out by
/// <see cref="WeightsWriter"/> for the tagger's <see cref="LearnedTopicModel"/>.</summary>
public sealed class TrainedTopicModel
{
    private TrainedTopicModel(IReadOnlyList<string> slugs, TrainingSettings settings, Vocabulary vocabulary, double[][] weights, int stories)
    {
        Slugs = slugs;
        Settings = settings;
        Vocabulary = vocabulary;
        Weights = weights;
        Stories = stories;
    }

    public IReadOnlyList<string> Slugs { get; }
    public TrainingSettings Settings { get; }
    public Vocabulary Vocabulary { get; }

    /// <summary>Per topic: the word weights, then the keyword figures', then the bias (<see cref="DesignMatrix"/> columns).</summary>
    public double[][] Weights { get; }

    /// <summary>How many stories it was trained on.</summary>
    public int Stories { get; }

    public static TrainedTopicModel Train(IReadOnlyList<StoryFeatures> stories, IReadOnlyList<string> slugs, TrainingSettings settings)
    {
        var vocabulary = new Vocabulary(stories, settings.MinStories);
        var x = new DesignMatrix(stories, vocabulary, settings.Features);
        var weights = new double[slugs.Count][];
        for (var t = 0; t < slugs.Count; t++)
        {
            weights[t] = LogisticRegression.Train(x, stories.Select(s => s.Labels[t]).ToArray(), settings.L2, settings.PositiveWeight);
            for (var j = 0; j < x.WordCount; j++)
                if (Math.Abs(weights[t][j]) < settings.Prune) weights[t][j] = 0;
        }
        return new TrainedTopicModel(slugs, settings, vocabulary, weights, stories.Count);
    }

    /// <summary>Each topic's probability for stories that may not have been trained on.</summary>
    public double[][] Probabilities(IReadOnlyList<StoryFeatures> stories)
    {
        var x = new DesignMatrix(stories, Vocabulary, Settings.Features);
        return Enumerable.Range(0, x.Rows)
            .Select(i => Weights.Select(w => LogisticRegression.Sigmoid(x.Dot(i, w))).ToArray())
            .ToArray();
    }
}
