namespace Feed;

/// <summary>
/// One partition of the article ids (<see cref="ArticleLedger"/> routes an id to its partition): stores and delivers
/// each article to its feeds exactly once, however often and however concurrently its id is published.
/// </summary>
[Alias("Feed.IArticleLedgerGrain")]
public interface IArticleLedgerGrain : IGrainWithIntegerKey
{
    /// <summary>Stores and delivers the article; a repeat of a delivered id answers Duplicate and delivers nothing.</summary>
    [Alias("Publish")]
    Task<PublishResult> Publish(Article article);

    /// <summary>The article with this id once its publish was acknowledged; null before that, or when there is none.</summary>
    [Alias("Get")]
    Task<Article?> Get(string id);
}
