namespace Feed;

/// <summary>The entry point for publishing: validates, tags and hands the article to its article grain.</summary>
[Alias("Feed.IPublisherGrain")]
public interface IPublisherGrain : IGrainWithIntegerKey
{
    [Alias("Publish")]
    Task<PublishResult> Publish(ArticleSubmission submission);
}
