using Feed.Sources;
using Feed.Sources.Parsing;

namespace Feed.Grains.Tests;

/// <summary>Source grains in the two-silo cluster, polling documents a local Kestrel serves.</summary>
[Collection(FeedClusterCollection.Name)]
public sealed class SourceGrainTests(FeedCluster fixture) : IAsyncLifetime
{
    private DocumentServer _server = null!;

    public async Task InitializeAsync() => _server = await DocumentServer.StartAsync();
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static readonly Rss.Item Speakers = new("speakers-meet", "Parliament speakers of Azerbaijan and South Korea meet in Seoul",
        "The speaker of Azerbaijan's Milli Majlis and the speaker of South Korea's National Assembly discussed trade and student exchanges.",
        new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), "https://news.example/az-kr-speakers");

    private static readonly Rss.Item Harvest = new("harvest", "Kenyan farmers expect a record tea harvest",
        "Growers in Kenya say rains in the highlands will lift tea exports this season.",
        new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), "https://news.example/kenya-tea");

    private static readonly Rss.Item Bridge = new("bridge", "Azerbaijan and South Korea sign a bridge construction deal",
        "Korean engineers will help build a bridge in Baku, the Azerbaijani government said after talks with South Korea.",
        new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    private async Task<Source> AddAsync(string path, int pollSeconds = 300) =>
        (await fixture.Client.GetGrain<ISourceRegistryGrain>(0).Add(_server.UrlOf(path), null, pollSeconds)).Source;

    private async Task<Source> PollAsync(Source source) => (await fixture.Client.GetGrain<ISourceGrain>(source.Id).PollNow())!;

    private async Task<IReadOnlyList<FeedItem>> FeedAsync(string feed) =>
        (await fixture.Client.GetGrain<IFeedGrain>(feed).Read(0, 1000)).Items;

    private static string ArticleIdOf(Source source, Rss.Item item) =>
        EntryIdentity.ArticleIdOf(source.Id, new SourceEntry(item.Guid, null, null, null, null, null, []));

    [Fact]
    public async Task A_new_source_publishes_each_entry_once_into_its_country_topic_and_relation_feeds()
    {
        _server.Serve("/news.rss", Rss.Document("Caspian Wire", Speakers, Harvest));
        var source = await AddAsync("/news.rss");

        // A new source is polled at once, without being asked.
        var grain = fixture.Client.GetGrain<ISourceGrain>(source.Id);
        await Eventually.TrueAsync(async () => (await grain.Get())!.LastPolledAt is not null, TimeSpan.FromSeconds(10), "the first poll of a new source");
        source = (await grain.Get())!;

        Assert.Equal(2, source.ArticlesIngested);
        Assert.Equal(200, source.LastStatus);
        Assert.Null(source.LastError);
        Assert.Equal("Caspian Wire", source.Title);
        var article = await fixture.Client.ArticleLedgerFor(ArticleIdOf(source, Speakers)).Get(ArticleIdOf(source, Speakers));
        Assert.NotNull(article);
        Assert.Equal(["AZ", "KR"], article.Countries);
        Assert.Equal("Caspian Wire", article.Source);
        Assert.Equal("https://news.example/az-kr-speakers", article.Url);
        Assert.Equal(Speakers.PublishedAt!.Value.UtcDateTime, article.PublishedAt);
        Assert.Single(await FeedAsync("relation:AZ-KR"), i => i.Article.Id == article.Id);
        Assert.Single(await FeedAsync("country:KE"), i => i.Article.Id == ArticleIdOf(source, Harvest));
    }

    [Fact]
    public async Task A_second_poll_sends_the_validators_and_an_unchanged_document_costs_a_304()
    {
        _server.Serve("/unchanged.rss", Rss.Document("Tea Desk", Harvest), headers: new Dictionary<string, string> { ["Last-Modified"] = "Sat, 21 Nov 2026 09:00:00 GMT" });
        var source = await PollAsync(await AddAsync("/unchanged.rss"));
        var ingested = source.ArticlesIngested;

        source = await PollAsync(source);

        Assert.Equal(304, source.LastStatus);
        Assert.Null(source.LastError);
        Assert.Equal(ingested, source.ArticlesIngested);
        var last = _server.RequestsTo("/unchanged.rss")[^1];
        Assert.NotNull(last.Header("If-None-Match"));
        Assert.Equal("Sat, 21 Nov 2026 09:00:00 GMT", last.Header("If-Modified-Since"));
        Assert.StartsWith("Feed/", last.Header("User-Agent"));
    }

    [Fact]
    public async Task A_source_answering_429_is_not_asked_again_before_its_retry_after()
    {
        _server.Answer("/busy.rss", 429, new Dictionary<string, string> { ["Retry-After"] = "120" });
        var source = await AddAsync("/busy.rss", pollSeconds: 30);

        var before = DateTimeOffset.UtcNow;
        source = await PollAsync(source);

        Assert.Equal(429, source.LastStatus);
        Assert.Contains("retrying after 120 s", source.LastError);
        Assert.True(source.NextPollAt >= before.AddSeconds(119), $"next poll at {source.NextPollAt}, asked to wait 120 s from {before}");
    }

    [Fact]
    public async Task A_new_entry_appears_exactly_once_however_often_the_source_is_polled()
    {
        _server.Serve("/growing.rss", Rss.Document("Caspian Wire", Speakers));
        var source = await PollAsync(await AddAsync("/growing.rss"));
        _server.Serve("/growing.rss", Rss.Document("Caspian Wire", Bridge, Speakers));

        source = await PollAsync(source);
        source = await PollAsync(source);

        Assert.Equal(2, source.ArticlesIngested);
        var relation = await FeedAsync("relation:AZ-KR");
        Assert.Single(relation, i => i.Article.Id == ArticleIdOf(source, Bridge));
        Assert.Single(relation, i => i.Article.Id == ArticleIdOf(source, Speakers));
        // Oldest first: the speakers story (20 Nov) was numbered before the bridge deal (22 Nov).
        Assert.True(relation.Single(i => i.Article.Id == ArticleIdOf(source, Speakers)).Seq
            < relation.Single(i => i.Article.Id == ArticleIdOf(source, Bridge)).Seq);
    }

    [Fact]
    public async Task The_same_url_added_twice_is_one_source()
    {
        _server.Serve("/twice.rss", Rss.Document("Tea Desk", Harvest));
        var registry = fixture.Client.GetGrain<ISourceRegistryGrain>(0);

        var first = await registry.Add(_server.UrlOf("/twice.rss"), "Tea desk", null);
        var second = await registry.Add(_server.UrlOf("/twice.rss").Replace("http://", "HTTP://"), null, null);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Source.Id, second.Source.Id);
        Assert.Equal("Tea desk", second.Source.Title);
        Assert.Single(await registry.List(), s => s.Id == first.Source.Id);
    }

    [Fact]
    public async Task A_source_that_answers_404_is_marked_failing_not_deleted()
    {
        var source = await PollAsync(await AddAsync("/missing.rss", pollSeconds: 30));

        Assert.Equal(404, source.LastStatus);
        Assert.Contains("404", source.LastError);
        Assert.NotNull(await fixture.Client.GetGrain<ISourceGrain>(source.Id).Get());
        Assert.True(source.NextPollAt > source.LastPolledAt);
    }

    [Fact]
    public async Task A_permanent_redirect_moves_the_source_to_its_new_address()
    {
        _server.Serve("/new-home.rss", Rss.Document("Tea Desk", Harvest));
        _server.Answer("/old-home.rss", 301, new Dictionary<string, string> { ["Location"] = "/new-home.rss" });
        var source = await PollAsync(await AddAsync("/old-home.rss"));

        Assert.Equal(_server.UrlOf("/new-home.rss"), source.Url);
        Assert.Equal(1, source.ArticlesIngested);
        var again = await fixture.Client.GetGrain<ISourceRegistryGrain>(0).Add(_server.UrlOf("/new-home.rss"), null, null);
        Assert.Equal(source.Id, again.Source.Id);
    }

    [Fact]
    public async Task A_removed_source_stops_and_its_articles_stay()
    {
        _server.Serve("/removed.rss", Rss.Document("Tea Desk", Harvest));
        var source = await PollAsync(await AddAsync("/removed.rss"));
        var grain = fixture.Client.GetGrain<ISourceGrain>(source.Id);

        Assert.True(await grain.Stop());

        Assert.Null(await grain.Get());
        Assert.Null(await grain.PollNow());
        Assert.False(await grain.Stop());
        Assert.DoesNotContain(await fixture.Client.GetGrain<ISourceRegistryGrain>(0).List(), s => s.Id == source.Id);
        Assert.NotNull(await fixture.Client.ArticleLedgerFor(ArticleIdOf(source, Harvest)).Get(ArticleIdOf(source, Harvest)));
    }

    [Fact]
    public async Task An_html_page_instead_of_a_feed_is_reported_in_words()
    {
        _server.Serve("/page.html", "<!DOCTYPE html><html><head><title>News</title></head><body><p>Hello</p></body></html>", "text/html");
        var source = await PollAsync(await AddAsync("/page.html"));

        Assert.Equal(200, source.LastStatus);
        Assert.Equal("not a feed: HTML page", source.LastError);
        Assert.Equal(0, source.ArticlesIngested);
    }

    [Fact]
    public async Task Urls_that_are_not_http_and_intervals_under_the_minimum_are_refused()
    {
        var registry = fixture.Client.GetGrain<ISourceRegistryGrain>(0);

        var badUrl = await Assert.ThrowsAsync<SourceRejectedException>(() => registry.Add("ftp://news.example/feed.xml", null, null));
        var tooOften = await Assert.ThrowsAsync<SourceRejectedException>(() => registry.Add(_server.UrlOf("/x.rss"), null, 0));

        Assert.Contains("http", badUrl.Errors["url"][0]);
        Assert.Contains("at least", tooOften.Errors["pollSeconds"][0]);
    }
}
