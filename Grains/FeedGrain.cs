using System.Diagnostics;
using Feed.Grains.Storage;
using Feed.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Placement;

namespace Feed.Grains;

/// <summary>
/// One feed. Appends get the next seq at once and are written in batches: while one batch is being stored,
/// new appends queue for the next, so a busy feed stores many items per write instead of one. Items are
/// pushed to following web front nodes only after they are durable, in seq order, one-way, so a slow or
/// dead node holds up nobody. Reentrant so appends, reads and follows interleave while a batch is stored;
/// all state changes happen between awaits.
/// </summary>
[Reentrant]
// Feeds carry the traffic: spread new activations over all silos, so a silo that joins takes its share.
[RandomPlacement]
public sealed class FeedGrain(IFeedStore store, IOptions<FeedOptions> options, FeedMetrics metrics, ILogger<FeedGrain> logger)
    : Grain, IFeedGrain
{
    private readonly FeedOptions _options = options.Value;
    private readonly FollowerRegistry _followers = new();
    private readonly List<Pending> _pending = [];
    private Pending[] _storing = []; // the batch being written now
    private FeedWindow _window = null!;
    private string _feed = "";
    private long _head; // last durable seq
    private long _assigned; // last seq handed out; > _head while a batch is in flight
    private long _oldest;
    private bool _flushing;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _feed = this.GetPrimaryKeyString();
        var bounds = await store.ReadBoundsAsync(_feed);
        _head = _assigned = bounds.Head;
        _oldest = bounds.Oldest;
        _window = new FeedWindow(_options.CachedItems);
        foreach (var item in await store.ReadLatestAsync(_feed, _options.CachedItems)) _window.Add(item);
        var sweep = _options.FollowerLease / 2;
        this.RegisterGrainTimer(() =>
        {
            _followers.RemoveExpired(DateTime.UtcNow);
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(sweep, sweep) { Interleave = true });
    }

    public async Task<FeedItem> Append(Article article, bool resumed)
    {
        if (_window.TryFind(article.Id, out var known)) return known;
        if (Queued(article.Id) is { } queued) return await queued.Stored.Task;
        if (resumed && await store.FindAsync(_feed, article.Id) is { } stored) return stored;
        // The awaited look-up may have let a concurrent append of the same article through: check again.
        if (_window.TryFind(article.Id, out known)) return known;
        if (Queued(article.Id) is { } queuedMeanwhile) return await queuedMeanwhile.Stored.Task;

        var pending = new Pending(new FeedItem(_feed, ++_assigned, article));
        _pending.Add(pending);
        if (!_flushing) _ = FlushAsync();
        return await pending.Stored.Task;
    }

    private Pending? Queued(string articleId) =>
        _pending.Find(p => p.Item.Article.Id == articleId) ?? Array.Find(_storing, p => p.Item.Article.Id == articleId);

    private async Task FlushAsync()
    {
        _flushing = true;
        try
        {
            while (_pending.Count > 0)
            {
                var batch = _storing = _pending.ToArray();
                _pending.Clear();
                var items = batch.Select(p => p.Item).ToArray();
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var activity = FeedTracing.Source.StartActivity("feed.append");
                    activity?.SetTag("feed.key", _feed);
                    activity?.SetTag("feed.items", items.Length);
                    await store.AppendAsync(_feed, items, keepAbove: items[^1].Seq - _options.HistoryLimit);
                    metrics.Appended(items.Length, Stopwatch.GetElapsedTime(started));
                }
                catch (Exception e)
                {
                    _storing = [];
                    // Nothing of this batch is stored. Later appends already hold seqs after it, so they fail
                    // too; seqs are handed out again from the last durable one. Callers retry the publish.
                    logger.LogError(e, "Feed {Feed}: storing seq {First}..{Last} failed", _feed, items[0].Seq, items[^1].Seq);
                    var failed = batch.Concat(_pending).ToArray();
                    _pending.Clear();
                    _assigned = _head;
                    foreach (var p in failed) p.Stored.TrySetException(e);
                    // The store may know more than this activation (another activation wrote during a
                    // membership change): start afresh from storage on the next call.
                    DeactivateOnIdle();
                    return;
                }
                _storing = [];
                foreach (var p in batch)
                {
                    _head = p.Item.Seq;
                    _window.Add(p.Item);
                    Push(p.Item);
                    p.Stored.TrySetResult(p.Item);
                }
                _oldest = Math.Max(_oldest, _head - _options.HistoryLimit + 1);
            }
        }
        finally
        {
            _flushing = false;
        }
    }

    private void Push(FeedItem item)
    {
        metrics.Pushed(_followers.Count);
        foreach (var follower in _followers.Observers)
        {
            try
            {
                // One-way: returns at once; a failed delivery surfaces at the node as a gap it fills itself.
                _ = follower.OnItem(item);
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "Feed {Feed}: push to a follower failed", _feed);
            }
        }
    }

    public async Task<FeedPage> Read(long? after, int limit)
    {
        limit = Math.Clamp(limit, 0, _options.MaxReadLimit);
        var head = _head;
        var oldest = Math.Max(_oldest, 1);
        if (after is null)
        {
            var count = (int)Math.Min(limit, Math.Max(0, head - oldest + 1));
            var latest = count == 0 ? []
                : _window.TryReadLatest(count, out var cached) ? cached
                : await store.ReadLatestAsync(_feed, count);
            return Page(head, latest, complete: true);
        }
        if (after < 0 || after > head)
        {
            // A position this feed never had (from another installation, or a bug in the client): say so
            // rather than answering with a silent empty page.
            return Page(head, [], complete: false);
        }
        var from = Math.Max(after.Value, oldest - 1);
        var complete = after.Value >= oldest - 1;
        var items = limit == 0 || from >= head ? []
            : _window.TryReadAfter(from, limit, out var inWindow) ? inWindow
            : await store.ReadAfterAsync(_feed, from, limit);
        // Items only count up to the durable head read above; later ones go out live.
        return Page(head, items.Where(i => i.Seq <= head).ToArray(), complete);
    }

    private FeedPage Page(long head, IReadOnlyList<FeedItem> items, bool complete) =>
        new(_feed, head, items, complete, _followers.Subscribers);

    public Task<FeedFollow> Follow(IFeedObserver follower, int localSubscribers)
    {
        _followers.Renew(follower, localSubscribers, DateTime.UtcNow + _options.FollowerLease);
        return Task.FromResult(new FeedFollow(_head, _followers.Subscribers));
    }

    public Task Unfollow(IFeedObserver follower)
    {
        _followers.Remove(follower);
        return Task.CompletedTask;
    }

    private sealed class Pending(FeedItem item)
    {
        public FeedItem Item { get; } = item;
        public TaskCompletionSource<FeedItem> Stored { get; } = new();
    }
}
