using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;

namespace Feed.EndToEnd.Tests;

public sealed class SlowReaderTests
{
    private const char RecordSeparator = '\u001e';

    [Fact]
    public async Task A_connection_that_stops_reading_is_disconnected_and_others_get_everything()
    {
        await using var host = await FeedHost.StartAsync(new Dictionary<string, string?> { ["Feed:Live:MaxQueuedMessagesPerConnection"] = "3" });
        await using var healthy = await LiveClient.ConnectAsync(host);
        await healthy.SubscribeAsync("country:AZ");

        // A raw SignalR client over WebSockets that subscribes, then never reads again.
        using var stalled = new ClientWebSocket();
        await stalled.ConnectAsync(new Uri($"ws://{host.BaseAddress.Authority}/hubs/feed"), CancellationToken.None);
        await SendAsync(stalled, "{\"protocol\":\"json\",\"version\":1}");
        await ReadUntilAsync(stalled, "{}");
        await SendAsync(stalled, "{\"type\":1,\"invocationId\":\"1\",\"target\":\"Subscribe\",\"arguments\":[\"country:AZ\",null]}");
        await ReadUntilAsync(stalled, "\"invocationId\":\"1\"");
        Assert.Equal(2, host.Relay.ConnectionCount);

        // Large articles fill the socket buffers quickly; then messages queue for the stalled connection.
        using var http = host.CreateHttpClient();
        var body = new string('x', 190_000);
        var ids = Enumerable.Range(1, 80).Select(i => $"slow-{i}").ToArray();
        foreach (var id in ids)
        {
            var response = await http.PostAsJsonAsync("api/articles", new { id, headline = id, body, countries = new[] { "AZ" }, autoTag = false });
            response.EnsureSuccessStatusCode();
        }

        for (var i = 0; i < ids.Length; i++) await healthy.NextAsync($"article {i + 1} of {ids.Length} on the healthy connection");
        Assert.Equal(ids, healthy.Received.Select(r => r.Article.Id));
        await Eventually.TrueAsync(() => host.Relay.ConnectionCount == 1, TimeSpan.FromSeconds(20),
            "the server to disconnect the connection that stopped reading");
    }

    private static Task SendAsync(ClientWebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task ReadUntilAsync(ClientWebSocket socket, string expected)
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!text.ToString().Contains(expected, StringComparison.Ordinal))
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
    }
}
