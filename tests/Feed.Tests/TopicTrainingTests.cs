using Feed.Tagging;
using Feed.Tagging.Training;

namespace Feed.Tests;

/// <summary>The pieces of the training program (Tagging.Training) that make topic-weights.tsv.</summary>
public sealed class TopicTrainingTests
{
    private static readonly TopicModel Keywords = new(TaggingData.Default.Topics, new TaggingOptions());

    private static LabelledStory Story(string id, string headline, string body, params string[] topics) =>
        new(id, headline, body, [], topics, null);

    private static readonly LabelledStory[] Stories =
    [
        Story("s1", "Nurses strike over pay", "Nurses walked out of hospitals demanding higher wages.", "labour", "health"),
        Story("s2", "Dockers strike at the port", "Port workers stopped work over pay and hours.", "labour", "economy"),
        Story("s3", "Hospital opens new ward", "The hospital said the ward will treat cancer patients.", "health"),
        Story("s4", "Floods hit the capital", "Heavy rain flooded streets and homes; two people died.", "weather", "disaster"),
        Story("s5", "Storm closes schools", "Schools shut as a storm brought heavy rain and wind.", "weather", "education"),
        Story("s6", "Parliament passes budget", "Lawmakers approved the budget after a long debate.", "politics", "economy"),
    ];

    [Fact]
    public void Lbfgs_finds_the_minimum_of_a_convex_function()
    {
        var minimum = Lbfgs.Minimize((x, g) =>
        {
            g[0] = 2 * (x[0] - 3);
            g[1] = 8 * (x[1] + 1);
            return (x[0] - 3) * (x[0] - 3) + 4 * (x[1] + 1) * (x[1] + 1);
        }, [0.0, 0.0]);
        Assert.Equal(3, minimum[0], 4);
        Assert.Equal(-1, minimum[1], 4);
    }

    [Fact]
    public void Logistic_regression_learns_the_words_of_a_topic_and_gives_the_same_weights_every_run()
    {
        var wordsOnly = TopicFeatureSettings.Default with { Keywords = KeywordFeatures.None };
        var features = StoryFeatures.Of(Stories, Keywords, wordsOnly);
        var settings = new TrainingSettings(wordsOnly, L2: 0.01, MinStories: 1, PositiveWeight: 1);
        var first = TrainedTopicModel.Train(features, Keywords.Slugs, settings);
        var second = TrainedTopicModel.Train(features, Keywords.Slugs, settings);
        Assert.Equal(first.Weights.SelectMany(w => w), second.Weights.SelectMany(w => w));
        var labour = Keywords.Slugs.ToList().IndexOf("labour");
        var probabilities = first.Probabilities(features);
        Assert.True(probabilities[0][labour] > 0.5 && probabilities[1][labour] > 0.5, "the strikes are labour");
        Assert.True(probabilities[3][labour] < 0.5, "the flood is not labour");
    }

    [Fact]
    public void Story_features_hold_distinct_words_the_keyword_figures_and_the_labels()
    {
        var features = StoryFeatures.Of(Stories[..1], Keywords, TopicFeatureSettings.Default);
        var story = features[0];
        Assert.Contains("h:nurse", story.Words);
        Assert.Contains("nurse walked", story.Words);
        Assert.Equal(story.Words.Length, story.Words.Distinct().Count());
        Assert.Equal(Keywords.Slugs.Count * 2, story.KeywordValues.Length); // Log and Share
        Assert.Equal(["health", "labour"], Keywords.Slugs.Where((_, t) => story.Labels[t]).Order());
        Assert.Throws<FormatException>(() => StoryFeatures.Of([Story("x", "a", "b", "gossip")], Keywords, TopicFeatureSettings.Default));
    }

    [Fact]
    public void The_vocabulary_keeps_features_found_in_enough_stories()
    {
        var features = StoryFeatures.Of(Stories, Keywords, TopicFeatureSettings.Default);
        var vocabulary = new Vocabulary(features, minStories: 2);
        Assert.Contains("strike", vocabulary.Names);
        Assert.Contains("heavy rain", vocabulary.Names);
        Assert.DoesNotContain("cancer", vocabulary.Names);
        Assert.Equal(vocabulary.Indices(features[0]).Order(), vocabulary.Indices(features[0]));
    }

