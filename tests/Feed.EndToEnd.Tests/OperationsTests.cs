using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Feed.EndToEnd.Tests;

/// <summary>
/// Meters are process-wide: a web front's OpenTelemetry reads the "Feed" meter of every host in this test process.
/// Tests that read exact values run alone, never beside another host.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneInProcess
{
    public const string Name = "alone in the process";
}

/// <summary>What an operator reads off a running web front: /metrics, liveness and readiness.</summary>
[Collection(AloneInProcess.Name)]
public sealed class OperationsTests : IAsyncLifetime
{
    private FeedHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = await FeedHost.StartAsync();
        _http = _host.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    /// <summary>The value of one series in Prometheus text, 0 when absent.</summary>
    private static double Value(string metrics, string series)
    {
        var match = Regex.Match(metrics, "^" + Regex.Escape(series).Replace("\\{", "\\{[^}]*") + @"[^ ]* (\S+)$", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [Fact]
    public async Task Metrics_show_Feeds_counters_move_after_a_publish_and_a_delivery()
    {
        await using var client = await LiveClient.ConnectAsync(_host);
        await client.SubscribeAsync("country:KR");
        var before = await _http.GetStringAsync("metrics");

        await Stories.PublishAsync(_http, Stories.Tagged("metrics-1", "Seoul counts", ["KR"]));
        await client.NextAsync("the published article");

        string after = "";
        await Eventually.TrueAsync(async () =>
        {
            after = await _http.GetStringAsync("metrics");
            return Value(after, "feed_deliveries_total{transport=\"hub\"") > Value(before, "feed_deliveries_total{transport=\"hub\"");
        }, TimeSpan.FromSeconds(10), "feed_deliveries_total to count the delivery");
        Assert.True(Value(after, "feed_articles_published_total") >= Value(before, "feed_articles_published_total") + 1, after);
        Assert.True(Value(after, "feed_publish_duration_seconds_count{outcome=\"created\"") >= 1, "no publish duration recorded");
        Assert.Equal(1, Value(after, "feed_live_connections"));
        Assert.Equal(1, Value(after, "feed_live_subscriptions"));
        // The platform's meters are there beside Feed's.
        foreach (var name in new[] { "http_server_request_duration_seconds", "kestrel_active_connections", "signalr_server_active_connections", "dotnet_gc_collections_total", "orleans_" })
            Assert.Contains(name, after);
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_200_when_the_silo_and_storage_are_up()
    {
        foreach (var path in new[] { "healthz", "healthz/live", "healthz/ready" })
            Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(path)).StatusCode);
    }
}
