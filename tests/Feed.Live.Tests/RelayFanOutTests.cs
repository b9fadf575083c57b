using Feed.WebFront.Live;

namespace Feed.Live.Tests;

/// <summary>The fan-out of one feed's items to its local subscribers, on its own: positions, the once rule, one encoding per transport.</summary>
public sealed class RelayFanOutTests
{
    private static RelayedFeed Feed(string key) => new(key, new FakeFeedGrain(key), DateTimeOffset.UnixEpoch) { Cursor = 0 };

    private static FeedItem Item(string feed, long seq, string id, params string[] feeds) =>
        new(feed, seq, RelayTests.Story(id, feeds.Length == 0 ? [feed] : feeds));

    [Fact]
    public void Each_subscriber_gets_an_item_only_past_its_own_position_and_the_cursor_follows()
    {
        var transport = new RecordingTransport();
        var feed = Feed("country:AZ");
        var fresh = new RecordingSubscriber("fresh", transport);
        var ahead = new RecordingSubscriber("ahead", transport);
        feed.AddSubscriber(new RelayedFeed.Subscriber(fresh, 0));
        feed.AddSubscriber(new RelayedFeed.Subscriber(ahead, 1)); // its Subscribe answer already held seq 1

        RelayFanOut.Send(feed, Item("country:AZ", 1, "a1"));
        RelayFanOut.Send(feed, Item("country:AZ", 2, "a2"));
        RelayFanOut.Send(feed, Item("country:AZ", 2, "a2")); // behind the cursor: ignored

        Assert.Equal(["country:AZ#1 a1", "country:AZ#2 a2"], transport.Of(fresh));
        Assert.Equal(["country:AZ#2 a2"], transport.Of(ahead));
        Assert.Equal(2, feed.Cursor);
    }

    [Fact]
    public void An_article_already_sent_through_another_feed_is_passed_over_not_sent_again()
    {
        var transport = new RecordingTransport();
        var azerbaijan = Feed("country:AZ");
        var korea = Feed("country:KR");
        var both = new RecordingSubscriber("both", transport);
        azerbaijan.AddSubscriber(new RelayedFeed.Subscriber(both, 0));
        korea.AddSubscriber(new RelayedFeed.Subscriber(both, 0));

        RelayFanOut.Send(azerbaijan, Item("country:AZ", 1, "summit", "country:AZ", "country:KR"));
        RelayFanOut.Send(korea, Item("country:KR", 1, "summit", "country:AZ", "country:KR"));

        Assert.Equal(["country:AZ#1 summit", "passed country:KR#1"], transport.Of(both));
        Assert.Equal(1, korea.Cursor);
    }

    [Fact]
    public void Subscribers_on_two_transports_cost_one_encoding_each()
    {
        var hub = new RecordingTransport();
        var stream = new RecordingTransport();
        var feed = Feed("topic:economy");
        foreach (var (id, transport) in new[] { ("h1", hub), ("s1", stream), ("h2", hub), ("s2", stream) })
            feed.AddSubscriber(new RelayedFeed.Subscriber(new RecordingSubscriber(id, transport), 0));

        RelayFanOut.Send(feed, Item("topic:economy", 1, "e1"));

        Assert.Equal((1, 1), (hub.Encodings, stream.Encodings));
        Assert.Equal(2, hub.Log.Count);
        Assert.Equal(2, stream.Log.Count);
    }

    [Fact]
    public void A_replay_that_did_not_reach_back_far_enough_starts_with_a_gap()
    {
        var transport = new RecordingTransport();
        var late = new RecordingSubscriber("late", transport);

        RelayFanOut.Replay(late, "country:KR", head: 9, [Item("country:KR", 8, "k8"), Item("country:KR", 9, "k9")], complete: false);

        Assert.Equal(["gap country:KR to 7", "country:KR#8 k8", "country:KR#9 k9"], transport.Of(late));
    }
}
