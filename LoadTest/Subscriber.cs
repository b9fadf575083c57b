using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.LoadTest;

/// <summary>
/// One SignalR connection following K feeds. Checks each delivery as it arrives: first or repeated,
/// followed or not, seq rising per feed; the ledger gets the latency of every first delivery.
/// </summary>
public sealed class Subscriber : IAsyncDisposable
{
    private readonly ArticleFactory _articles;
    private readonly DeliveryLedger _ledger;
    private readonly DeliveryCheck _check;
    private readonly object _gate = new();
    private HubConnection? _connection;
    private bool _closing;

    public Subscriber(int index, LoadPlan plan, ArticleFactory articles, DeliveryLedger ledger, bool toleratesCrossFeedCopies)
    {
        _articles = articles;
        _ledger = ledger;
        _check = new DeliveryCheck(index, plan, toleratesCrossFeedCopies);
    }

    public long Delivered => Read(c => c.Delivered);
    public long Duplicated => Read(c => c.Duplicated);
    public long CrossFeedCopies => Read(c => c.CrossFeedCopies);
    public long OutOfOrder => Read(c => c.OutOfOrder);
    public long Unexpected => Read(c => c.Unexpected);
    public long Foreign => Read(c => c.Foreign);
    public bool ClosedUnexpectedly { get; private set; }
    public string? CloseReason { get; private set; }

    public bool HasReceived(int article) => Read(c => c.HasReceived(article));

    /// <summary>Connects (WebSockets, no negotiation) and subscribes to every followed feed "from now".</summary>
    public async Task ConnectAsync(Uri hubUrl, bool messagePack, CancellationToken cancellationToken)
    {
        var builder = new HubConnectionBuilder().WithUrl(hubUrl, o =>
        {
            // No negotiate round trip and no sticky sessions needed: what a multi-node deployment requires.
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
        });
        if (messagePack) builder.AddMessagePackProtocol();
        var connection = builder.Build();
        connection.On<ReceivedItem>("article", OnArticle);
        connection.Closed += e =>
        {
            if (!_closing)
            {
                ClosedUnexpectedly = true;
                CloseReason = e?.Message ?? "closed by the server";
            }
            return Task.CompletedTask;
        };
        try
        {
            await connection.StartAsync(cancellationToken);
            for (var i = 0; i < _check.Feeds.Count; i++)
            {
                var reply = await connection.InvokeAsync<SubscribeReply>("Subscribe", _check.Feeds[i], null, cancellationToken);
                var feed = i;
                lock (_gate) _check.Subscribed(feed, reply.Head);
            }
        }
        catch
        {
            _closing = true;
            await connection.DisposeAsync();
            throw;
        }
        _connection = connection;
    }

    /// <summary>
    /// A hub round trip: its answer comes after every message the server queued for this connection
    /// before it, so once it returns, nothing sent earlier is still on the way.
    /// </summary>
    public Task FlushAsync(string unfollowedFeed, CancellationToken cancellationToken) =>
        _connection is { State: HubConnectionState.Connected } c
            ? c.InvokeAsync("Unsubscribe", unfollowedFeed, cancellationToken)
            : Task.CompletedTask;

    private void OnArticle(ReceivedItem item)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        var article = _articles.NumberOf(item.Article?.Id);
        DeliveryKind kind;
        lock (_gate) kind = _check.Record(item.Feed, item.Seq, article);
        if (kind == DeliveryKind.Delivered) _ledger.Delivered(article, receivedAt);
    }

    private long Read(Func<DeliveryCheck, long> figure)
    {
        lock (_gate) return figure(_check);
    }

    private bool Read(Func<DeliveryCheck, bool> figure)
    {
        lock (_gate) return figure(_check);
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
