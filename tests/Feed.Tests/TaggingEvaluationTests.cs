using System.Text.Json;
using Feed.Tagging;
using Xunit.Abstractions;

namespace Feed.Tests;

/// <summary>
/// Scores the tagger on the labelled stories in TaggingEvaluation/stories.jsonl and prints precision and
/// recall; fails below the targets the README states.
/// </summary>
public sealed class TaggingEvaluationTests(ITestOutputHelper output)
{
    private const double CountryPrecisionTarget = 0.97;
    private const double CountryRecallTarget = 0.95;
    private const double TopicF1Target = 0.85;

    private sealed record Story(string Id, string Headline, string Body, string[] Countries, string[] Topics, string? Note);

    [Fact]
    public void Tagger_meets_the_precision_and_recall_targets_on_the_evaluation_set()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TaggingEvaluation", "stories.jsonl");
        var stories = File.ReadLines(path).Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<Story>(l, JsonSerializerOptions.Web)!).ToArray();
        Assert.True(stories.Length >= 50, $"the evaluation set has only {stories.Length} stories");

        var tagger = new ArticleTagger(TaggingData.Default);
        var countries = new Score();
        var topics = new Score();
        foreach (var story in stories)
        {
            var tags = tagger.Tag(story.Headline, null, story.Body);
            var countryMiss = countries.Add(story.Countries, tags.Countries);
            var topicMiss = topics.Add(story.Topics, tags.Topics);
            if (countryMiss is not null) output.WriteLine($"{story.Id} countries {countryMiss} ({story.Note})");
            if (topicMiss is not null) output.WriteLine($"{story.Id} topics {topicMiss}");
        }

        var summary = $"{stories.Length} stories. Countries: precision {countries.Precision:0.000}, recall {countries.Recall:0.000}. "
                      + $"Topics: precision {topics.Precision:0.000}, recall {topics.Recall:0.000}, micro-F1 {topics.F1:0.000}.";
        output.WriteLine(summary);
        Console.WriteLine("Tagging evaluation: " + summary);
        Assert.True(countries.Precision >= CountryPrecisionTarget, summary);
        Assert.True(countries.Recall >= CountryRecallTarget, summary);
        Assert.True(topics.F1 >= TopicF1Target, summary);
    }

    private sealed class Score
    {
        private int _truePositives, _falsePositives, _falseNegatives;

        public double Precision => _truePositives / (double)Math.Max(1, _truePositives + _falsePositives);
        public double Recall => _truePositives / (double)Math.Max(1, _truePositives + _falseNegatives);
        public double F1 => 2 * Precision * Recall / Math.Max(1e-9, Precision + Recall);

        public string? Add(IEnumerable<string> expected, IEnumerable<string> actual)
        {
            var want = expected.ToHashSet();
            var got = actual.ToHashSet();
            var extra = got.Except(want).ToArray();
            var missed = want.Except(got).ToArray();
            _truePositives += got.Intersect(want).Count();
            _falsePositives += extra.Length;
            _falseNegatives += missed.Length;
            return extra.Length + missed.Length == 0 ? null : $"extra [{string.Join(",", extra)}] missed [{string.Join(",", missed)}]";
        }
    }
}
