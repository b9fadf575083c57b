using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Testing;

/// <summary>A real SignalR client on the hub that records every <c>article</c> message it receives.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly Channel<FeedItem> _received = Channel.CreateUnbounded<FeedItem>();

    private LiveClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<FeedItem>("article", item =>
        {
            ArrivalTimes.Add(DateTime.UtcNow);
            _received.Writer.TryWrite(item);
        });
    }

    public HubConnection Connection { get; }
    public List<FeedItem> Received { get; } = [];

    /// <summary>When each article message arrived, for tests that measure pauses.</summary>
    public System.Collections.Concurrent.ConcurrentBag<DateTime> ArrivalTimes { get; } = [];

    public static Task<LiveClient> ConnectAsync(FeedHost host, bool messagePack = false) =>
        ConnectAsync(host.BaseAddress, messagePack);

    /// <summary>Connects over WebSockets without negotiation, as clients of a multi-node deployment must.</summary>
    public static async Task<LiveClient> ConnectAsync(Uri baseAddress, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "hubs/feed"), options =>
        {
            options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
        });
        if (messagePack) builder.AddMessagePackProtocol();
        var client = new LiveClient(builder.Build());
        await client.Connection.StartAsync();
        return client;
    }

    public Task<SubscribeAnswer> SubscribeAsync(string feed, long? after = null) =>
        Connection.InvokeAsync<SubscribeAnswer>("Subscribe", feed, after);

    /// <summary>The next article message, within a bounded wait.</summary>
    public async Task<FeedItem> NextAsync(string what, int seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            var item = await _received.Reader.ReadAsync(timeout.Token);
            Received.Add(item);
            return item;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Waited {seconds} s for {what}; received so far: {string.Join(", ", Received.Select(r => $"{r.Feed}#{r.Seq}"))}.");
        }
    }

    /// <summary>
    /// Everything the server sent before now: a hub round trip is answered after every message already
    /// queued for this connection, so after it any article still unread was never sent.
    /// </summary>
    public async Task<List<FeedItem>> DrainAsync()
    {
        await Connection.InvokeAsync("Unsubscribe", "topic:weather");
        var items = new List<FeedItem>();
        while (_received.Reader.TryRead(out var item))
        {
            Received.Add(item);
            items.Add(item);
        }
        return items;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}

public sealed record SubscribeAnswer(string Feed, long Head, List<FeedItem> Missed, bool Complete);
