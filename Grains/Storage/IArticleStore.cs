namespace Feed.Grains.Storage;

/// <summary>
/// Articles by id, each marked delivered once every one of its feeds holds it. An article is first stored, as not yet
/// delivered, by the first feed append that holds it (<see cref="IFeedStore.AppendAsync"/>, in the same step): so it is
/// stored exactly when some feed holds it, and a publish costs no write of its own before its feeds'.
/// </summary>
public interface IArticleStore
{
    Task<StoredArticle?> GetAsync(string id);

    /// <summary>
    /// The stored article, looked up for a publish of its id. The same answer as <see cref="GetAsync"/>; a store may
    /// answer it where that is cheapest under load (SQLite: on its writer, whose cache is warm, inside the next group
    /// commit, instead of a pooled connection that must re-read its pages after every commit).
    /// </summary>
    Task<StoredArticle?> LookUpAsync(string id);

    /// <summary>
    /// Marks a stored article delivered. Nothing waits on it but the article's own grain, which answers from memory until
    /// it lands; a store may therefore write it along with later writes. Lost in a crash, it leaves the article pending,
    /// and the next publish of its id finds every feed already holding it.
    /// </summary>
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
