using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace Feed.Cluster.Tests;

public sealed class SiloLossTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LocalCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(silos: 2, webFronts: 2);
    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Killing_a_silo_mid_stream_loses_no_acknowledged_article_and_keeps_seq_gapless()
    {
        string[] feeds = ["country:AZ", "country:KR", "relation:AZ-KR"];
        var subscribers = new List<LiveClient>();
        foreach (var front in _cluster.WebFronts)
        {
            var client = await LiveClient.ConnectAsync(front.Url);
            foreach (var feed in feeds) await client.SubscribeAsync(feed);
            subscribers.Add(client);
        }
        var victim = await _cluster.SiloHostingAsync("relation:AZ-KR");
        var acknowledged = new List<string>();
        var publishers = 0;
        HttpClient NextPublisher() => _cluster.Http(_cluster.WebFronts[publishers++ % _cluster.WebFronts.Count]);

        var started = DateTime.UtcNow;
        var killedAt = DateTime.MaxValue;
        for (var i = 1; i <= 40; i++)
        {
            if (i == 15)
            {
                output.WriteLine($"killing {victim.Process.Name} at {DateTime.UtcNow - started}");
                killedAt = DateTime.UtcNow;
                victim.Process.Kill();
            }
            var id = $"silo-loss-{i}";
            await LocalCluster.PublishUntilAcknowledgedAsync(NextPublisher, Subscriber.Article(id, "AZ", "KR"), TimeSpan.FromSeconds(60));
            acknowledged.Add(id);
        }
        output.WriteLine($"40 acknowledged after {DateTime.UtcNow - started}");

        foreach (var (client, n) in subscribers.Select((c, n) => (c, n)))
        {
            await Subscriber.ReceiveAllAsync(client, acknowledged, TimeSpan.FromSeconds(60), $"subscriber {n}");
            Subscriber.AssertOnceAndInOrder(client);
        }
        // The pause a subscriber saw: the longest silence between two arrivals around the kill.
        foreach (var (client, n) in subscribers.Select((c, n) => (c, n)))
        {
            var times = client.ArrivalTimes.Order().ToArray();
            var pause = times.Zip(times.Skip(1)).Where(p => p.Second >= killedAt).Select(p => p.Second - p.First).DefaultIfEmpty().Max();
            output.WriteLine($"subscriber {n}: longest pause after the kill {pause.TotalMilliseconds:0} ms");
            Console.WriteLine($"Cluster silo kill: subscriber {n} longest pause {pause.TotalMilliseconds:0} ms");
        }
        using var http = _cluster.Http(_cluster.WebFronts[0]);
        foreach (var feed in feeds)
        {
            var history = await http.GetFromJsonAsync<JsonElement>($"api/feeds/{feed}?after=0&limit=1000");
            var items = history.GetProperty("items").EnumerateArray()
                .Select(i => (Seq: i.GetProperty("seq").GetInt64(), Id: i.GetProperty("article").GetProperty("id").GetString()!)).ToArray();
            Assert.Equal(Enumerable.Range(1, items.Length).Select(i => (long)i), items.Select(i => i.Seq));
            Assert.Equal(acknowledged.Order(), items.Select(i => i.Id).Order());
        }
        foreach (var client in subscribers) await client.DisposeAsync();
    }
}
