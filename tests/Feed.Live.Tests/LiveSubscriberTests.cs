using Feed.WebFront.Live;

namespace Feed.Live.Tests;

/// <summary>The once-per-subscriber rule on its own: what a subscriber remembers, and for how long.</summary>
public sealed class LiveSubscriberTests
{
    private static Article InTwoFeeds(string id) => RelayTests.Story(id, "country:AZ", "country:KR");

    [Fact]
    public void An_article_in_several_feeds_is_marked_sent_once()
    {
        var subscriber = new RecordingSubscriber("s", new RecordingTransport());

        Assert.True(subscriber.TryMarkSent(InTwoFeeds("summit")));
        Assert.False(subscriber.TryMarkSent(InTwoFeeds("summit")));
        Assert.True(subscriber.TryMarkSent(InTwoFeeds("another")));
    }

    [Fact]
    public void An_article_in_one_feed_needs_no_memory_and_is_always_sendable()
    {
        var subscriber = new RecordingSubscriber("s", new RecordingTransport());
        var single = RelayTests.Story("solo", "country:AZ");

        Assert.True(subscriber.TryMarkSent(single));
        Assert.True(subscriber.TryMarkSent(single));
    }

    [Fact]
    public void The_subscriber_remembers_exactly_its_most_recent_articles_oldest_forgotten_first()
    {
        var subscriber = new RecordingSubscriber("s", new RecordingTransport()); // remembers 64
        foreach (var i in Enumerable.Range(0, 64)) Assert.True(subscriber.TryMarkSent(InTwoFeeds($"a{i}")));

        Assert.False(subscriber.TryMarkSent(InTwoFeeds("a0")));  // still remembered: 64 back
        Assert.True(subscriber.TryMarkSent(InTwoFeeds("a64")));   // the 65th pushes a0 out
        Assert.True(subscriber.TryMarkSent(InTwoFeeds("a0")));    // forgotten, so sendable again (pushes a1 out)
        Assert.False(subscriber.TryMarkSent(InTwoFeeds("a2")));
        Assert.True(subscriber.TryMarkSent(InTwoFeeds("a1")));
    }
}
