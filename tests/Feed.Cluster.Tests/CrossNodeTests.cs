using System.Net.Http.Json;
using System.Text.Json;

namespace Feed.Cluster.Tests;

public sealed class CrossNodeTests : IAsyncLifetime
{
    private LocalCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(silos: 2, webFronts: 2);
    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task An_article_published_on_one_web_front_reaches_subscribers_of_the_other_once()
    {
        var (a, b) = (_cluster.WebFronts[0], _cluster.WebFronts[1]);
        await using var onB = await LiveClient.ConnectAsync(b.Url);
        await using var onA = await LiveClient.ConnectAsync(a.Url);
        foreach (var feed in new[] { "country:AZ", "relation:AZ-KR" })
        {
            await onB.SubscribeAsync(feed);
            await onA.SubscribeAsync(feed);
        }
        var ids = Enumerable.Range(1, 5).Select(i => $"cross-{i}").ToArray();
        using var http = _cluster.Http(a);
        foreach (var id in ids) await http.PostAsJsonAsync("api/articles", Subscriber.Article(id, "AZ", "KR"));

        await Subscriber.ReceiveAllAsync(onB, ids, TimeSpan.FromSeconds(20), "the subscriber on web front B");
        await Subscriber.ReceiveAllAsync(onA, ids, TimeSpan.FromSeconds(20), "the subscriber on web front A");
        Subscriber.AssertOnceAndInOrder(onB);
        Subscriber.AssertOnceAndInOrder(onA);

        var tooLong = await http.PostAsJsonAsync("api/articles", new { headline = new string('h', LocalCluster.MaxHeadlineLength + 1), body = "b" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, tooLong.StatusCode);

        using var other = _cluster.Http(b);
        var history = await other.GetFromJsonAsync<JsonElement>("api/feeds/relation:AZ-KR?after=0");
        Assert.Equal(ids, history.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("article").GetProperty("id").GetString()));
    }
}
