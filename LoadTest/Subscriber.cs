using System.Diagnostics;

namespace Feed.LoadTest;

/// <summary>
/// One hub connection following K feeds. Checks each delivery as it arrives: first or repeated,
/// followed or not, seq rising per feed; the ledger gets the latency of every first delivery.
/// </summary>
public sealed class Subscriber : IAsyncDisposable
{
    private readonly ArticleFactory _articles;
    private readonly DeliveryLedger _ledger;
    private readonly DeliveryCheck _check;
    private readonly object _gate = new();
    private IHubLink? _link;

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

    /// <summary>Connects (WebSockets, no negotiation) with the chosen client and subscribes to every followed feed "from now".</summary>
    public async Task ConnectAsync(Uri hubUrl, HubClient client, bool messagePack, CancellationToken cancellationToken)
    {
        IHubLink link = client switch
        {
            HubClient.WebSocket => new WebSocketHubLink(hubUrl, _check.Feeds, _articles, Arrived, Closed),
            HubClient.EventStream => new EventStreamLink(hubUrl, _check.Feeds, _articles, Arrived, Closed),
            _ => new SignalRClientLink(hubUrl, messagePack, _check.Feeds, _articles, Arrived, Closed),
        };
        try
        {
            await link.StartAsync(cancellationToken);
            for (var i = 0; i < _check.Feeds.Count; i++)
            {
                var head = await link.SubscribeAsync(_check.Feeds[i], cancellationToken);
                var feed = i;
                lock (_gate) _check.Subscribed(feed, head);
            }
        }
        catch
        {
            await link.DisposeAsync();
            // A failed attempt is retried afresh: its end is not a dropped connection of the run.
            ClosedUnexpectedly = false;
            CloseReason = null;
            throw;
        }
        _link = link;
    }

    /// <summary>
    /// A hub round trip: its answer comes after every message the server queued for this connection
    /// before it, so once it returns, nothing sent earlier is still on the way.
    /// </summary>
    public Task FlushAsync(string unfollowedFeed, CancellationToken cancellationToken) =>
        _link is { } link && !ClosedUnexpectedly ? link.UnsubscribeAsync(unfollowedFeed, cancellationToken) : Task.CompletedTask;

    private void Arrived(int feedSlot, long seq, int article)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        DeliveryKind kind;
        lock (_gate) kind = _check.Record(feedSlot, seq, article);
        if (kind == DeliveryKind.Delivered) _ledger.Delivered(article, receivedAt);
    }

    private void Closed(string reason)
    {
        ClosedUnexpectedly = true;
        CloseReason = reason;
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
        if (_link is not null) await _link.DisposeAsync();
    }
}
