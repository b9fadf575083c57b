using System.Diagnostics;
using Feed.Grains.Storage;
using Feed.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Placement;

namespace Feed.Grains;

/// <summary>
/// One feed. Appends get the next seq at once and are written in batches: whatever queued while earlier batches
/// were on their way goes as the next one (up to <see cref="FeedOptions.MaxBatchesInFlight"/> at once), so a busy
/// feed stores many items per write and does not wait a whole commit before sending the next. Items are
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
    private readonly Queue<Batch> _inFlight = new(); // batches on their way to storage, oldest first
    private FeedWindow _window = null!;
    private string _feed = "";
    private long _head; // last durable seq
    private long _assigned; // last seq handed out; > _head while a batch is in flight
    private long _oldest; // first seq readers see: at most HistoryLimit items below the head
    private long _storedOldest; // first seq still stored: up to HistoryTrimBatch - 1 more items below _oldest
    private bool _completing;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _feed = this.GetPrimaryKeyString();
        var bounds = await store.ReadBoundsAsync(_feed);
        _head = _assigned = bounds.Head;
        _storedOldest = bounds.Oldest;
        _oldest = Math.Max(bounds.Oldest, _head - _options.HistoryLimit + 1);
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
        StartBatches();
        return await pending.Stored.Task;
    }

    private Pending? Queued(string articleId)
    {
        if (_pending.Find(p => p.Item.Article.Id == articleId) is { } pending) return pending;
        foreach (var batch in _inFlight)
        {
            if (Array.Find(batch.Items, p => p.Item.Article.Id == articleId) is { } writing) return writing;
        }
        return null;
    }

    /// <summary>Sends what is pending to storage as one batch, while fewer than MaxBatchesInFlight are on their way.</summary>
    private void StartBatches()
    {
        if (_pending.Count == 0 || _inFlight.Count >= _options.MaxBatchesInFlight) return;
        var batch = _pending.ToArray();
        _pending.Clear();
        var items = batch.Select(p => p.Item).ToArray();
        _inFlight.Enqueue(new Batch(batch, WriteAsync(items)));
        if (!_completing) _ = CompleteBatchesAsync();
    }

    private async Task WriteAsync(FeedItem[] items)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = FeedTracing.Source.StartActivity("feed.append");
        activity?.SetTag("feed.key", _feed);
        activity?.SetTag("feed.items", items.Length);
        await store.AppendAsync(_feed, items, keepAbove: TrimUpTo(items[^1].Seq));
        metrics.Appended(items.Length, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// The seq up to which history is dropped with the batch ending at <paramref name="last"/>, or 0: items past the
    /// limit go <see cref="FeedOptions.HistoryTrimBatch"/> at a time, so most appends touch no old page of storage.
    /// </summary>
    private long TrimUpTo(long last)
    {
        var keepAbove = last - _options.HistoryLimit;
        if (keepAbove - _storedOldest + 1 < Math.Min(_options.HistoryTrimBatch, _options.HistoryLimit)) return 0;
        _storedOldest = keepAbove + 1;
        return keepAbove;
    }

    /// <summary>
    /// Takes written batches in seq order: each becomes durable (head, window, pushes, answers) only after every batch
    /// before it did. A failed batch fails itself and everything after it; the store refuses a batch that does not
    /// follow the stored head, so no later batch can have landed past the hole.
    /// </summary>
    private async Task CompleteBatchesAsync()
    {
        _completing = true;
        try
        {
            while (_inFlight.TryPeek(out var batch))
            {
                try
                {
                    await batch.Written;
                }
                catch (Exception e)
                {
                    Fail(batch, e);
                    return;
                }
                _inFlight.Dequeue();
                foreach (var p in batch.Items)
                {
                    _head = p.Item.Seq;
                    _window.Add(p.Item);
                    Push(p.Item);
                    p.Stored.TrySetResult(p.Item);
                }
                _oldest = Math.Max(_oldest, _head - _options.HistoryLimit + 1);
                StartBatches();
            }
        }
        finally
        {
            _completing = false;
        }
    }

    private void Fail(Batch batch, Exception e)
    {
        // Later appends already hold seqs after this batch, so they fail too; seqs are handed out again from the last
        // durable one. Callers retry the publish.
        logger.LogError(e, "Feed {Feed}: storing seq {First}..{Last} failed", _feed, batch.Items[0].Item.Seq, batch.Items[^1].Item.Seq);
        var failed = _inFlight.SelectMany(b => b.Items).Concat(_pending).ToArray();
        foreach (var later in _inFlight) _ = later.Written.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        _inFlight.Clear();
        _pending.Clear();
        _assigned = _head;
        foreach (var p in failed) p.Stored.TrySetException(e);
        // Batches still on their way fail against the stored head (observed above, so no exception goes unobserved).
        // The store may know more than this activation (another activation wrote during a membership change):
        // start afresh from storage on the next call.
        DeactivateOnIdle();
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

    private sealed record Batch(Pending[] Items, Task Written);

    private sealed class Pending(FeedItem item)
    {
        public FeedItem Item { get; } = item;
        public TaskCompletionSource<FeedItem> Stored { get; } = new();
    }
}
