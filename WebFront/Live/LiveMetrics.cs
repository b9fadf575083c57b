using System.Diagnostics.Metrics;
using Feed.Grains.Telemetry;

namespace Feed.WebFront.Live;

/// <summary>
/// This web front's live side on the <c>Feed</c> meter: deliveries (counted once per item and transport, not per
/// recipient call), relay gap fills and skips, slow subscribers cut off; and, read only when scraped, connections,
/// subscriptions and feeds followed by this node.
/// </summary>
public sealed class LiveMetrics
{
    public static readonly KeyValuePair<string, object?> Hub = new("transport", "hub");
    public static readonly KeyValuePair<string, object?> Stream = new("transport", "sse");

    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _gapFills;
    private readonly Counter<long> _skips;
    private readonly Counter<long> _slowDropped;

    public LiveMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(FeedMetrics.MeterName);
        _deliveries = meter.CreateCounter<long>("feed.deliveries", "{delivery}", "Items handed to live subscribers, by transport (hub, sse).");
        _gapFills = meter.CreateCounter<long>("feed.relay.gap_fills", "{read}", "Reads of missed items from a feed grain by this node's relay (a lost push or a lapsed follow).");
        _skips = meter.CreateCounter<long>("feed.relay.skips", "{skip}", "Times this node's relay skipped items history no longer held (its subscribers got a gap event).");
        _slowDropped = meter.CreateCounter<long>("feed.live.slow_disconnects", "{connection}", "Subscribers cut off for falling too far behind, by transport.");
    }

    /// <summary>Starts reading this relay's gauges; the relay registers itself once built.</summary>
    public void Observe(IMeterFactory meters, FeedRelay relay)
    {
        var meter = meters.Create(FeedMetrics.MeterName);
        meter.CreateObservableUpDownCounter("feed.live.connections", () => relay.ConnectionCount, "{connection}", "Live subscribers (hub connections and event streams) on this node.");
        meter.CreateObservableUpDownCounter("feed.live.subscriptions", () => relay.SubscriptionCount, "{subscription}", "Feeds followed by this node's subscribers, summed over subscribers.");
        meter.CreateObservableUpDownCounter("feed.relay.feeds", () => relay.FeedCount, "{feed}", "Feeds this node follows (each once, however many subscribers follow it).");
    }

    public void Delivered(int recipients, KeyValuePair<string, object?> transport) => _deliveries.Add(recipients, transport);

    public void GapFilled() => _gapFills.Add(1);

    public void Skipped() => _skips.Add(1);

    public void SlowDisconnected(KeyValuePair<string, object?> transport) => _slowDropped.Add(1, transport);
}
