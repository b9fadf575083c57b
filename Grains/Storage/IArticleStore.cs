namespace Feed.Grains.Storage;

/// <summary>Articles by id, each marked delivered once every one of its feeds holds it.</summary>
public interface IArticleStore
{
    Task<StoredArticle?> GetAsync(string id);

    /// <summary>Stores the article as not yet delivered (or replaces an undelivered one).</summary>
    Task SavePendingAsync(Article article);

    Task MarkDeliveredAsync(string id);
}

public sealed record StoredArticle(Article Article, bool Delivered);
