using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Feed.EndToEnd.Tests;

/// <summary>Sources over REST on a real web front, their entries reaching a real SignalR subscriber.</summary>
public sealed class SourceTests : IAsyncLifetime
{
    private FeedHost _host = null!;
    private DocumentServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await DocumentServer.StartAsync();
        _host = await FeedHost.StartAsync(new Dictionary<string, string?>
        {
            ["Feed:Sources:AllowPrivateAddresses"] = "true",
            ["Feed:Sources:MinPollInterval"] = "00:00:01",
        });
        _http = _host.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    private static readonly Rss.Item Speakers = new("speakers-e2e", "Parliament speakers of Azerbaijan and South Korea meet in Seoul",
        "<p>The speaker of Azerbaijan&#8217;s Milli Majlis and the speaker of South Korea&#8217;s National Assembly discussed trade and students.</p>",
        new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), "/stories/az-kr-speakers");

    [Fact]
    public async Task A_source_added_over_rest_reaches_a_relation_subscriber_once_as_plain_text()
    {
        _server.Serve("/caspian.rss", Rss.Document("Caspian Wire", Speakers));
        await using var client = await LiveClient.ConnectAsync(_host);
        await client.SubscribeAsync("relation:AZ-KR");

        var response = await _http.PostAsJsonAsync("api/sources", new { url = _server.UrlOf("/caspian.rss"), pollSeconds = 60 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var source = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = source.GetProperty("id").GetString()!;
        Assert.Equal($"/api/sources/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(60, source.GetProperty("pollSeconds").GetInt32());
        var item = await client.NextAsync("the source's entry on relation:AZ-KR", seconds: 20);
        Assert.Equal("Parliament speakers of Azerbaijan and South Korea meet in Seoul", item.Article.Headline);
        Assert.Equal("The speaker of Azerbaijan\u2019s Milli Majlis and the speaker of South Korea\u2019s National Assembly discussed trade and students.", item.Article.Body);
        // A relative link is made absolute against the feed's own site link.
        Assert.Equal("https://news.example/stories/az-kr-speakers", item.Article.Url);
        Assert.Equal("Caspian Wire", item.Article.Source);

        // Polling again (the document unchanged, then re-added) delivers nothing twice.
        var polled = await (await _http.PostAsync($"api/sources/{id}/poll", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(304, polled.GetProperty("lastStatus").GetInt32());
        Assert.Equal(1, polled.GetProperty("articlesIngested").GetInt64());
        var again = await _http.PostAsJsonAsync("api/sources", new { url = _server.UrlOf("/caspian.rss") });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await _host.WaitUntilRelayedAsync("relation:AZ-KR");
        Assert.Empty(await client.DrainAsync());
    }

    [Fact]
    public async Task Sources_are_listed_shown_polled_and_removed_with_their_state()
    {
        _server.Serve("/listed.rss", Rss.Document("Listed Wire", Speakers with { Guid = "listed-1" }));
        var added = await (await _http.PostAsJsonAsync("api/sources", new { url = _server.UrlOf("/listed.rss"), title = "My wire" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = added.GetProperty("id").GetString()!;

        var polled = await (await _http.PostAsync($"api/sources/{id}/poll", null)).Content.ReadFromJsonAsync<JsonElement>();
        var list = await _http.GetFromJsonAsync<JsonElement>("api/sources");
        var shown = await _http.GetFromJsonAsync<JsonElement>($"api/sources/{id}");

        Assert.Equal("My wire", polled.GetProperty("title").GetString());
        Assert.Equal(300, polled.GetProperty("pollSeconds").GetInt32());
        Assert.True(polled.GetProperty("lastPolledAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.True(polled.GetProperty("nextPollAt").GetDateTimeOffset() > polled.GetProperty("lastPolledAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, polled.GetProperty("lastError").ValueKind);
        Assert.Contains(list.GetProperty("sources").EnumerateArray(), s => s.GetProperty("id").GetString() == id);
        Assert.Equal(_server.UrlOf("/listed.rss"), shown.GetProperty("url").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await _http.DeleteAsync($"api/sources/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"api/sources/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.DeleteAsync($"api/sources/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.PostAsync($"api/sources/{id}/poll", null)).StatusCode);
    }

    [Fact]
    public async Task Bad_source_requests_get_problem_details_naming_the_field()
    {
        using var anonymous = _host.CreateHttpClient(withKey: false);
        var noKey = await anonymous.GetAsync("api/sources");
        var notHttp = await _http.PostAsJsonAsync("api/sources", new { url = "file:///etc/passwd" });
        var relative = await _http.PostAsJsonAsync("api/sources", new { url = "/feed.xml" });
        var tooOften = await _http.PostAsJsonAsync("api/sources", new { url = _server.UrlOf("/x.rss"), pollSeconds = 0 });
        var notJson = await _http.PostAsync("api/sources", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("application/problem+json", noKey.Content.Headers.ContentType?.MediaType);
        foreach (var (response, field) in new[] { (notHttp, "url"), (relative, "url"), (tooOften, "pollSeconds") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names '{field}': {problem}");
        }
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>A web front with the default safety setting: sources at private addresses are refused.</summary>
public sealed class PrivateSourceTests : IAsyncLifetime
{
    private FeedHost _host = null!;

    public async Task InitializeAsync() => _host = await FeedHost.StartAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("http://127.0.0.1:9/feed.xml")]
    [InlineData("http://localhost/feed.xml")]
    [InlineData("http://10.1.2.3/feed.xml")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/feed.xml")]
    public async Task A_source_at_a_private_or_loopback_address_is_refused_when_those_are_not_allowed(string url)
    {
        using var http = _host.CreateHttpClient();

        var response = await http.PostAsJsonAsync("api/sources", new { url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("private or local address", problem.GetProperty("errors").GetProperty("url")[0].GetString());
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("api/sources")).GetProperty("sources").EnumerateArray());
    }
}
