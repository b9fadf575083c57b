using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Feed.WebFront.Demo;

/// <summary>One entry of a sample source: its number (which fixes its id and date) and the sample article it shows.</summary>
public sealed record DemoEntry(long Number, DateTimeOffset PublishedAt, ArticleSubmission Article);

/// <summary>
/// Which entries the sample sources list now. Entry n appears at n × Interval after the Unix epoch, in source n mod 3,
/// showing sample n mod count; so entries keep their ids and dates across restarts and a new one comes every Interval.
/// </summary>
public sealed class DemoEntries
{
    public static readonly string[] Documents = ["wire.rss", "desk.atom", "digest.json"];

    private readonly DemoOptions _options;
    private readonly TimeProvider _clock;
    private readonly ArticleSubmission[] _samples;

    public DemoEntries(IOptions<DemoOptions> options, IHostEnvironment environment, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        var path = Path.Combine(environment.ContentRootPath, _options.SamplesPath);
        if (!File.Exists(path)) path = Path.Combine(AppContext.BaseDirectory, _options.SamplesPath);
        _samples = File.ReadLines(path).Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<ArticleSubmission>(l, JsonSerializerOptions.Web)!)
            .ToArray();
    }

    /// <summary>The newest entries of one sample document, newest first; empty for a name that is not one.</summary>
    public IReadOnlyList<DemoEntry> Current(string document)
    {
        var slot = Array.IndexOf(Documents, document);
        if (slot < 0) return [];
        var interval = _options.Interval.Ticks;
        var latest = (_clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / interval;
        var entries = new List<DemoEntry>(_options.EntriesPerDocument);
        for (var n = latest - (latest - slot) % Documents.Length; n >= 0 && entries.Count < _options.EntriesPerDocument; n -= Documents.Length)
            entries.Add(new DemoEntry(n, DateTimeOffset.UnixEpoch.AddTicks(n * interval), _samples[n % _samples.Length]));
        return entries;
    }
}
