using System.IO.Pipelines;
using Feed.Testing;
using Feed.WebFront.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Feed.Live.Tests;

/// <summary>The event stream's subscriber, transport and writer behind the same relay as the hub, without HTTP.</summary>
public sealed class EventStreamTransportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly FakeFeedDirectory _grains = new();
    private readonly StreamTransport _transport = new();
    private readonly FeedRelay _relay;

    public EventStreamTransportTests() =>
        _relay = new FeedRelay(_grains, Options.Create(new LiveOptions()), TimeProvider.System, NullLogger<FeedRelay>.Instance);

    /// <summary>Follows the feeds with the relay (replaying from <paramref name="resumeFrom"/>), relays until each reaches its head, and returns the stream's text.</summary>
    private async Task<(string Text, StreamSubscriber Stream)> FollowAsync(string[] feeds, long[]? resumeFrom, Action publish)
    {
        var stream = new StreamSubscriber(feeds, _transport, recentCapacity: 64, maxQueued: 100);
        _relay.Connect(stream);
        for (var i = 0; i < feeds.Length; i++)
        {
            var answer = await _relay.Subscribe(stream.Id, FeedKey.Parse(feeds[i]), resumeFrom?[i], replay: true);
            stream.Positions[i] = resumeFrom?[i] ?? answer.Head;
        }
        publish();
        foreach (var feed in feeds)
        {
            var head = _grains[feed].Head;
            await Eventually.TrueAsync(() => _relay.CursorOf(feed) >= head, Wait, $"the relay of {feed} to reach {head}");
        }
        stream.Complete();
        var pipe = new Pipe();
        await new EventStreamWriter(stream, pipe.Writer, TimeSpan.FromSeconds(2)).RunAsync(CancellationToken.None);
        await pipe.Writer.CompleteAsync();
        var text = await new StreamReader(pipe.Reader.AsStream()).ReadToEndAsync();
        _relay.Disconnect(stream.Id);
        return (text, stream);
    }

    /// <summary>The article events of a stream's text, as "feed#seq id", in the order written.</summary>
    private static string[] Articles(string text) =>
        text.Split("\n\n").Where(b => b.StartsWith("event: article\n", StringComparison.Ordinal))
            .Select(b => System.Text.Json.JsonDocument.Parse(b[(b.IndexOf("data: ", StringComparison.Ordinal) + 6)..]).RootElement)
            .Select(e => $"{e.GetProperty("feed").GetString()}#{e.GetProperty("seq").GetInt64()} {e.GetProperty("article").GetProperty("id").GetString()}")
            .ToArray();

    private static string LastId(string text) => text.Split('\n').Last(l => l.StartsWith("id: ", StringComparison.Ordinal))[4..];

    [Fact]
    public async Task A_stream_gets_items_in_order_and_an_overlapping_article_once_and_its_last_id_resumes_exactly_after_them()
    {
        string[] feeds = ["country:AZ", "country:KR"];
        var azerbaijan = _grains["country:AZ"];
        var korea = _grains["country:KR"];
        var (text, _) = await FollowAsync(feeds, null, () =>
        {
            var summit = RelayTests.Story("summit", feeds);
            var late = azerbaijan.Add(RelayTests.Story("first", "country:AZ"), push: false);
            azerbaijan.Add(summit);
            korea.Add(summit);
            azerbaijan.Push(late);
        });

        // Each feed in seq order; the summit once, through whichever feed relayed it first.
        var articles = Articles(text);
        Assert.Equal(2, articles.Length);
        Assert.Contains("country:AZ#1 first", articles);
        Assert.Single(articles, a => a.EndsWith(" summit", StringComparison.Ordinal));
        if (articles.Contains("country:AZ#2 summit")) Assert.Equal("country:AZ#1 first", articles[0]);
        Assert.Contains("event: article\n", text);
        Assert.True(StreamCursor.TryParse(LastId(text), feeds, out var positions, out _));
        Assert.Equal([2L, 1L], positions);

        var (resumed, _) = await FollowAsync(feeds, positions, () => korea.Add(RelayTests.Story("after", "country:KR")));
        Assert.Equal(["country:KR#2 after"], Articles(resumed));
    }

    [Fact]
    public async Task A_resume_from_before_the_kept_history_starts_with_a_gap_event()
    {
        var grain = _grains["country:AZ"];
        for (var i = 1; i <= 5; i++) grain.Add(RelayTests.Story($"a{i}", "country:AZ"));
        grain.TrimBefore(4);

        var (text, _) = await FollowAsync(["country:AZ"], [1], () => { });

        Assert.StartsWith("event: gap\n", text[text.IndexOf("event: ", StringComparison.Ordinal)..]);
        Assert.Contains("data: {\"feed\":\"country:AZ\",\"complete\":false}", text);
        Assert.Equal(["country:AZ#4 a4", "country:AZ#5 a5"], Articles(text));
    }

    [Fact]
    public void A_cursor_is_short_for_many_feeds_and_a_forged_or_foreign_one_is_refused()
    {
        var feeds = Enumerable.Range(0, 200).Select(i => $"country:{(char)('A' + i / 26 % 26)}{(char)('A' + i % 26)}").ToArray();
        var cursor = StreamCursor.Format(feeds.Select(_ => 9_000L).ToArray(), StreamCursor.HashOf(feeds));

        Assert.True(cursor.Length < 600, $"a cursor of 200 feeds at seq 9,000 is {cursor.Length} characters");
        Assert.True(StreamCursor.TryParse(cursor, feeds, out var positions, out _));
        Assert.All(positions, p => Assert.Equal(9_000L, p));
        Assert.False(StreamCursor.TryParse(cursor, feeds[1..], out _, out _));
        Assert.False(StreamCursor.TryParse(cursor[..^3], feeds, out _, out _));
        Assert.False(StreamCursor.TryParse(cursor + "AA", feeds, out _, out _));
        Assert.False(StreamCursor.TryParse("%%%", feeds, out _, out _));
        Assert.False(StreamCursor.TryParse("", feeds, out _, out _));
    }
}
