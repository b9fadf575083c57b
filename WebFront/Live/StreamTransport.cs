using System.Text.Json;

namespace Feed.WebFront.Live;

/// <summary>Hands items to event streams: each item's JSON encoded once and queued for every stream that gets it.</summary>
public sealed class StreamTransport(LiveMetrics? metrics = null) : ILiveTransport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Send(FeedItem item, IReadOnlyList<LiveSubscriber> to)
    {
        var data = JsonSerializer.SerializeToUtf8Bytes(item, Json);
        foreach (var subscriber in to)
        {
            var stream = (StreamSubscriber)subscriber;
            stream.Enqueue(new StreamMessage(StreamMessageKind.Article, stream.SlotOf(item.Feed), item.Seq, data));
        }
        metrics?.Delivered(to.Count, LiveMetrics.Stream);
    }

    /// <summary>A stream was cut off for falling too far behind.</summary>
    public void CutOff() => metrics?.SlowDisconnected(LiveMetrics.Stream);

    public void Passed(FeedItem item, LiveSubscriber subscriber)
    {
        var stream = (StreamSubscriber)subscriber;
        stream.Enqueue(new StreamMessage(StreamMessageKind.Passed, stream.SlotOf(item.Feed), item.Seq, null));
    }

    public void Gap(string feed, long skippedTo, LiveSubscriber subscriber)
    {
        var stream = (StreamSubscriber)subscriber;
        var data = JsonSerializer.SerializeToUtf8Bytes(new GapNotice(feed, false), Json);
        stream.Enqueue(new StreamMessage(StreamMessageKind.Gap, stream.SlotOf(feed), skippedTo, data));
    }

    // The event stream is for feed items: a reader that wants counts asks GET /api/feeds/{feed}.
    public void Counts(FeedCounts counts, IReadOnlyList<LiveSubscriber> to) { }
}
