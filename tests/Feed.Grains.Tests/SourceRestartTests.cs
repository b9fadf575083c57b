namespace Feed.Grains.Tests;

/// <summary>Its own clusters, one after the other over the same SQLite file: a source across a restart.</summary>
public sealed class SourceRestartTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "feed-source-restart-" + Guid.NewGuid().ToString("N"));
    private DocumentServer _server = null!;

    // Wake sources every second, so a restarted cluster brings them back at once.
    private static readonly Dictionary<string, string?> QuickWakeUp = new() { ["Feed:Sources:WakeUpInterval"] = "00:00:01" };

    public async Task InitializeAsync() => _server = await DocumentServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static readonly Rss.Item First = new("first", "Georgian winemakers export more to Japan",
        "Wine exports from Georgia to Japan grew by a third, Tbilisi said.", new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
    private static readonly Rss.Item Second = new("second", "Japan and Georgia plan direct flights",
        "Airlines of Japan and Georgia will fly between Tokyo and Tbilisi from spring.", new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
    private static readonly Rss.Item Third = new("third", "Georgian dancers tour Japan",
        "A ballet company from Tbilisi, Georgia, opens a tour in Osaka, Japan.", new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task After_a_restart_the_source_polls_by_itself_and_publishes_nothing_twice()
    {
        _server.Serve("/wine.rss", Rss.Document("Tbilisi Daily", First, Second));
        string id;
        var before = new FeedCluster(_folder, QuickWakeUp, keepFolder: true);
        await before.InitializeAsync();
        try
        {
            var added = await before.Client.GetGrain<ISourceRegistryGrain>(0).Add(_server.UrlOf("/wine.rss"), null, 1);
            id = added.Source.Id;
            var polled = await before.Client.GetGrain<ISourceGrain>(id).PollNow();
            Assert.Equal(2, polled!.ArticlesIngested);
        }
        finally
        {
            await before.DisposeAsync();
        }
        // The document changes while Feed is down: one new entry, the old ones still listed (a new ETag, so no 304).
        _server.Serve("/wine.rss", Rss.Document("Tbilisi Daily", Third, Second, First));
        var requestsBefore = _server.RequestsTo("/wine.rss").Count;

        var after = new FeedCluster(_folder, QuickWakeUp, keepFolder: true);
        await after.InitializeAsync();
        try
        {
            var grain = after.Client.GetGrain<ISourceGrain>(id);
            // Nobody calls the source: its reminder brings it back and it polls on its own schedule.
            await Eventually.TrueAsync(() => _server.RequestsTo("/wine.rss").Count > requestsBefore,
                TimeSpan.FromSeconds(30), "the restarted source to poll by itself");
            await Eventually.TrueAsync(async () => (await grain.Get())!.ArticlesIngested == 3,
                TimeSpan.FromSeconds(10), "the restarted source to ingest the new entry");

            var feed = (await after.Client.GetGrain<IFeedGrain>("relation:GE-JP").Read(0, 100)).Items;
            Assert.Equal(3, feed.Count);
            Assert.Equal(3, feed.Select(i => i.Article.Id).Distinct().Count());
            Assert.Equal(3, (await grain.Get())!.ArticlesIngested);
        }
        finally
        {
            await after.DisposeAsync();
        }
    }
}
