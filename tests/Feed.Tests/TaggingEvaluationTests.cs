using Feed.Tagging.Training;
using System.Text.Json;
using Feed.Tagging;
using Xunit.Abstractions;

namespace Feed.Tests;

/// <summary>
/// Scores the tagger on the labelled sets in TaggingEvaluation/ and prints precision and recall for each:
/// stories.jsonl (the first 143 stories), tune.jsonl and heldout.jsonl (324 wire-style stories written for issue 12,
/// split once by number: wire-NNN is held out when NNN mod 5 is 2 or 4; tune.jsonl also holds 144 stories added later,
/// added-NNN) and train/batch-a…d.jsonl (640 stories by four more writers, train-x-NNN).
/// The learned topic model is trained on stories.jsonl, tune.jsonl and train/ (so its figures there are fitted, not
/// measured: the README gives the cross-validated ones); thresholds and word lists were chosen on those sets only; the
/// targets are asserted on heldout.jsonl.
/// </summary>
public sealed class TaggingEvaluationTests(ITestOutputHelper output)
{
    // Issue 12's targets on stories the tagger was not tuned on: not met yet, so they are printed beside the figures.
    private const double CountryPrecisionTarget = 0.98;
    private const double CountryRecallTarget = 0.97;
    private const double TopicF1Target = 0.88;

    // Just below what the tagger reaches on the held-out stories (see the README for the figures and how often the
    // held-out set was scored): asserted so that no change makes it worse unnoticed, until the targets above hold and
    // replace them.
    // Measured with the learned topic model (held-out looked at twice while building it, a third time in the final
    // run): countries P 0.975, R 0.987; topics P 0.819, R 0.855, F1 0.836.
    private const double CountryPrecisionFloor = 0.97;
    private const double CountryRecallFloor = 0.98;
    private const double TopicF1Floor = 0.83;

    private static readonly ArticleTagger Tagger = new(TaggingData.Default);

    private sealed record Story(string Id, string Headline, string Body, string[] Countries, string[] Topics, string? Note);

    [Fact]
    public void Tagger_scores_on_the_sets_it_was_tuned_on_are_printed()
    {
        foreach (var set in new[] { "stories.jsonl", "tune.jsonl", "train" })
        {
            var (countries, topics) = Score(set, printMisses: true);
            Assert.True(countries.Recall > 0.9, Summary(set, countries, topics));
        }
    }

    [Fact]
    public void Tagger_holds_its_measured_level_on_the_held_out_stories_and_prints_it_beside_the_targets()
    {
        // Misses of the held-out set are not printed, so nobody tunes on them by accident.
        var (countries, topics) = Score("heldout.jsonl", printMisses: false);
        var summary = Summary("heldout.jsonl", countries, topics);
        var targets = $"targets: countries P ≥ {CountryPrecisionTarget}, R ≥ {CountryRecallTarget}; topics F1 ≥ {TopicF1Target}";
        var met = countries.Precision >= CountryPrecisionTarget && countries.Recall >= CountryRecallTarget && topics.F1 >= TopicF1Target;
        output.WriteLine($"{targets}: {(met ? "met" : "not met yet")}");
        Console.WriteLine($"Tagging evaluation: {targets}: {(met ? "met" : "not met yet")}");
        Assert.True(countries.Precision >= CountryPrecisionFloor && countries.Recall >= CountryRecallFloor && topics.F1 >= TopicF1Floor,
            $"Below the level measured on the held-out set (countries P ≥ {CountryPrecisionFloor}, R ≥ {CountryRecallFloor}; topics F1 ≥ {TopicF1Floor}). Measured: {summary}");
    }

    private (TagCounts Countries, TagCounts Topics) Score(string file, bool printMisses)
    {
        // A folder (train/) is scored as one set.
        var path = Path.Combine(AppContext.BaseDirectory, "TaggingEvaluation", file);
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.jsonl").Order(StringComparer.Ordinal).ToArray() : [path];
        var stories = files.SelectMany(File.ReadLines).Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<Story>(l, JsonSerializerOptions.Web)!).ToArray();
        Assert.True(stories.Length >= 100, $"{file} has only {stories.Length} stories");
        var countries = new TagCounts();
        var topics = new TagCounts();
        foreach (var story in stories)
        {
            var tags = Tagger.Tag(story.Headline, null, story.Body);
            var countryMiss = countries.Add(story.Countries, tags.Countries);
            var topicMiss = topics.Add(story.Topics, tags.Topics);
            if (!printMisses) continue;
            if (countryMiss is not null) output.WriteLine($"{story.Id} countries {countryMiss} ({story.Note})");
            if (topicMiss is not null) output.WriteLine($"{story.Id} topics {topicMiss}");
        }
        var summary = Summary(file, countries, topics) + $" ({stories.Length} stories)";
        output.WriteLine(summary);
        Console.WriteLine("Tagging evaluation: " + summary);
        return (countries, topics);
    }

    private static string Summary(string file, TagCounts countries, TagCounts topics) =>
        $"{file}: countries P {countries.Precision:0.000} R {countries.Recall:0.000}; "
        + $"topics P {topics.Precision:0.000} R {topics.Recall:0.000} F1 {topics.F1:0.000}";
}
