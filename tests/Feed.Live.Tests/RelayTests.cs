using Feed.Testing;
using Feed.WebFront.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Feed.Live.Tests;

/// <summary>The relay between fake feed grains and recording subscribers: ordering, gap fill and the once rule.</summary>
public sealed class RelayTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly FakeFeedDirectory _grains = new();
    private readonly RecordingTransport _transport = new();
    private readonly FeedRelay _relay;

    public RelayTests() =>
        _relay = new FeedRelay(_grains, Options.Create(new LiveOptions()), TimeProvider.System, NullLogger<FeedRelay>.Instance);

    internal static Article Story(string id, params string[] feeds) => new() { Id = id, Headline = id, Body = "b", Feeds = feeds };

    private RecordingSubscriber Connect(string id)
    {
        var subscriber = new RecordingSubscriber(id, _transport);
        _relay.Connect(subscriber);
        return subscriber;
    }

    private Task RelayedAsync(string feed, long seq) =>
        Eventually.TrueAsync(() => _relay.CursorOf(feed) >= seq, Wait, $"the relay of {feed} to reach {seq} (at {_relay.CursorOf(feed)})");

    [Fact]
    public async Task Items_reach_a_subscriber_in_seq_order_once_even_when_pushes_come_late_twice_or_never()
    {
        var reader = Connect("reader");
        await _relay.Subscribe(reader.Id, FeedKey.Parse("country:AZ"), after: null);
        var grain = _grains["country:AZ"];
        var items = Enumerable.Range(1, 5).Select(i => grain.Add(Story($"a{i}", "country:AZ"), push: false)).ToArray();

        grain.Push(items[2]);
        grain.Push(items[0]);
        grain.Push(items[0]);
        grain.Push(items[4]);
        await RelayedAsync("country:AZ", 5);

        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"country:AZ#{i} a{i}"), _transport.Of(reader));
    }

    [Fact]
    public async Task An_article_in_two_followed_feeds_reaches_a_subscriber_once_and_the_other_feed_moves_past_it()
    {
        var both = Connect("both");
        var korea = Connect("korea-only");
        await _relay.Subscribe(both.Id, FeedKey.Parse("country:AZ"), null);
        await _relay.Subscribe(both.Id, FeedKey.Parse("country:KR"), null);
        await _relay.Subscribe(korea.Id, FeedKey.Parse("country:KR"), null);

        var story = Story("summit", "country:AZ", "country:KR");
        _grains["country:AZ"].Add(story);
        _grains["country:KR"].Add(story);
        await RelayedAsync("country:AZ", 1);
        await RelayedAsync("country:KR", 1);

        var got = _transport.Of(both);
        Assert.Single(got, g => g.EndsWith(" summit", StringComparison.Ordinal));
        Assert.Single(got, g => g.StartsWith("passed ", StringComparison.Ordinal));
        Assert.Equal(["country:KR#1 summit"], _transport.Of(korea));
    }

    [Fact]
    public async Task Counts_reach_a_feeds_subscribers_only_when_its_head_or_followers_changed()
    {
        var feed = FeedKey.Parse("country:AZ");
        var grain = _grains["country:AZ"];
        grain.OtherNodesFollowers = 2;
        var first = Connect("first");
        var answer = await _relay.Subscribe(first.Id, feed, null);
        Assert.Equal(3, answer.Followers);

        _relay.PushCounts();
        _relay.PushCounts();
        Assert.Equal(["first country:AZ 0 3"], _transport.CountsLog);

        var second = Connect("second");
        Assert.Equal(4, (await _relay.Subscribe(second.Id, feed, null)).Followers);
        grain.Add(Story("a1", "country:AZ"));
        await RelayedAsync("country:AZ", 1);
        _relay.PushCounts();
        Assert.Equal(["first country:AZ 0 3", "first country:AZ 1 4", "second country:AZ 1 4"], _transport.CountsLog.Order());

        _relay.Unsubscribe(second.Id, feed);
        _relay.PushCounts();
        Assert.Equal("first country:AZ 1 3", _transport.CountsLog.Last());
        Assert.Equal(4, _transport.CountsLog.Count);
    }

    [Fact]
    public async Task Items_history_no_longer_holds_become_one_gap_notice_then_delivery_carries_on()
    {
        var reader = Connect("reader");
        await _relay.Subscribe(reader.Id, FeedKey.Parse("country:AZ"), null);
        var grain = _grains["country:AZ"];
        for (var i = 1; i <= 5; i++) grain.Add(Story($"a{i}", "country:AZ"), push: false);
        grain.TrimBefore(4);
        grain.Add(Story("a6", "country:AZ"));
        await RelayedAsync("country:AZ", 6);

        Assert.Equal(["gap country:AZ to 3", "country:AZ#4 a4", "country:AZ#5 a5", "country:AZ#6 a6"], _transport.Of(reader));
    }

    [Fact]
    public async Task A_replayed_subscribe_hands_over_what_was_missed_before_live_items_and_once_across_feeds()
    {
        var azerbaijan = _grains["country:AZ"];
        var korea = _grains["country:KR"];
        azerbaijan.Add(Story("seen", "country:AZ"));
        azerbaijan.Add(Story("missed", "country:AZ"));
        var both = Story("missed-in-both", "country:AZ", "country:KR");
        azerbaijan.Add(both);
        korea.Add(both);

        var reader = Connect("reader");
        var answer = await _relay.Subscribe(reader.Id, FeedKey.Parse("country:AZ"), after: 1, replay: true);
        await _relay.Subscribe(reader.Id, FeedKey.Parse("country:KR"), after: 0, replay: true);
        azerbaijan.Add(Story("live", "country:AZ"));
        await RelayedAsync("country:AZ", 4);

        Assert.Equal(3, answer.Head);
        Assert.Equal(["country:AZ#2 missed", "country:AZ#3 missed-in-both", "passed country:KR#1", "country:AZ#4 live"], _transport.Of(reader));
    }

    [Fact]
    public async Task Each_item_is_encoded_once_per_transport_however_many_subscribers_get_it()
    {
        var other = new RecordingTransport();
        foreach (var id in new[] { "a", "b", "c" }) await _relay.Subscribe(Connect(id).Id, FeedKey.Parse("topic:economy"), null);
        var elsewhere = new RecordingSubscriber("d", other);
        _relay.Connect(elsewhere);
        await _relay.Subscribe(elsewhere.Id, FeedKey.Parse("topic:economy"), null);

        _grains["topic:economy"].Add(Story("rates", "topic:economy"));
        await RelayedAsync("topic:economy", 1);

        Assert.Equal((1, 1), (_transport.Encodings, other.Encodings));
        Assert.Equal(["topic:economy#1 rates"], other.Of(elsewhere));
    }

    [Fact]
    public async Task Subscribing_past_the_per_subscriber_limit_is_refused_as_final()
    {
        var relay = new FeedRelay(_grains, Options.Create(new LiveOptions { MaxSubscriptionsPerConnection = 1 }), TimeProvider.System, NullLogger<FeedRelay>.Instance);
        var reader = new RecordingSubscriber("reader", _transport);
        relay.Connect(reader);
        await relay.Subscribe(reader.Id, FeedKey.Parse("country:AZ"), null);

        var refused = await Assert.ThrowsAsync<FollowRefusedException>(() => relay.Subscribe(reader.Id, FeedKey.Parse("country:KR"), null));
        Assert.False(refused.Transient);
    }
}
