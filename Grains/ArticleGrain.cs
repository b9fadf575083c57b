using Feed.Grains.Storage;

namespace Feed.Grains;

/// <summary>
/// One article. Publishing is idempotent by id: the article is stored (pending) before any feed sees it,
/// then appended to every feed, then marked delivered; only then does the publisher get its answer. A
/// crash at any step leaves a pending article whose retry completes the fan-out, and each feed recognises
/// an article it already holds, so no feed gets it twice.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class ArticleGrain(IArticleStore store) : Grain, IArticleGrain
{
    private StoredArticle? _stored;
    private bool _loaded;

    public async Task<PublishResult> Publish(Article article)
    {
        await LoadAsync();
        if (_stored is { Delivered: true } delivered) return Result(delivered.Article, duplicate: true);

        // A pending article is a retry of a publish that never got its answer: finish what was started.
        var resumed = _stored is not null;
        var publishing = _stored?.Article ?? article;
        if (!resumed)
        {
            await store.SavePendingAsync(publishing);
            _stored = new StoredArticle(publishing, Delivered: false);
        }
        await Task.WhenAll(publishing.Feeds.Select(feed => GrainFactory.GetGrain<IFeedGrain>(feed).Append(publishing, resumed)));
        await store.MarkDeliveredAsync(publishing.Id);
        _stored = new StoredArticle(publishing, Delivered: true);
        return Result(publishing, duplicate: false);
    }

    public async Task<Article?> Get()
    {
        await LoadAsync();
        return _stored?.Article;
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
