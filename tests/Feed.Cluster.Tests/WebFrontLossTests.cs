using System.Net.Http.Json;

namespace Feed.Cluster.Tests;

public sealed class WebFrontLossTests : IAsyncLifetime
{
    private LocalCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(silos: 1, webFronts: 2);
    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Subscribers_of_a_killed_web_front_resume_through_the_other_losing_nothing()
    {
        var (a, b) = (_cluster.WebFronts[0], _cluster.WebFronts[1]);
        const string feed = "country:AZ";
        using var http = _cluster.Http(b);
        var before = Enumerable.Range(1, 4).Select(i => $"wf-before-{i}").ToArray();
        var after = Enumerable.Range(1, 4).Select(i => $"wf-after-{i}").ToArray();

        var first = await LiveClient.ConnectAsync(a.Url);
        await first.SubscribeAsync(feed);
        foreach (var id in before) await http.PostAsJsonAsync("api/articles", Subscriber.Article(id, "AZ"));
        await Subscriber.ReceiveAllAsync(first, before, TimeSpan.FromSeconds(20), "the subscriber on A");
        var lastSeen = first.Received.Max(r => r.Seq);

        var closed = new TaskCompletionSource();
        first.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        a.Process.Kill();
        await Eventually.Within(closed.Task.ContinueWith(_ => true), TimeSpan.FromSeconds(40), "the client to notice web front A died");

        // Articles published while the subscriber was between web fronts.
        foreach (var id in after.Take(2)) await http.PostAsJsonAsync("api/articles", Subscriber.Article(id, "AZ"));
        await using var second = await LiveClient.ConnectAsync(b.Url);
        var answer = await second.SubscribeAsync(feed, after: lastSeen);
        foreach (var id in after.Skip(2)) await http.PostAsJsonAsync("api/articles", Subscriber.Article(id, "AZ"));
        await Subscriber.ReceiveAllAsync(second, after.Skip(2).ToArray(), TimeSpan.FromSeconds(20), "the subscriber on B");

        Assert.True(answer.Complete);
        Assert.Equal(after.Take(2), answer.Missed.Select(m => m.Article.Id));
        Subscriber.AssertOnceAndInOrder(second, first.Received.Concat(answer.Missed));
        await first.DisposeAsync();
    }
}
