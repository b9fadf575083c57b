using Orleans.Concurrency;

namespace Feed.Grains;

/// <summary>
/// Where a publish enters the silo: tags the article (CPU work spread over all silos as a stateless
/// worker) and hands it to the grain that owns its id.
/// </summary>
[StatelessWorker]
public sealed class PublisherGrain(ArticleIntake intake, TimeProvider clock) : Grain, IPublisherGrain
{
    public Task<PublishResult> Publish(ArticleSubmission submission)
    {
        var article = intake.Accept(submission, clock.GetUtcNow().UtcDateTime);
        return GrainFactory.GetGrain<IArticleGrain>(article.Id).Publish(article);
    }
}
