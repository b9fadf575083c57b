namespace Feed.Grains.Storage;

/// <summary>Articles by id, each marked delivered once every one of its feeds holds it.</summary>
public interface IArticleStore
{
    Task<StoredArticle?> GetAsync(string id);

    /// <summary>
    /// Stores the article as not yet delivered unless an article with its id is stored already, in one step: answers
    /// null when this call stored it, else the stored one (pending or delivered), leaving it as it was. One step rather
    /// than a read and then a write, because every publish of a new article takes this path.
    /// </summary>
    Task<StoredArticle?> ClaimAsync(Article article);

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
