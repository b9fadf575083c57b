using BenchmarkDotNet.Attributes;
using Feed.Tagging;

namespace Feed.Benchmarks;

/// <summary>Articles tagged per second on one core; the target is 20,000 or more for a ~1,500-character article.</summary>
[Config(typeof(ThroughputConfig))]
public class TaggerBenchmarks
{
    private ArticleTagger _tagger = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tagger = new ArticleTagger(TaggingData.Default);
        // Shown in the benchmark log, so a reader can see the sample really exercises several countries and topics.
        var tags = TagArticle();
        Console.WriteLine($"// Sample article: {SampleArticle.Headline.Length + SampleArticle.Summary.Length + SampleArticle.Body.Length} chars; "
                          + $"countries {string.Join(",", tags.Countries)}; topics {string.Join(",", tags.Topics)}");
    }

    /// <summary>Start-up cost once the data files are parsed: building the phrase indexes and the gazetteer.</summary>
    [Benchmark(Description = "Build the tagger (indexes of countries, places, topics)")]
    public ArticleTagger BuildTagger() => new(TaggingData.Default);

    [Benchmark(Description = "Tag a ~1,500-char article")]
    public TagResult TagArticle() => _tagger.Tag(SampleArticle.Headline, SampleArticle.Summary, SampleArticle.Body);
}
