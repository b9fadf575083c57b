namespace Feed.Tagging.Training;

/// <summary>
/// <c>train --sets A.jsonl,B.jsonl --out Tagging/Data/topic-weights.tsv [settings]</c>: trains the learned topic model on
/// every story of the sets with <see cref="Defaults"/> (or the settings given) and writes its weights, with a header
/// saying how they were made.
/// </summary>
public static class TrainCommand
{
    /// <summary>The settings chosen by cross-validation on the tuning stories (README, section Tagging).</summary>
    public static readonly TrainingSettings Defaults = new(TopicFeatureSettings.Default, L2: 0.001, MinStories: 2, PositiveWeight: 1, Prune: 0.01);

    public static int Run(CommandLine line, IReadOnlyList<string> commandLine, TextWriter output)
    {
        var sets = line.Files("sets");
        var outPath = line.Text("out") ?? throw new ArgumentException("train needs --out.");
        if (sets.Count == 0 || sets.Any(HeldOut.IsHeldOut)) throw new ArgumentException("train needs --sets (never the held-out set).");
        var settings = line.SettingsGrid(Defaults).Single();
        var keywords = new TopicModel(TaggingData.Default.Topics, new TaggingOptions());
        var stories = sets.Select(s => (File: s, Stories: LabelledStory.Read(s))).ToArray();
        var features = StoryFeatures.Of(stories.SelectMany(s => s.Stories), keywords, settings.Features);
        var model = TrainedTopicModel.Train(features, keywords.Slugs, settings);
        var header = new[]
        {
            "topic-weights.tsv - the learned topic model of Feed's tagger (Tagging/LearnedTopicModel.cs): one L2-regularised",
            "logistic regression per IPTC topic over word features and the keyword model's scores (topics.tsv). This project's own.",
            "Made by: dotnet run -c Release --project Tagging.Training -- " + string.Join(' ', commandLine),
            "From: " + string.Join(", ", stories.Select(s => $"{s.File} ({s.Stories.Count} stories)")),
            $"Settings: {settings}; L-BFGS from zero weights (deterministic); {model.Vocabulary.Count} word features in {settings.MinStories}+ stories.",
            "The decision rule is in Tagging/TaggingOptions.cs (TopicMinProbability, TopicFallbackProbability, MaxTopics).",
        };
        File.WriteAllText(outPath, WeightsWriter.Write(model, header));
        output.WriteLine($"wrote {outPath}: {features.Count} stories, {model.Vocabulary.Count} word features, {settings}");
        return 0;
    }
}
