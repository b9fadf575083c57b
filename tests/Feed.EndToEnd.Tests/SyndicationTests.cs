using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using CodeHollow.FeedReader;

namespace Feed.EndToEnd.Tests;

/// <summary>Every feed as Atom 1.0 and JSON Feed 1.1, read back with an independent parser (CodeHollow.FeedReader).</summary>
public sealed class SyndicationTests : IAsyncLifetime
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private FeedHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = await FeedHost.StartAsync();
        _http = _host.CreateHttpClient();
        await Stories.PublishAsync(_http, Stories.Tagged("syn-1", "Azerbaijan and Korea agree on flights", ["AZ", "KR"], ["economy"]));
        await Stories.PublishAsync(_http, new
        {
            id = "syn-2",
            headline = "<img src=x onerror=alert(1)> & more",
            summary = "A summary with <b>markup</b> that must stay text.",
            body = "Body.",
            url = "https://example.com/news/syn-2",
            source = "Example News",
            countries = new[] { "AZ", "KR" },
            topics = new[] { "politics" },
            autoTag = false,
        });
        await Stories.PublishAsync(_http, Stories.SpeakersMeet("syn-3"));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_Atom_document_holds_the_newest_articles_with_headline_summary_link_date_and_categories()
    {
        var response = await _http.GetAsync("api/feeds/relation:KR-AZ/atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();

        var parsed = FeedReader.ReadFromString(text);
        Assert.Equal(FeedType.Atom, parsed.Type);
        Assert.Equal("Azerbaijan – South Korea relations", parsed.Title);
        Assert.Equal(["syn-3", "syn-2", "syn-1"], parsed.Items.Select(i => i.Id.Split('/')[^1]));
        var markup = parsed.Items[1];
        Assert.Equal("<img src=x onerror=alert(1)> & more", markup.Title);
        Assert.Equal("A summary with <b>markup</b> that must stay text.", markup.Description);
        Assert.Equal("https://example.com/news/syn-2", markup.Link);
        Assert.NotNull(markup.PublishingDate);
        Assert.Equal(["Azerbaijan", "Politics and government", "South Korea"], markup.Categories.Order());
        Assert.Contains("&lt;img src=x", text);
        Assert.DoesNotContain("<img", text);

        // RFC 4287's required elements, read with LINQ to XML.
        var feed = XDocument.Parse(text).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var name in new[] { "id", "title", "updated", "author" }) Assert.NotNull(feed.Element(Atom + name));
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && ((string)l.Attribute("href")!).EndsWith("/api/feeds/relation:AZ-KR/atom"));
        var terms = feed.Elements(Atom + "entry").ElementAt(1).Elements(Atom + "category").Select(c => (string)c.Attribute("term")!);
        Assert.Equal(["AZ", "KR", "politics"], terms.Order());
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            foreach (var name in new[] { "id", "title", "updated", "summary" }) Assert.NotNull(entry.Element(Atom + name));
            Assert.Contains(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") is null or "alternate");
            Assert.True(Uri.IsWellFormedUriString(entry.Element(Atom + "id")!.Value, UriKind.Absolute));
        }
    }

    [Fact]
    public async Task The_JSON_Feed_document_holds_the_same_articles_and_every_required_field()
    {
        var response = await _http.GetAsync("api/feeds/relation:AZ-KR/jsonfeed?limit=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/feed+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();

        var parsed = FeedReader.ReadFromString(text);
        Assert.Equal(FeedType.JsonFeed, parsed.Type);
        Assert.Equal(["syn-3", "syn-2"], parsed.Items.Select(i => i.Id));
        Assert.Equal("<img src=x onerror=alert(1)> & more", parsed.Items[1].Title);
        Assert.Equal("https://example.com/news/syn-2", parsed.Items[1].Link);

        var root = JsonDocument.Parse(text).RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("Azerbaijan – South Korea relations", root.GetProperty("title").GetString());
        Assert.EndsWith("/api/feeds/relation:AZ-KR/jsonfeed", root.GetProperty("feed_url").GetString());
        foreach (var item in root.GetProperty("items").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(item.GetProperty("id").GetString()));
            Assert.True(item.TryGetProperty("content_text", out _), "every item has content_text (JSON Feed needs content_text or content_html)");
            Assert.False(item.TryGetProperty("content_html", out _));
            Assert.True(DateTimeOffset.TryParse(item.GetProperty("date_published").GetString(), out _));
        }
        var tags = root.GetProperty("items")[1].GetProperty("tags").EnumerateArray().Select(t => t.GetString());
        Assert.Equal(["Azerbaijan", "South Korea"], tags.Take(2));
        Assert.Equal(2, root.GetProperty("items")[1].GetProperty("_feed").GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task A_reader_polling_with_its_validators_gets_304_until_the_feed_changes()
    {
        foreach (var format in new[] { "atom", "jsonfeed" })
        {
            var url = $"api/feeds/country:AZ/{format}";
            var first = await _http.GetAsync(url);
            var etag = first.Headers.ETag!;
            var modified = first.Content.Headers.LastModified!.Value;

            Assert.Equal(HttpStatusCode.NotModified, (await Conditional(url, etag, null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotModified, (await Conditional(url, null, modified)).StatusCode);

            await Stories.PublishAsync(_http, Stories.Tagged($"syn-new-{format}", "Baku news", ["AZ"]));
            var changed = await Conditional(url, etag, null);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.NotEqual(etag, changed.Headers.ETag);
        }
    }

    [Fact]
    public async Task Another_installation_with_a_feed_at_the_same_head_does_not_answer_a_reader_304()
    {
        // A reader's validators from this installation, then a fresh one (a reset, another server) whose country:JP also
        // reaches seq 1, with another article: the reader must get the new document, not a stale 304.
        await Stories.PublishAsync(_http, Stories.Tagged("syn-jp-here", "Tokyo opens a new port", ["JP"]));
        var etag = (await _http.GetAsync("api/feeds/country:JP/atom")).Headers.ETag!;
        await using var other = await FeedHost.StartAsync();
        using var otherHttp = other.CreateHttpClient();
        await Stories.PublishAsync(otherHttp, Stories.Tagged("syn-jp-there", "Osaka hosts a trade fair", ["JP"]));

        using var request = new HttpRequestMessage(HttpMethod.Get, "api/feeds/country:JP/atom");
        request.Headers.IfNoneMatch.Add(etag);
        var answer = await otherHttp.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.NotEqual(etag, answer.Headers.ETag);
        Assert.Contains("Osaka hosts a trade fair", await answer.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> Conditional(string url, EntityTagHeaderValue? etag, DateTimeOffset? modified)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (etag is not null) request.Headers.IfNoneMatch.Add(etag);
        if (modified is not null) request.Headers.IfModifiedSince = modified;
        return await _http.SendAsync(request);
    }

    [Fact]
    public async Task Bad_feeds_and_limits_are_400()
    {
        foreach (var url in new[] { "api/feeds/country:ZZ/atom", "api/feeds/planet:mars/jsonfeed", "api/feeds/country:AZ/atom?limit=0", "api/feeds/country:AZ/jsonfeed?limit=5000" })
            Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync(url)).StatusCode);
    }
}
