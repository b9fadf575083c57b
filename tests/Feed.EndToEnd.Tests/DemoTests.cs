using System.Net.Http.Json;
using System.Text.Json;

namespace Feed.EndToEnd.Tests;

/// <summary>The run command's demo: the web front serves sample sources and follows them through the real path.</summary>
public sealed class DemoTests : IAsyncLifetime
{
    private FeedHost _host = null!;

    public async Task InitializeAsync() => _host = await FeedHost.StartAsync(new Dictionary<string, string?>
    {
        ["Feed:Demo:Enabled"] = "true",
        ["Feed:Demo:Interval"] = "00:00:01",
        ["Feed:Demo:PollInterval"] = "00:00:01",
        ["Feed:Sources:AllowPrivateAddresses"] = "true",
        ["Feed:Sources:MinPollInterval"] = "00:00:01",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_demo_follows_its_rss_atom_and_json_feed_samples_and_their_entries_reach_the_feeds()
    {
        using var http = _host.CreateHttpClient();
        JsonElement[] sources = [];
        await Eventually.TrueAsync(async () =>
        {
            sources = (await http.GetFromJsonAsync<JsonElement>("api/sources")).GetProperty("sources").EnumerateArray().ToArray();
            return sources.Length == 3 && sources.All(s => s.GetProperty("articlesIngested").GetInt64() > 0);
        }, TimeSpan.FromSeconds(30), "the three sample sources to be followed and ingest entries");

        Assert.Equal(["desk.atom", "digest.json", "wire.rss"], sources.Select(s => s.GetProperty("url").GetString()!.Split('/')[^1]).Order());
        Assert.All(sources, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("lastError").ValueKind));
        // The speakers story is the first sample: a relation feed fills from the samples alone.
        await Eventually.TrueAsync(async () => (await http.GetFromJsonAsync<JsonElement>("api/feeds/relation:AZ-KR?after=0")).GetProperty("head").GetInt64() > 0,
            TimeSpan.FromSeconds(60), "a sample article about Azerbaijan and South Korea in relation:AZ-KR");
    }
}
