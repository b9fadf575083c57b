using Feed.WebFront.Live;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Feed.EndToEnd.Tests;

/// <summary>The event stream <c>GET /api/events</c> on a real port, read line by line by a plain HTTP client.</summary>
public sealed class EventStreamTests : IAsyncLifetime
{
    private FeedHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = await FeedHost.StartAsync(new Dictionary<string, string?>
        {
            ["Feed:Events:HeartbeatInterval"] = "00:00:00.100",
            ["Feed:Live:MaxSubscriptionsPerConnection"] = "4",
        });
        _http = _host.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_follower_gets_each_new_article_as_an_article_event_with_the_feed_item_as_data()
    {
        await using var stream = await EventStreamClient.ConnectAsync(_host.BaseAddress, "relation:KR-AZ,topic:economy");
        await Stories.PublishAsync(_http, Stories.Tagged("sse-1", "Azerbaijan and Korea sign a trade deal", ["AZ", "KR"]));

        var first = await stream.NextEventAsync("the trade deal as an event");
        Assert.Equal("article", first.Type);
        Assert.False(string.IsNullOrEmpty(first.Id));
        Assert.Equal(("relation:AZ-KR", 1L, "sse-1"), (first.Item.Feed, first.Item.Seq, first.Item.Article.Id));
        Assert.Equal("Azerbaijan and Korea sign a trade deal", first.Body.GetProperty("article").GetProperty("headline").GetString());
        Assert.Empty(await stream.DrainAsync(_host, "relation:AZ-KR", "topic:economy"));
    }

    [Fact]
    public async Task A_client_that_reconnects_with_its_last_id_gets_exactly_what_it_missed_then_live_items()
    {
        const string follow = "relation:AZ-KR,topic:economy";
        string lastId;
        await using (var first = await EventStreamClient.ConnectAsync(_host.BaseAddress, follow))
        {
            await Stories.PublishAsync(_http, Stories.Tagged("resume-0", "Seen before leaving", ["AZ", "KR"]));
            await first.NextAsync("the article seen before leaving");
            lastId = first.LastEventId!;
        }
        await Stories.PublishAsync(_http, Stories.Tagged("resume-1", "Missed on the relation", ["AZ", "KR"]));
        await Stories.PublishAsync(_http, Stories.Tagged("resume-2", "Missed on the topic", ["FR"], ["economy"]));

        await using var back = await EventStreamClient.ConnectAsync(_host.BaseAddress, follow, lastId);
        var missed = new[] { await back.NextAsync("the first missed article"), await back.NextAsync("the second missed article") };
        await Stories.PublishAsync(_http, Stories.Tagged("resume-3", "Live again", ["AZ", "KR"], ["economy"]));
        var live = await back.NextAsync("the live article after coming back");

        Assert.Equal(["resume-1", "resume-2"], missed.Select(m => m.Article.Id).Order());
        Assert.Equal("resume-3", live.Article.Id);
        Assert.Empty(await back.DrainAsync(_host, "relation:AZ-KR", "topic:economy"));
    }

    [Fact]
    public async Task An_article_in_several_followed_feeds_comes_once_live_and_again_never_on_resume()
    {
        const string follow = "country:AZ,country:KR,relation:AZ-KR";
        string lastId;
        await using (var stream = await EventStreamClient.ConnectAsync(_host.BaseAddress, follow))
        {
            await Stories.PublishAsync(_http, Stories.SpeakersMeet("once-1"));
            Assert.Equal("once-1", (await stream.NextAsync("the speakers story")).Article.Id);
            Assert.Empty(await stream.DrainAsync(_host, "country:AZ", "country:KR", "relation:AZ-KR"));
            lastId = stream.LastEventId!;
        }
        await Stories.PublishAsync(_http, Stories.Tagged("once-2", "Missed in all three feeds", ["AZ", "KR"]));

        await using var back = await EventStreamClient.ConnectAsync(_host.BaseAddress, follow, lastId, inQuery: true);
        Assert.Equal("once-2", (await back.NextAsync("the article missed in three feeds")).Article.Id);
        Assert.Empty(await back.DrainAsync(_host, "country:AZ", "country:KR", "relation:AZ-KR"));
    }

