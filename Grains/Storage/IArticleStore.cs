namespace Feed.Grains.Storage;

/// <summary>Articles by id, each marked delivered once every one of its feeds holds it.</summary>
public interface IArticleStore
{
    Task<StoredArticle?> GetAsync(string id);

    /// <summary>Stores the article as not yet delivered (or replaces an undelivered one).</summary>
    Task SavePendingAsync(Article article);

    Task MarkDeliveredAsync(string id);

    /// <summary>
    /// Deletes up to <paramref name="max"/> articles published before <paramref name="cutoff"/> that no feed's history
    /// holds any more; answers how many went. Articles still in a history are kept, whatever their age.
    /// </summary>
    Task<int> DeleteExpiredAsync(DateTime cutoff, int max);

    /// <summary>Gives the space of deleted articles back (SQLite: incremental vacuum and a WAL checkpoint; Redis frees it as it deletes).</summary>
    Task ReclaimSpaceAsync();
}

public sealed record StoredArticle(Article Article, bool Delivered);
