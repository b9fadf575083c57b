using System.Net.Http.Json;
using System.Text.Json;

namespace Feed.Cluster.Tests;

public sealed class GrowTests : IAsyncLifetime
{
    private LocalCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(silos: 1, webFronts: 1);
    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_silo_joining_a_running_cluster_takes_new_grains_and_nothing_is_lost()
    {
        var front = _cluster.WebFronts[0];
        string[] countries = ["AZ", "KR", "TR", "GE", "JP", "FR", "DE", "BR", "IN", "NG", "EG", "MX"];
        await using var subscriber = await LiveClient.ConnectAsync(front.Url);
        foreach (var c in countries) await subscriber.SubscribeAsync($"country:{c}");
        var published = new List<string>();
        using var http = _cluster.Http(front);

        async Task PublishRound(string round)
        {
            foreach (var (c, i) in countries.Select((c, i) => (c, i)))
            {
                var id = $"grow-{round}-{i}";
                await LocalCluster.PublishUntilAcknowledgedAsync(() => _cluster.Http(front), Subscriber.Article(id, c), TimeSpan.FromSeconds(30));
                published.Add(id);
            }
        }

        await PublishRound("before");
        var joined = await _cluster.StartSiloAsync();
        await PublishRound("during");
        // New feeds activate after the join: placement spreads them over both silos.
        string[] fresh = ["SE", "NO", "FI", "DK", "PL", "CZ", "AT", "CH", "PT", "IE", "GR", "HU", "RO", "BG", "HR", "SK"];
        foreach (var c in fresh) await LocalCluster.PublishUntilAcknowledgedAsync(() => _cluster.Http(front), Subscriber.Article($"grow-fresh-{c}", c), TimeSpan.FromSeconds(30));

        await Subscriber.ReceiveAllAsync(subscriber, published, TimeSpan.FromSeconds(30), "the subscriber");
        Subscriber.AssertOnceAndInOrder(subscriber);
        var hosts = new List<int>();
        foreach (var c in fresh) hosts.Add((await _cluster.SiloHostingAsync($"country:{c}")).SiloPort);
        Assert.Contains(joined.SiloPort, hosts);
        foreach (var c in countries)
        {
            var history = await http.GetFromJsonAsync<JsonElement>($"api/feeds/country:{c}?after=0");
            Assert.Equal([1L, 2L], history.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("seq").GetInt64()));
        }
    }
}
