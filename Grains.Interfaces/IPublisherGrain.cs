namespace Feed;

/// <summary>The entry point for publishing: validates, tags and hands the article to the ledger grain of its id.</summary>
[Alias("Feed.IPublisherGrain")]
public interface IPublisherGrain : IGrainWithIntegerKey
{
    [Alias("Publish")]
    Task<PublishResult> Publish(ArticleSubmission submission);
}