    [Fact]
    public async Task A_drop_between_an_article_and_the_id_that_passes_it_in_another_feed_does_not_send_it_again()
    {
        // The stream sent the speakers story through country:AZ (seq 1) and dropped before the id that moves country:KR
        // past it: that is the cursor [1, 0]. Resuming from it must not send the story again through country:KR.
        await Stories.PublishAsync(_http, Stories.SpeakersMeet("drop-1"));
        var cursor = StreamCursor.Format([1, 0], StreamCursor.HashOf(["country:AZ", "country:KR"]));

        await using var back = await EventStreamClient.ConnectAsync(_host.BaseAddress, "country:AZ,country:KR", cursor);
        await Stories.PublishAsync(_http, Stories.Tagged("drop-2", "Baku and Seoul open a direct flight", ["AZ", "KR"]));

        Assert.Equal("drop-2", (await back.NextAsync("the article published after the resume")).Article.Id);
        Assert.Empty(await back.DrainAsync(_host, "country:AZ", "country:KR"));
    }

    [Fact]
    public async Task A_cursor_beyond_the_feed_history_gets_a_gap_event_then_live_items()
    {
        // A cursor of a feed list the server knows, but with positions this installation never reached (data reset).
        await using (var probe = await EventStreamClient.ConnectAsync(_host.BaseAddress, "country:JP")) { }
        var future = StreamCursor.Format([500], StreamCursor.HashOf(["country:JP"]));

        await using var stream = await EventStreamClient.ConnectAsync(_host.BaseAddress, "country:JP", future);
        var gap = await stream.NextEventAsync("a gap event");
        Assert.Equal("gap", gap.Type);
        Assert.Equal("country:JP", gap.Body.GetProperty("feed").GetString());
        Assert.False(gap.Body.GetProperty("complete").GetBoolean());

        await Stories.PublishAsync(_http, Stories.Tagged("gap-1", "Tokyo after the gap", ["JP"]));
        Assert.Equal("gap-1", (await stream.NextAsync("the live article after the gap")).Article.Id);
    }

    [Fact]
    public async Task Bad_follow_lists_and_cursors_are_400_problem_details_before_the_stream_starts()
    {
        var goodCursor = StreamCursor.Format([0, 0], StreamCursor.HashOf(["country:AZ", "country:KR"]));
        var cases = new (string Follow, string? Cursor, string Field)[]
        {
            ("", null, "follow"),
            ("country:ZZ", null, "follow"),
            ("country:AZ,planet:mars", null, "follow"),
            ("country:AZ,country:KR,country:FR,country:DE,country:JP", null, "follow"),
            ("country:AZ,country:KR", "not a cursor!", "Last-Event-ID"),
            ("country:AZ,country:KR", "AQIDBAUG", "Last-Event-ID"),
            ("country:AZ,country:KR", goodCursor[..^2], "Last-Event-ID"),
            ("country:AZ,country:FR", goodCursor, "Last-Event-ID"),
        };
        foreach (var (follow, cursor, field) in cases)
        {
            var (status, response, http) = await EventStreamClient.OpenAsync(_host.BaseAddress, follow, cursor);
            using (http)
            {
                Assert.True(HttpStatusCode.BadRequest == status, $"follow={follow} cursor={cursor}: {(int)status}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for '{field}': {problem}");
            }
        }
        Assert.Equal(0, _host.Relay.ConnectionCount);
    }

    [Fact]
    public async Task A_stream_that_stops_being_read_is_cut_off_and_others_get_everything()
    {
        await using var host = await FeedHost.StartAsync(new Dictionary<string, string?> { ["Feed:Live:MaxQueuedMessagesPerConnection"] = "3" });
        using var http = host.CreateHttpClient();
        await using var healthy = await EventStreamClient.ConnectAsync(host.BaseAddress, "country:AZ");
        // Opened, then never read: the socket buffers fill, then events queue for it.
        var (_, stalled, stalledHttp) = await EventStreamClient.OpenAsync(host.BaseAddress, "country:AZ");
        using (stalledHttp)
        using (stalled)
        {
            Assert.Equal(2, host.Relay.ConnectionCount);
            var body = new string('x', 190_000);
            var ids = Enumerable.Range(1, 80).Select(i => $"sse-slow-{i}").ToArray();
            foreach (var id in ids)
                (await http.PostAsJsonAsync("api/articles", new { id, headline = id, body, countries = new[] { "AZ" }, autoTag = false })).EnsureSuccessStatusCode();

            for (var i = 0; i < ids.Length; i++) await healthy.NextAsync($"article {i + 1} of {ids.Length} on the healthy stream");
            Assert.Equal(ids, healthy.Received.Select(r => r.Item.Article.Id));
            await Eventually.TrueAsync(() => host.Relay.ConnectionCount == 1, TimeSpan.FromSeconds(20), "the server to cut off the stream that stopped reading");
        }
    }
}
