using System.Text.Json;
using Feed.LoadTest;
using Xunit.Abstractions;

namespace Feed.LoadTest.Tests;

/// <summary>
/// The load tool end to end at a small scale (S=20, K=3, F=10, R=20/s, D=3 s) against the real web front:
/// every expected delivery arrives exactly once and in order, over each way of publishing.
/// The report goes through its JSON file, as an operator would read it.
/// </summary>
public sealed class LoadSmokeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);

    private static LoadOptions Smoke(Uri url) => new()
    {
        Url = url,
        Subscribers = 20,
        FeedsPerSubscriber = 3,
        Feeds = 10,
        Rate = 20,
        Duration = TimeSpan.FromSeconds(3),
        Drain = TimeSpan.FromSeconds(5),
        Warmup = TimeSpan.Zero, // not measuring speed here, only correctness
        Seed = 7,
        TwoCountryShare = 0.5, // articles in several followed feeds: each still arrives once per subscriber
    };

    [Fact]
    public async Task Http_publishing_delivers_every_article_once_and_in_order()
    {
        await using var host = await FeedHost.StartAsync();
        var report = await RunThroughJsonAsync(Smoke(host.BaseAddress) with
        {
            Target = LoadTarget.Http,
            PublisherKey = FeedHost.PublisherKey,
        });

        Assert.Equal("websocket", report.Client);
        AssertClean(report);
    }

    [Fact]
    public async Task Silo_publishing_delivers_every_article_once_and_in_order()
    {
        await using var host = await FeedHost.StartAsync();
        var report = await RunThroughJsonAsync(Smoke(host.BaseAddress) with
        {
            Target = LoadTarget.Silo,
            Gateway = $"127.0.0.1:{host.GatewayPort}",
        });

        AssertClean(report);
    }

    [Fact]
    public async Task The_official_SignalR_client_with_MessagePack_gets_every_article_once_and_in_order()
    {
        await using var host = await FeedHost.StartAsync();
        var report = await RunThroughJsonAsync(Smoke(host.BaseAddress) with
        {
            Target = LoadTarget.Http,
            PublisherKey = FeedHost.PublisherKey,
            Client = HubClient.SignalR,
            MessagePack = true,
        });

        Assert.Equal("signalr", report.Client);
        Assert.Equal("messagepack", report.Protocol);
        AssertClean(report);
    }

    [Fact]
    public async Task Event_stream_subscribers_get_every_article_once_and_in_order()
    {
        await using var host = await FeedHost.StartAsync();
        var report = await RunThroughJsonAsync(Smoke(host.BaseAddress) with
        {
            Target = LoadTarget.Http,
            PublisherKey = FeedHost.PublisherKey,
            Client = HubClient.EventStream,
        });

        Assert.Equal("sse", report.Client);
        AssertClean(report);
    }

    [Fact]
    public async Task Baseline_server_started_by_the_tool_delivers_every_article()
    {
        var report = await RunThroughJsonAsync(Smoke(new Uri("http://127.0.0.1/")) with { Target = LoadTarget.Baseline });

        AssertClean(report);
        Assert.True(Assert.Single(report.Servers).CpuSeconds > 0, "the baseline server's CPU time should be measured");
    }

    private async Task<LoadReport> RunThroughJsonAsync(LoadOptions options)
    {
        var path = Path.Combine(Path.GetTempPath(), $"feed-load-{Guid.NewGuid():N}.json");
        var log = new StringWriter();
        try
        {
            var returned = await Eventually.Within(
                LoadRunner.RunAsync(options with { JsonPath = path }, TextWriter.Synchronized(log), CancellationToken.None),
                RunLimit, "the load run to finish");
            output.WriteLine(log.ToString());
            var read = JsonSerializer.Deserialize<LoadReport>(await File.ReadAllTextAsync(path), LoadRunner.ReportJson);
            Assert.NotNull(read);
            Assert.Equal(returned.RunId, read.RunId);
            return read;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertClean(LoadReport r)
    {
        var summary = $"report: published {r.ArticlesPublished}/{r.ArticlesPlanned}, delivered {r.Deliveries}/{r.ExpectedDeliveries}, "
                      + $"problems: {string.Join("; ", r.Problems)}";
        Assert.True(r.PublishErrors == 0, $"publish errors: {string.Join(" | ", r.PublishErrorSamples)} ({summary})");
        Assert.True(r.ArticlesPublished == r.ArticlesPlanned, summary);
        Assert.True(r.ExpectedDeliveries > 0, "the plan should make some subscriber follow some article's feed; " + summary);
        Assert.True(r.Lost == 0, $"{r.Lost} deliveries lost; {summary}");
        Assert.True(r.Duplicated == 0, $"{r.Duplicated} deliveries duplicated; {summary}");
        Assert.True(r.OutOfOrder == 0, $"{r.OutOfOrder} deliveries out of order; {summary}");
        Assert.True(r.Unexpected == 0, $"{r.Unexpected} deliveries to subscribers that do not follow them; {summary}");
        Assert.Equal(r.ExpectedDeliveries, r.Deliveries);
        Assert.True(r.LatencyMs.Count == r.Deliveries, $"a latency per delivery expected; {summary}");
        Assert.True(r.Passed, summary);
    }
}