    [Fact]
    public void Written_weights_read_back_give_the_tagger_the_probabilities_of_training()
    {
        var settings = new TrainingSettings(TopicFeatureSettings.Default, L2: 0.01, MinStories: 1, PositiveWeight: 1);
        var features = StoryFeatures.Of(Stories, Keywords, settings.Features);
        var model = TrainedTopicModel.Train(features, Keywords.Slugs, settings);
        var tsv = WeightsWriter.Write(model, ["made by a test"]);
        Assert.StartsWith("# made by a test", tsv);
        var learned = new LearnedTopicModel(TopicWeights.Parse(tsv), Keywords, new TaggingOptions());
        var expected = model.Probabilities(features);
        for (var i = 0; i < Stories.Length; i++)
        {
            var article = ArticleText.Of(Stories[i].Headline, null, Stories[i].Body);
            var actual = new double[Keywords.Slugs.Count];
            learned.Probabilities(article.Text, article.Tokens, article.HeadlineEnd, actual);
            for (var t = 0; t < actual.Length; t++) Assert.Equal(expected[i][t], actual[t], 2); // weights are written rounded
        }
    }

    [Fact]
    public void Folds_are_the_same_for_the_same_seed_and_differ_in_size_by_one_at_most()
    {
        var folds = CrossValidation.Folds(23, 5);
        Assert.Equal(folds, CrossValidation.Folds(23, 5));
        var sizes = folds.GroupBy(f => f).Select(g => g.Count()).ToArray();
        Assert.Equal(5, sizes.Length);
        Assert.True(sizes.Max() - sizes.Min() <= 1);
        Assert.NotEqual(folds, CrossValidation.Folds(23, 5, seed: 13));
    }

    [Fact]
    public void Cross_validation_scores_every_story_by_a_model_that_did_not_see_it()
    {
        var settings = new TrainingSettings(TopicFeatureSettings.Default, L2: 0.01, MinStories: 1, PositiveWeight: 1);
        var features = StoryFeatures.Of(Stories, Keywords, settings.Features);
        var probabilities = CrossValidation.OutOfFold(features, [], CrossValidation.Folds(features.Count, 3), Keywords.Slugs, settings);
        Assert.All(probabilities, p => Assert.Equal(Keywords.Slugs.Count, p.Length));
        var counts = CrossValidation.Evaluate(features, probabilities, Keywords.Slugs, new DecisionRule(0.3, 0.0, 3));
        Assert.Equal(Stories.Sum(s => s.Topics.Length), counts.TruePositives + counts.FalseNegatives);
    }

    [Fact]
    public void The_command_line_lists_every_combination_of_the_settings_asked_for()
    {
        var line = new CommandLine(["--sets", "a.jsonl,b.jsonl", "--l2", "0.1,0.01", "--keywords", "Log+Share,None", "--per-topic"]);
        Assert.Equal(["a.jsonl", "b.jsonl"], line.Files("sets"));
        Assert.True(line.Has("per-topic"));
        var grid = line.SettingsGrid(TrainCommand.Defaults).ToArray();
        Assert.Equal(4, grid.Length);
        Assert.Contains(grid, s => s.L2 == 0.01 && s.Features.Keywords == (KeywordFeatures.Log | KeywordFeatures.Share));
        Assert.Contains(grid, s => s.L2 == 0.1 && s.Features.Keywords == KeywordFeatures.None);
    }

    [Fact]
    public void The_training_program_refuses_the_held_out_stories()
    {
        Assert.True(HeldOut.IsHeldOut("tests/Feed.Tests/TaggingEvaluation/heldout.jsonl"));
        Assert.Throws<ArgumentException>(() => CrossValidateCommand.Run(new CommandLine(["--sets", "x/heldout.jsonl"]), TextWriter.Null));
        Assert.Throws<ArgumentException>(() => TrainCommand.Run(new CommandLine(["--sets", "heldout.jsonl", "--out", "w.tsv"]), [], TextWriter.Null));
    }

    [Fact]
    public void Tag_counts_are_micro_averaged_and_name_what_was_extra_and_missed()
    {
        var counts = new TagCounts();
        Assert.Null(counts.Add(["a", "b"], ["b", "a"]));
        Assert.Equal("extra [c] missed [a]", counts.Add(["a"], ["c"]));
        Assert.Equal(2 / 3.0, counts.Precision, 9);
        Assert.Equal(2 / 3.0, counts.Recall, 9);
    }
}
