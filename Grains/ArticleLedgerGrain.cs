using Feed.Grains.Storage;
using Feed.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Feed.Grains;

/// <summary>
/// The articles of one partition of the ids. Publishing is idempotent by id: the article is appended to every feed, and
/// the first feed append that lands stores the article too (pending, in the same step); only when every feed holds it
/// does the publisher get its answer, and the article is marked delivered. A crash at any step leaves either nothing
/// (no feed holds it: a retry is a first publish) or a pending article whose retry completes the fan-out, and each feed
/// recognises an article it already holds, so no feed gets it twice.
/// An id is held in memory only while its publish is under way, while its delivered mark is on its way to storage, or
/// while a fan-out that failed part-way is retried on a timer (so feeds that already show the article are joined by the
/// rest even when the publisher never retries); storage answers for every other id. Reentrant so publishes of
/// different ids interleave; everything one id goes through happens between awaits on this grain.
/// </summary>
[Reentrant]
public sealed class ArticleLedgerGrain(IArticleStore store, IOptions<FeedOptions> options, FeedMetrics metrics, ILogger<ArticleLedgerGrain> logger)
    : Grain, IArticleLedgerGrain
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private IGrainTimer? _retry;

    public async Task<PublishResult> Publish(Article article)
    {
        while (true)
        {
            if (!_entries.TryGetValue(article.Id, out var entry))
            {
                entry = new Entry();
                _entries[article.Id] = entry;
                entry.Run = PublishNew(article, entry);
                return await entry.Run;
            }
            switch (entry.State)
            {
                case EntryState.Delivered:
                    return Result(entry.Article!, duplicate: true);
                case EntryState.Failed:
                    // A retry of a publish that never got its answer: finish what was started, with the text first stored.
                    entry.Run = Deliver(entry, resumed: true);
                    return await entry.Run;
                default:
                    try
                    {
                        await entry.Run!;
                    }
                    catch (Exception)
                    {
                        // The first publisher is told; this repeat looks at the entry again and finishes the fan-out itself.
                    }
                    continue;
            }
        }
    }

    private async Task<PublishResult> PublishNew(Article article, Entry entry)
    {
        StoredArticle? stored;
        try
        {
            // A read, not a write: a new article (nearly every publish) is stored by its first feed append.
            stored = await store.LookUpAsync(article.Id);
        }
        catch
        {
            _entries.Remove(article.Id);
            throw;
        }
        if (stored is { Delivered: true })
        {
            _entries.Remove(article.Id);
            return Result(stored.Article, duplicate: true);
        }
        entry.Article = stored?.Article ?? article;
        return await Deliver(entry, resumed: stored is not null);
    }

    private async Task<PublishResult> Deliver(Entry entry, bool resumed)
    {
        var article = entry.Article!;
        entry.State = EntryState.Delivering;
        using (var activity = FeedTracing.Source.StartActivity("article.fan-out"))
        {
            activity?.SetTag("feed.article.id", article.Id);
            activity?.SetTag("feed.article.feeds", article.Feeds.Count);
            try
            {
                await Task.WhenAll(article.Feeds.Select(feed => GrainFactory.FeedGrain(feed).Append(article, resumed)));
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Article {Id}: fan-out failed; retrying every {Interval}", article.Id, options.Value.FanOutRetryInterval);
                entry.State = EntryState.Failed;
                RetryLater();
                throw;
            }
        }
        // Every feed holds it durably: the publish is complete and is answered now. The delivered mark follows behind the
        // answer; until it lands this grain answers repeats from memory, and were it lost in a crash the article would
        // stay pending and its next publish would find every feed already holding it.
        entry.State = EntryState.Delivered;
        metrics.Published();
        entry.Mark = MarkDelivered(article.Id, entry);
        return Result(article, duplicate: false);
    }

    private async Task MarkDelivered(string id, Entry entry)
    {
        try
        {
            await store.MarkDeliveredAsync(id);
            _entries.Remove(id);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Article {Id}: storing its delivered mark failed; retrying every {Interval}", id, options.Value.FanOutRetryInterval);
            entry.MarkFailed = true;
            RetryLater();
        }
    }

    /// <summary>One timer for the whole partition, while anything is left to retry; it keeps the grain active until then.</summary>
    private void RetryLater()
    {
        var interval = options.Value.FanOutRetryInterval;
        _retry ??= this.RegisterGrainTimer(RetryAsync, new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
    }

    private async Task RetryAsync()
    {
        foreach (var (id, entry) in _entries.ToArray())
        {
            if (entry.State == EntryState.Failed)
            {
                try
                {
                    entry.Run = Deliver(entry, resumed: true);
                    await entry.Run;
                    logger.LogInformation("Article {Id}: fan-out completed on retry", id);
                }
                catch (Exception e)
                {
                    logger.LogDebug(e, "Article {Id}: fan-out retry failed", id);
                }
            }
            else if (entry.MarkFailed)
            {
                entry.MarkFailed = false;
                entry.Mark = MarkDelivered(id, entry);
                await entry.Mark;
            }
        }
        if (_entries.Values.Any(e => e.State == EntryState.Failed || e.MarkFailed)) return;
        _retry?.Dispose();
        _retry = null;
    }

    /// <summary>Marks on their way land before the grain goes, so storage alone answers for those articles afterwards.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        var marks = _entries.Values.Select(e => e.Mark).OfType<Task>().ToArray();
        try
        {
            await Task.WhenAll(marks).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Deactivating with {Count} delivered marks still on their way; those articles stay pending until published again", marks.Count(m => !m.IsCompleted));
        }
    }

    /// <summary>Only acknowledged articles are visible; one whose publish never completed is not.</summary>
    public async Task<Article?> Get(string id)
    {
        if (_entries.TryGetValue(id, out var entry) && entry.State == EntryState.Delivered) return entry.Article;
        return await store.GetAsync(id) is { Delivered: true } stored ? stored.Article : null;
    }

    private static PublishResult Result(Article article, bool duplicate) =>
        new(article.Id, article.Countries, article.Topics, article.Feeds, duplicate);

    private enum EntryState { Reading, Delivering, Failed, Delivered }

    /// <summary>One id this grain holds in memory, from its first publish until storage can answer for it alone.</summary>
    private sealed class Entry
    {
        public EntryState State { get; set; } = EntryState.Reading;

        /// <summary>The article as it is published: the first stored text once known.</summary>
        public Article? Article { get; set; }

        /// <summary>The publish under way (reading or delivering), which repeats of the id wait for.</summary>
        public Task<PublishResult>? Run { get; set; }

        /// <summary>The delivered mark on its way to storage.</summary>
        public Task? Mark { get; set; }

        /// <summary>Delivered, but storing its mark failed: retried with failed fan-outs.</summary>
        public bool MarkFailed { get; set; }
    }
}
