using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Feed.EndToEnd.Tests;

/// <summary>The core path on a real port: publish over HTTP, receive over the real SignalR client.</summary>
public sealed class PublishToScreenTests : IAsyncLifetime
{
    private FeedHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = await FeedHost.StartAsync();
        _http = _host.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_speakers_story_is_tagged_with_both_countries_their_relation_and_its_topics()
    {
        var answer = await Stories.PublishAsync(_http, Stories.SpeakersMeet("speakers-1"));

        Assert.False(answer.Duplicate);
        Assert.Equal(["AZ", "KR"], answer.Countries);
        Assert.Contains("country:AZ", answer.Feeds);
        Assert.Contains("country:KR", answer.Feeds);
        Assert.Contains("relation:AZ-KR", answer.Feeds);
        Assert.Superset(new HashSet<string> { "politics", "economy", "education" }, answer.Topics.ToHashSet());
        Assert.All(answer.Topics, t => Assert.Contains("topic:" + t, answer.Feeds));
    }

    [Fact]
    public async Task A_relation_follower_receives_the_article_live_once_with_the_next_seq()
    {
        await using var client = await LiveClient.ConnectAsync(_host);
        var before = await client.SubscribeAsync("relation:KR-AZ");
        Assert.Equal("relation:AZ-KR", before.Feed);

        await Stories.PublishAsync(_http, Stories.SpeakersMeet("speakers-live"));

        var item = await client.NextAsync("the speakers story on relation:AZ-KR");
        Assert.Equal("relation:AZ-KR", item.Feed);
        Assert.Equal(before.Head + 1, item.Seq);
        Assert.Equal("speakers-live", item.Article.Id);
        await _host.WaitUntilRelayedAsync("relation:AZ-KR");
        Assert.Empty(await client.DrainAsync());
    }

    [Fact]
    public async Task A_client_following_both_countries_and_their_relation_gets_the_article_once()
    {
        await using var client = await LiveClient.ConnectAsync(_host);
        string[] feeds = ["country:AZ", "country:KR", "relation:AZ-KR"];
        foreach (var feed in feeds) await client.SubscribeAsync(feed);

        await Stories.PublishAsync(_http, Stories.SpeakersMeet("speakers-once"));
        var item = await client.NextAsync("the speakers story");
        await _host.WaitUntilRelayedAsync(feeds);

        Assert.Equal("speakers-once", item.Article.Id);
        Assert.Empty(await client.DrainAsync());
    }

    [Fact]
    public async Task A_returning_client_gets_exactly_what_it_missed_then_the_live_stream()
    {
        const string feed = "relation:AZ-KR";
        long lastSeen;
        await using (var first = await LiveClient.ConnectAsync(_host))
        {
            await first.SubscribeAsync(feed);
            await Stories.PublishAsync(_http, Stories.Tagged("away-0", "Seen before leaving", ["AZ", "KR"]));
            lastSeen = (await first.NextAsync("the article seen before leaving")).Seq;
        }
        for (var i = 1; i <= 3; i++) await Stories.PublishAsync(_http, Stories.Tagged($"away-{i}", $"Missed {i}", ["AZ", "KR"]));

        await using var back = await LiveClient.ConnectAsync(_host);
        var answer = await back.SubscribeAsync(feed, after: lastSeen);
        await Stories.PublishAsync(_http, Stories.Tagged("away-4", "Live again", ["AZ", "KR"]));
        var live = await back.NextAsync("the first live article after coming back");

        Assert.True(answer.Complete);
        Assert.Equal(["away-1", "away-2", "away-3"], answer.Missed.Select(m => m.Article.Id));
        Assert.Equal([lastSeen + 1, lastSeen + 2, lastSeen + 3], answer.Missed.Select(m => m.Seq));
        Assert.Equal(answer.Head, lastSeen + 3);
        Assert.Equal(("away-4", lastSeen + 4), (live.Article.Id, live.Seq));
        await _host.WaitUntilRelayedAsync(feed);
        Assert.Empty(await back.DrainAsync());
    }

    [Fact]
    public async Task MessagePack_clients_receive_the_same_items()
    {
        await using var client = await LiveClient.ConnectAsync(_host, messagePack: true);
        var before = await client.SubscribeAsync("country:AZ");
        await Stories.PublishAsync(_http, Stories.Tagged("msgpack-1", "Packed", ["AZ"]));
        var item = await client.NextAsync("the article over MessagePack");
        Assert.Equal(("msgpack-1", before.Head + 1), (item.Article.Id, item.Seq));
    }

    [Fact]
    public async Task History_article_resolve_and_health_endpoints_answer_as_the_contract_says()
    {
        await Stories.PublishAsync(_http, Stories.Tagged("rest-1", "<img src=x onerror=alert(1)>", ["AZ", "KR"], ["economy"]));

        var feed = await _http.GetFromJsonAsync<JsonElement>("api/feeds/relation:kr-az?after=0&limit=10");
        Assert.Equal("relation:AZ-KR", feed.GetProperty("feed").GetString());
        Assert.Equal("Azerbaijan – South Korea relations", feed.GetProperty("title").GetString());
        var items = feed.GetProperty("items").EnumerateArray().ToArray();
        Assert.Contains(items, i => i.GetProperty("article").GetProperty("id").GetString() == "rest-1");
        Assert.Equal(feed.GetProperty("head").GetInt64(), items[^1].GetProperty("seq").GetInt64());

        var article = await _http.GetFromJsonAsync<JsonElement>("api/articles/rest-1");
        Assert.Equal("<img src=x onerror=alert(1)>", article.GetProperty("headline").GetString());
        Assert.Equal(new[] { "relation:AZ-KR", "country:AZ", "country:KR", "topic:economy", "all" }.Order(),
            article.GetProperty("feeds").EnumerateArray().Select(f => f.GetString()).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("api/articles/no-such-article")).StatusCode);

        var resolved = await _http.GetFromJsonAsync<JsonElement>("api/feeds/resolve?q=azerbaijan%20korea");
        var suggested = resolved.GetProperty("feeds").EnumerateArray().Select(f => f.GetProperty("feed").GetString()).ToArray();
        Assert.Equal("relation:AZ-KR", suggested[0]);
        Assert.Contains("country:AZ", suggested);
        Assert.Contains("country:KR", suggested);

        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("healthz")).StatusCode);
    }
}
