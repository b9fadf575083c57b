using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace Feed.Cluster.Tests;

/// <summary>
/// A silo that stops dead for 5 s (kill -STOP, then -CONT), as in a long GC pause or on a starved VM, is not declared
/// dead by its peers (Orleans:ProbeTimeout × Orleans:MissedProbesLimit is longer) and nothing published meanwhile is lost.
/// </summary>
public sealed class FreezeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Freeze = TimeSpan.FromSeconds(5);
    private LocalCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(silos: 2, webFronts: 1);
    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_silo_frozen_for_five_seconds_is_not_declared_dead_and_loses_nothing()
    {
        string[] feeds = ["country:AZ", "country:KR", "relation:AZ-KR"];
        var front = _cluster.WebFronts[0];
        await using var client = await LiveClient.ConnectAsync(front.Url);
        foreach (var feed in feeds) await client.SubscribeAsync(feed);
        var victim = await _cluster.SiloHostingAsync("relation:AZ-KR");
        var management = (await _cluster.OrleansClientAsync()).GetGrain<IManagementGrain>(0);

        var acknowledged = new List<string>();
        async Task Publish(int from, int to)
        {
            for (var i = from; i <= to; i++)
            {
                var id = $"freeze-{i}";
                await LocalCluster.PublishUntilAcknowledgedAsync(() => _cluster.Http(front), Subscriber.Article(id, "AZ", "KR"), TimeSpan.FromSeconds(60));
                acknowledged.Add(id);
            }
        }

        await Publish(1, 5);
        victim.Process.Freeze();
        var frozenAt = DateTime.UtcNow;
        // Publishing goes on while it is frozen: calls to its grains wait for it.
        var during = Publish(6, 10);
        await Task.Delay(Freeze); // the freeze itself, not a wait for something to happen
        victim.Process.Thaw();
        output.WriteLine($"thawed after {(DateTime.UtcNow - frozenAt).TotalMilliseconds:0} ms");
        await during;
        await Publish(11, 15);

        await Subscriber.ReceiveAllAsync(client, acknowledged, TimeSpan.FromSeconds(60), "the subscriber");
        Subscriber.AssertOnceAndInOrder(client);
        // What the other silo saw: its failure detector's complaints about the frozen one, if any.
        var peer = _cluster.Silos.Single(s => s != victim);
        foreach (var line in peer.Process.Output.Split('\n').Where(l => l.Contains("probe", StringComparison.OrdinalIgnoreCase) || l.Contains("suspect", StringComparison.OrdinalIgnoreCase)).Take(10))
            output.WriteLine("peer: " + line.Trim());
        Assert.False(victim.Process.HasExited, "the frozen silo exited (it was declared dead and stopped itself):\n" + victim.Process.Output);
        var active = await management.GetHosts(onlyActive: true);
        Assert.Equal(2, active.Count);
        Assert.DoesNotContain("declared dead", victim.Process.Output, StringComparison.OrdinalIgnoreCase);
        using var http = _cluster.Http(front);
        foreach (var feed in feeds)
        {
            var history = await http.GetFromJsonAsync<JsonElement>($"api/feeds/{feed}?after=0&limit=1000");
            var ids = history.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("article").GetProperty("id").GetString()!).ToArray();
            Assert.Equal(acknowledged.Order(), ids.Order());
        }
    }
}
