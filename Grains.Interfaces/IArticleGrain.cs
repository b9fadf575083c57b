namespace Feed;

/// <summary>One article by id: stores it and fans it out to its feeds exactly once.</summary>
[Alias("Feed.IArticleGrain")]
public interface IArticleGrain : IGrainWithStringKey
{
    /// <summary>Stores and delivers the article; a repeat of a delivered id answers Duplicate and delivers nothing.</summary>
    [Alias("Publish")]
    Task<PublishResult> Publish(Article article);

    [Alias("Get")]
    Task<Article?> Get();
}
