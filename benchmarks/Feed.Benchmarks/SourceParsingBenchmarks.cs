using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Feed.Sources.Parsing;

namespace Feed.Benchmarks;

/// <summary>
/// Parsing a fetched document of 1,000 entries (RSS 2.0, Atom, JSON Feed; ~500-character HTML descriptions) with
/// <see cref="FeedDocumentParser.Parse"/>, as a source grain does after a 200: the bytes as fetched, decoded, parsed,
/// HTML turned into text, links made absolute. The mean is per document; the Entries/s column derives entries per second
/// on one core from it.
/// </summary>
[Config(typeof(ThroughputConfig))]
[EntriesPerSecondColumn]
public class SourceParsingBenchmarks
{
    public const int Entries = 1_000;

    private byte[] _rss = null!, _atom = null!, _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rss = SampleFeeds.Rss(Entries);
        _atom = SampleFeeds.Atom(Entries);
        _json = SampleFeeds.Json(Entries);
        // Shown in the benchmark log: sizes, and proof that every entry is read with its text and links.
        foreach (var (name, document) in new[] { ("RSS", ParseRss()), ("Atom", ParseAtom()), ("JSON Feed", ParseJson()) })
        {
            var last = document.Entries[^1];
            if (document.Entries.Count != Entries || last.Summary is null && last.Body is null || last.Link is null || last.PublishedAt is null)
                throw new InvalidOperationException($"{name}: {document.Entries.Count} entries, last one incomplete");
            Console.WriteLine($"// {name}: {Entries} entries; last: \"{last.Title}\" {last.Link} {last.PublishedAt:u}; "
                              + $"text {(last.Summary ?? last.Body)!.Length} chars: {(last.Summary ?? last.Body)![..80]}…");
        }
        Console.WriteLine($"// Sizes: RSS {_rss.Length / 1024} KB, Atom {_atom.Length / 1024} KB, JSON Feed {_json.Length / 1024} KB; "
                          + $"description HTML {SampleFeeds.Description(Entries - 1).Length} chars");
    }

    [Benchmark(Description = "Parse RSS 2.0, 1,000 entries")]
    public SourceDocument ParseRss() => FeedDocumentParser.Parse(_rss, "application/rss+xml; charset=utf-8", SampleFeeds.Address);

    [Benchmark(Description = "Parse Atom, 1,000 entries")]
    public SourceDocument ParseAtom() => FeedDocumentParser.Parse(_atom, "application/atom+xml", SampleFeeds.Address);

    [Benchmark(Description = "Parse JSON Feed, 1,000 entries")]
    public SourceDocument ParseJson() => FeedDocumentParser.Parse(_json, "application/feed+json", SampleFeeds.Address);
}

/// <summary>Adds an Entries/s column: <see cref="SourceParsingBenchmarks.Entries"/> divided by the mean time per document.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EntriesPerSecondColumnAttribute() : ColumnConfigBaseAttribute(new EntriesPerSecondColumn());

public sealed class EntriesPerSecondColumn : IColumn
{
    public string Id => nameof(EntriesPerSecondColumn);
    public string ColumnName => "Entries/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => $"Entries parsed per second on one core ({SourceParsingBenchmarks.Entries:N0} per document / mean)";
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics is { Mean: > 0 } statistics
            ? (SourceParsingBenchmarks.Entries * 1e9 / statistics.Mean).ToString("N0", style.CultureInfo)
            : "NA";
}
