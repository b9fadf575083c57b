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
    private readonly int _index;
    private readonly string[] _feeds;
    private readonly long[] _lastSeq;
    private readonly ulong[] _received;
    private readonly LoadPlan _plan;
    private readonly ArticleFactory _articles;
    private readonly DeliveryLedger _ledger;
    private readonly bool _toleratesCrossFeedCopies;
    private readonly object _gate = new();
    private HubConnection? _connection;
    private bool _closing;

    public Subscriber(int index, LoadPlan plan, ArticleFactory articles, DeliveryLedger ledger, bool toleratesCrossFeedCopies)
    {
        _index = index;
        _plan = plan;
        _articles = articles;
        _ledger = ledger;
        _toleratesCrossFeedCopies = toleratesCrossFeedCopies;
        _feeds = plan.FollowsOf(index).Select(f => CountryFeeds.FeedOf(CountryFeeds.Codes[f])).ToArray();
        _lastSeq = new long[_feeds.Length];
        _received = new ulong[(plan.ArticleCountries.Length + 63) / 64];
    }

    public long Delivered { get; private set; }
    public long Duplicated { get; private set; }
    /// <summary>Baseline only: the same article again through a second followed feed (plain groups do not dedupe).</summary>
    public long CrossFeedCopies { get; private set; }
    public long OutOfOrder { get; private set; }
    /// <summary>Articles of this run on a feed not followed, or to a subscriber following none of their feeds.</summary>
    public long Unexpected { get; private set; }
    /// <summary>Messages that are not this run's articles (the demo publisher, another run): ignored.</summary>
    public long Foreign { get; private set; }
    public bool ClosedUnexpectedly { get; private set; }
    public string? CloseReason { get; private set; }

    public bool HasReceived(int article)
    {
        lock (_gate) return (_received[article >> 6] & (1UL << (article & 63))) != 0;
    }

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
            for (var i = 0; i < _feeds.Length; i++)
            {
                var reply = await connection.InvokeAsync<SubscribeReply>("Subscribe", _feeds[i], null, cancellationToken);
                lock (_gate) _lastSeq[i] = Math.Max(_lastSeq[i], reply.Head);
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
        lock (_gate)
        {
            if (article < 0 || article >= _plan.ArticleCountries.Length)
            {
                Foreign++;
                return;
            }
            var slot = Array.IndexOf(_feeds, item.Feed);
            if (slot < 0)
            {
                Unexpected++;
                return;
            }
            if (item.Seq <= _lastSeq[slot]) OutOfOrder++;
            else _lastSeq[slot] = item.Seq;

            ref var word = ref _received[article >> 6];
            var bit = 1UL << (article & 63);
            if ((word & bit) != 0)
            {
                if (_toleratesCrossFeedCopies && _plan.FollowedFeedsOf(_index, article) > 1) CrossFeedCopies++;
                else Duplicated++;
                return;
            }
            word |= bit;
            if (_plan.FollowedFeedsOf(_index, article) == 0)
            {
                Unexpected++;
                return;
            }
            Delivered++;
        }
        _ledger.Delivered(article, receivedAt);
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
