using Feed.Grains.Storage;
using Feed.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feed.Grains;

/// <summary>
/// One article. Publishing is idempotent by id: the article is appended to every feed, and the first feed append that
/// lands stores the article too (pending, in the same step); only when every feed holds it does the publisher get its
/// answer, and the article is marked delivered. A crash at any step leaves either nothing (no feed holds it: a retry
/// is a first publish) or a pending article whose retry completes the fan-out, and each feed recognises an article
/// it already holds, so no feed gets it twice.
/// If a fan-out fails part-way while the silo stays up, the grain also retries it by itself on a timer, so
/// feeds that already show the article are joined by the rest even when the publisher never retries.
/// Collected after <see cref="FeedOptions.ArticleIdleLifetime"/> idle (not deactivated at once after answering: a repeat
/// arriving during that deactivation can be rejected by Orleans' forwarding instead of reaching a new activation).
/// </summary>
public sealed class ArticleGrain(IArticleStore store, IOptions<FeedOptions> options, FeedMetrics metrics, ILogger<ArticleGrain> logger)
    : Grain, IArticleGrain
{
    private StoredArticle? _stored;
    private bool _loaded;
    private IGrainTimer? _retry;
    private IGrainTimer? _markRetry;

    public async Task<PublishResult> Publish(Article article)
    {
        // A read, not a write: a new article (nearly every publish) is stored by its first feed append.
        await LoadAsync();
        if (_stored is { Delivered: true } delivered) return Result(delivered.Article, duplicate: true);

        // A pending article is a retry of a publish that never got its answer: finish what was started, with the text
        // first stored. Kept in memory from here, so a retry of a fan-out that stored nothing is still one article.
        var resumed = _stored is not null;
        _stored ??= new StoredArticle(article, Delivered: false);
        var publishing = _stored.Article;
        try
        {
            await Deliver(publishing, resumed);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Article {Id}: fan-out failed; retrying every {Interval}", publishing.Id, options.Value.FanOutRetryInterval);
            var interval = options.Value.FanOutRetryInterval;
            _retry ??= this.RegisterGrainTimer(RetryAsync, new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
            throw;
        }
        return Result(publishing, duplicate: false);
    }

    private async Task Deliver(Article article, bool resumed)
    {
        using var activity = FeedTracing.Source.StartActivity("article.fan-out");
        activity?.SetTag("feed.article.id", article.Id);
        activity?.SetTag("feed.article.feeds", article.Feeds.Count);
        await Task.WhenAll(article.Feeds.Select(feed => GrainFactory.GetGrain<IFeedGrain>(feed).Append(article, resumed)));
        // Every feed holds it durably: the publish is complete and may be answered now. The delivered mark is written
        // behind the answer rather than before it (one storage round trip fewer on every publish): until it lands this
        // activation answers repeats and reads from memory, and were it lost in a crash, the article would stay pending
        // and its next publish would find every feed already holding it.
        _stored = new StoredArticle(article, Delivered: true);
        metrics.Published();
        _retry?.Dispose();
        _retry = null;
        _ = MarkDeliveredAsync(article.Id);
    }

    private async Task MarkDeliveredAsync(string id)
    {
        try
        {
            await store.MarkDeliveredAsync(id);
            _markRetry?.Dispose();
            _markRetry = null;
        }
        catch (Exception e)
        {
            // Kept alive by the timer until the mark lands, so no later activation reads the article as pending meanwhile.
            logger.LogWarning(e, "Article {Id}: storing its delivered mark failed; retrying every {Interval}", id, options.Value.FanOutRetryInterval);
            var interval = options.Value.FanOutRetryInterval;
            _markRetry ??= this.RegisterGrainTimer(() => MarkDeliveredAsync(id), new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
        }
    }

    private async Task RetryAsync()
    {
        if (_stored is not { Delivered: false } pending) return;
        try
        {
            await Deliver(pending.Article, resumed: true);
            logger.LogInformation("Article {Id}: fan-out completed on retry", pending.Article.Id);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Article {Id}: fan-out retry failed", pending.Article.Id);
        }
    }

    /// <summary>Only acknowledged articles are visible; one whose publish never completed is not.</summary>
    public async Task<Article?> Get()
    {
        await LoadAsync();
        return _stored is { Delivered: true } stored ? stored.Article : null;
    }

    private async Task LoadAsync()
    {
        if (_loaded) return;
        _stored = await store.GetAsync(this.GetPrimaryKeyString());
        _loaded = true;
    }

    private static PublishResult Result(Article article, bool duplicate) =>
        new(article.Id, article.Countries, article.Topics, article.Feeds, duplicate);
}
