using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Feed.Grains.Telemetry;

/// <summary>
/// Feed's own instruments on the publish path (meter <c>Feed</c>): counters and histograms only, each recorded once per
/// article, batch or poll with tags made once here, so the hot path allocates nothing for them. Exported by the
/// process's OpenTelemetry meter provider (<c>/metrics</c>); with no listener a recording costs a branch.
/// </summary>
public sealed class FeedMetrics
{
    public const string MeterName = "Feed";

    /// <summary>Bucket bounds in seconds from 0.5 ms to 10 s, fine enough to read a p99 of a few milliseconds.</summary>
    public static readonly IReadOnlyList<double> LatencyBuckets =
        [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];

    private static readonly KeyValuePair<string, object?> Created = new("outcome", "created");
    private static readonly KeyValuePair<string, object?> Duplicate = new("outcome", "duplicate");

    private readonly Counter<long> _published;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _publishDuration;
    private readonly Counter<long> _appended;
    private readonly Histogram<double> _appendDuration;
    private readonly Counter<long> _pushes;
    private readonly Counter<long> _polls;
    private readonly Counter<long> _retentionDeleted;

    public FeedMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _published = meter.CreateCounter<long>("feed.articles.published", "{article}", "New articles stored and delivered to all their feeds (duplicates not counted).");
        _rejected = meter.CreateCounter<long>("feed.articles.rejected", "{article}", "Publishes refused, by reason.");
        _publishDuration = meter.CreateHistogram("feed.publish.duration", "s", "From a publish arriving to its answer: checks, tagging, storing, appending to every feed.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _appended = meter.CreateCounter<long>("feed.items.appended", "{item}", "Items appended to feed histories (an article in three feeds is three).");
        _appendDuration = meter.CreateHistogram("feed.store.append.duration", "s", "One batched write of feed items to storage.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _pushes = meter.CreateCounter<long>("feed.pushes", "{push}", "One-way pushes of items from feed grains to following web fronts.");
        _polls = meter.CreateCounter<long>("feed.sources.polls", "{poll}", "Polls of followed sources, by outcome (ok, not_modified, error).");
        _retentionDeleted = meter.CreateCounter<long>("feed.retention.deleted", "{article}", "Articles deleted after Feed:Retention.");
    }

    public void Published() => _published.Add(1);

    public void Rejected(RejectReason reason) => _rejected.Add(1, RejectTags[(int)reason]);

    public void PublishTook(TimeSpan duration, bool duplicate) => _publishDuration.Record(duration.TotalSeconds, duplicate ? Duplicate : Created);

    public void Appended(int items, TimeSpan took)
    {
        _appended.Add(items);
        _appendDuration.Record(took.TotalSeconds);
    }

    public void Pushed(int followers)
    {
        if (followers > 0) _pushes.Add(followers);
    }

    public void Polled(PollResult result) => _polls.Add(1, PollTags[(int)result]);

    public void RetentionDeleted(long articles) => _retentionDeleted.Add(articles);

    /// <summary>Starts timing a publish; <see cref="Stopwatch.GetElapsedTime(long)"/> of it gives the duration.</summary>
    public static long Start() => Stopwatch.GetTimestamp();

    private static readonly KeyValuePair<string, object?>[] RejectTags =
        Enum.GetValues<RejectReason>().Select(r => new KeyValuePair<string, object?>("reason", Snake(r.ToString()))).ToArray();

    private static readonly KeyValuePair<string, object?>[] PollTags =
        Enum.GetValues<PollResult>().Select(r => new KeyValuePair<string, object?>("outcome", Snake(r.ToString()))).ToArray();

    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

/// <summary>Why a publish was refused (the <c>reason</c> tag of <c>feed.articles.rejected</c>).</summary>
public enum RejectReason
{
    Invalid,
    TooLarge,
    UnsupportedMediaType,
    RateLimited,
    Unavailable,
}

/// <summary>How a source poll went (the <c>outcome</c> tag of <c>feed.sources.polls</c>).</summary>
public enum PollResult
{
    Ok,
    NotModified,
    Error,
}
