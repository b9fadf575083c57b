using Feed.Testing;
using Feed.WebFront.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Feed.Live.Tests;

/// <summary>One feed's pump on its own, against a fake grain: pushed items in order, fetched gaps, skipped history.</summary>
public sealed class RelayPumpTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static (RelayedFeed Feed, FakeFeedGrain Grain, RecordingTransport Transport, RecordingSubscriber Reader, Task Pump) Start(int maxMissedItems = 100)
    {
        var grain = new FakeFeedGrain("country:NO");
        var feed = new RelayedFeed("country:NO", grain, DateTimeOffset.UnixEpoch) { Cursor = 0 };
        var transport = new RecordingTransport();
        var reader = new RecordingSubscriber("reader", transport);
        feed.AddSubscriber(new RelayedFeed.Subscriber(reader, 0));
        var pump = Task.Run(() => new RelayPump(maxMissedItems, null, NullLogger.Instance).RunAsync(feed));
        return (feed, grain, transport, reader, pump);
    }

    [Fact]
    public async Task Items_that_were_never_pushed_are_fetched_from_the_grain_when_a_later_head_is_learnt()
    {
        var (feed, grain, transport, reader, pump) = Start();
        foreach (var i in Enumerable.Range(1, 3)) grain.Add(RelayTests.Story($"n{i}", "country:NO"), push: false);

        feed.HeadIs(3);
        await Eventually.TrueAsync(() => feed.Cursor == 3, Wait, $"the pump to reach seq 3 (at {feed.Cursor})");

        Assert.Equal(["country:NO#1 n1", "country:NO#2 n2", "country:NO#3 n3"], transport.Of(reader));
        feed.Close();
        await Eventually.Within(pump, Wait, "the pump to end once the feed is closed");
    }

    [Fact]
    public async Task History_that_no_longer_reaches_the_cursor_becomes_a_gap_then_delivery_carries_on()
    {
        var (feed, grain, transport, reader, pump) = Start();
        foreach (var i in Enumerable.Range(1, 5)) grain.Add(RelayTests.Story($"n{i}", "country:NO"), push: false);
        grain.TrimBefore(4);

        feed.HeadIs(5);
        await Eventually.TrueAsync(() => feed.Cursor == 5, Wait, $"the pump to reach seq 5 (at {feed.Cursor})");

        Assert.Equal(["gap country:NO to 3", "country:NO#4 n4", "country:NO#5 n5"], transport.Of(reader));
        feed.Close();
        await Eventually.Within(pump, Wait, "the pump to end once the feed is closed");
    }
}
