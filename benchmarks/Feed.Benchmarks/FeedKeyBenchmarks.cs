using BenchmarkDotNet.Attributes;

namespace Feed.Benchmarks;

/// <summary>Parsing feed keys as clients type them (any case, relation codes in either order).</summary>
[Config(typeof(ThroughputConfig))]
public class FeedKeyBenchmarks
{
    [Benchmark(Description = "Parse country:az")]
    public FeedKey ParseCountry() => FeedKey.Parse("country:az");

    [Benchmark(Description = "Parse Relation:kr-az")]
    public FeedKey ParseRelation() => FeedKey.Parse("Relation:kr-az");

    [Benchmark(Description = "Parse topic:economy")]
    public FeedKey ParseTopic() => FeedKey.Parse("topic:economy");
}
