using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Feed.Cluster.Tests;

public sealed class RestartTests : IAsyncLifetime
{
    private LocalCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(silos: 1, webFronts: 1);
    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task With_storage_away_publishing_is_503_and_after_a_full_restart_history_and_seq_continue()
    {
        var front = _cluster.WebFronts[0];
        using (var http = _cluster.Http(front))
        {
            for (var i = 1; i <= 3; i++)
                Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("api/articles", Subscriber.Article($"restart-{i}", "KR"))).StatusCode);

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz/ready")).StatusCode);
            await _cluster.StopRedisAsync();
            var refused = await http.PostAsJsonAsync("api/articles", Subscriber.Article("restart-while-away", "KR"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            // Not ready while storage is away, yet alive (restarting the process would not help); ready again when it is back.
            await Eventually.TrueAsync(async () => (await http.GetAsync("healthz/ready")).StatusCode == HttpStatusCode.ServiceUnavailable,
                TimeSpan.FromSeconds(30), "readiness to fail while Redis is away");
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz/live")).StatusCode);
            await _cluster.StartRedisAsync();
            await Eventually.TrueAsync(async () => (await http.GetAsync("healthz/ready")).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(30), "readiness to return once Redis is back");
        }

        // The whole cluster goes down and comes back over the same Redis files.
        front.Process.Kill();
        foreach (var silo in _cluster.Silos) silo.Process.Kill();
        await _cluster.StopRedisAsync();
        await _cluster.StartRedisAsync();
        await _cluster.StartSiloAsync();
        var again = await _cluster.StartWebFrontAsync();

        using var client = _cluster.Http(again);
        var history = await client.GetFromJsonAsync<JsonElement>("api/feeds/country:KR?after=0");
        Assert.Equal(["restart-1", "restart-2", "restart-3"],
            history.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("article").GetProperty("id").GetString()));
        Assert.Equal(3, history.GetProperty("head").GetInt64());

        // The article refused while storage was away was never half-delivered: publishing it now is new.
        var retried = await LocalCluster.PublishUntilAcknowledgedAsync(() => _cluster.Http(again), Subscriber.Article("restart-while-away", "KR"), TimeSpan.FromSeconds(30));
        Assert.False(retried.Duplicate);
        var duplicate = await client.PostAsJsonAsync("api/articles", Subscriber.Article("restart-2", "KR"));
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        var head = (await client.GetFromJsonAsync<JsonElement>("api/feeds/country:KR?limit=0")).GetProperty("head").GetInt64();
        Assert.Equal(4, head);
    }
}
