using System.Collections.Concurrent;
using Feed.WebFront.Live;

namespace Feed.Live.Tests;

/// <summary>A transport that records what the relay hands each subscriber: "feed#seq id", "passed feed#seq", "gap feed".</summary>
public sealed class RecordingTransport : ILiveTransport
{
    public ConcurrentDictionary<string, ConcurrentQueue<string>> Log { get; } = new();

    /// <summary>How many times <see cref="Send"/> was called, however many subscribers each call had.</summary>
    public int Encodings;

    public string[] Of(LiveSubscriber subscriber) => [.. Log.GetOrAdd(subscriber.Id, _ => new())];

    public void Send(FeedItem item, IReadOnlyList<LiveSubscriber> to)
    {
        Interlocked.Increment(ref Encodings);
        foreach (var s in to) Log.GetOrAdd(s.Id, _ => new()).Enqueue($"{item.Feed}#{item.Seq} {item.Article.Id}");
    }

    public void Passed(FeedItem item, LiveSubscriber subscriber) =>
        Log.GetOrAdd(subscriber.Id, _ => new()).Enqueue($"passed {item.Feed}#{item.Seq}");

    public void Gap(string feed, long skippedTo, LiveSubscriber subscriber) =>
        Log.GetOrAdd(subscriber.Id, _ => new()).Enqueue($"gap {feed} to {skippedTo}");

    /// <summary>Counts pushed, kept apart from the item log: "subscriber feed head followers".</summary>
    public ConcurrentQueue<string> CountsLog { get; } = new();

    public void Counts(FeedCounts counts, IReadOnlyList<LiveSubscriber> to)
    {
        foreach (var s in to) CountsLog.Enqueue($"{s.Id} {counts.Feed} {counts.Head} {counts.Followers}");
    }
}

public sealed class RecordingSubscriber(string id, RecordingTransport transport) : LiveSubscriber(id, recentCapacity: 64)
{
    public override ILiveTransport Transport => transport;
}
