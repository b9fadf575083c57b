using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Feed.Sources;
using Feed.Sources.Parsing;
using Xunit.Abstractions;

namespace Feed.Cluster.Tests;

/// <summary>
/// A followed source outlives the silo polling it: its durable wake-up reminder (in Redis) brings its grain back on the
/// surviving silo, which picks up the schedule and the entries already seen from storage.
/// </summary>
public sealed class SourceFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Path = "/failover.rss";
    private const string Title = "Caspian Failover Wire";
    private static readonly TimeSpan AfterKillLimit = TimeSpan.FromSeconds(60);
    private static readonly string[] Feeds = ["relation:AZ-KR", "country:AZ", "country:KR"];

    private static readonly Rss.Item Speakers = new("failover-speakers", "Parliament speakers of Azerbaijan and South Korea meet in Seoul",
        "The speakers of Azerbaijan's Milli Majlis and South Korea's National Assembly discussed trade.",
        new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), "https://news.example/failover/speakers");

    private static readonly Rss.Item Bridge = new("failover-bridge", "Azerbaijan and South Korea sign a bridge construction deal",
        "Korean engineers will help build a bridge in Baku, the Azerbaijani government said after talks with South Korea.",
        new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), "https://news.example/failover/bridge");

    private static readonly Rss.Item Flights = new("failover-flights", "Azerbaijan and South Korea open direct flights between Baku and Seoul",
        "Flights between Azerbaijan and South Korea start next month, the two governments said.",
        new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), "https://news.example/failover/flights");

    private LocalCluster _cluster = null!;
    private DocumentServer _documents = null!;

    public async Task InitializeAsync()
    {
        _documents = await DocumentServer.StartAsync();
        _cluster = await LocalCluster.StartAsync(silos: 2, webFronts: 1, new Dictionary<string, string>
        {
            ["Feed__Sources__AllowPrivateAddresses"] = "true", // the document is on loopback
            ["Feed__Sources__MinPollInterval"] = "00:00:01",
            ["Feed__Sources__WakeUpInterval"] = "00:00:02",
        });
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _documents.DisposeAsync();
    }

    /// <summary>Asks for the source until <paramref name="done"/> holds; on timeout the message shows its last state.</summary>
    private async Task<JsonElement> WaitForSourceAsync(HttpClient http, string id, Func<JsonElement, bool> done, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        var last = "(no answer yet)";
        while (true)
        {
            try
            {
                var source = await http.GetFromJsonAsync<JsonElement>($"api/sources/{id}");
                last = source.GetRawText();
                if (done(source)) return source;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                last = e.Message;
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {what}. The document was fetched {_documents.RequestsTo(Path).Count} times; the source: {last}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Killing_the_silo_polling_a_source_hands_its_polling_to_the_survivor_without_losing_or_repeating_an_entry()
    {
        _documents.Serve(Path, Rss.Document(Title, Speakers));
        using var http = _cluster.Http(_cluster.WebFronts[0]);

        using var added = await http.PostAsJsonAsync("api/sources", new { url = _documents.UrlOf(Path), pollSeconds = 1 });
        Assert.True(added.StatusCode == HttpStatusCode.Created, $"{(int)added.StatusCode} {await added.Content.ReadAsStringAsync()}");
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // A new source is polled at once: first its document is fetched, then its entry ingested.
        await Eventually.TrueAsync(() => _documents.RequestsTo(Path).Count > 0, TimeSpan.FromSeconds(30), "the new source to fetch its document");
        var source = await WaitForSourceAsync(http, id, s => s.GetProperty("articlesIngested").GetInt64() >= 1, TimeSpan.FromSeconds(30),
            "the first entry to be ingested");
        Assert.Equal(200, source.GetProperty("lastStatus").GetInt32());

        var victim = await _cluster.SiloHostingSourceAsync(id);
        var survivor = _cluster.Silos.Single(s => s != victim);
        output.WriteLine($"source {id} is polled by {victim.Process.Name}; killing it");
        victim.Process.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        var fetchesBefore = _documents.RequestsTo(Path).Count;
        _documents.Serve(Path, Rss.Document(Title, Flights, Bridge, Speakers));

        // Nothing here calls the source grain until the survivor has fetched: only its reminder may bring it back.
        var deadline = killedAt + AfterKillLimit;
        while (_documents.RequestsTo(Path).Count == fetchesBefore)
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"Waited {AfterKillLimit.TotalSeconds:0} s after killing {victim.Process.Name} for {survivor.Process.Name} to poll the source again.");
            await Task.Delay(20);
        }
        var firstPollAfterKill = DateTimeOffset.UtcNow - killedAt;
        output.WriteLine($"{survivor.Process.Name} polled {firstPollAfterKill.TotalMilliseconds:0} ms after the kill");
        Console.WriteLine($"Cluster source failover: first poll by the surviving silo {firstPollAfterKill.TotalMilliseconds:0} ms after the kill");

        source = await WaitForSourceAsync(http, id,
            s => s.GetProperty("articlesIngested").GetInt64() == 3 && s.GetProperty("lastPolledAt").GetDateTimeOffset() > killedAt,
            deadline - DateTimeOffset.UtcNow, $"all 3 entries to be ingested by {survivor.Process.Name} after the kill");
        Assert.Equal(200, source.GetProperty("lastStatus").GetInt32());

        string[] expected = [.. new[] { Speakers, Bridge, Flights }.Select(item =>
            EntryIdentity.ArticleIdOf(id, new SourceEntry(item.Guid, null, null, null, null, null, [])))];
        foreach (var feed in Feeds)
        {
            var history = await http.GetFromJsonAsync<JsonElement>($"api/feeds/{feed}?after=0&limit=1000");
            var ids = history.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("article").GetProperty("id").GetString()!).ToArray();
            foreach (var article in expected) Assert.True(ids.Count(i => i == article) == 1, $"{article} in {feed}: [{string.Join(", ", ids)}]");
        }
    }
}
