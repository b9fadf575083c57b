using Feed.Grains.Telemetry;
using Orleans.Concurrency;

namespace Feed.Grains;

/// <summary>
/// Where a publish enters the silo: tags the article (CPU work spread over all silos as a stateless
/// worker) and hands it to the ledger grain that owns its id.
/// </summary>
[StatelessWorker]
public sealed class PublisherGrain(ArticleIntake intake, TimeProvider clock, FeedMetrics metrics) : Grain, IPublisherGrain
{
    public async Task<PublishResult> Publish(ArticleSubmission submission)
    {
        var started = FeedMetrics.Start();
        Article article;
        try
        {
            article = intake.Accept(submission, clock.GetUtcNow().UtcDateTime);
        }
        catch (ArticleRejectedException)
        {
            metrics.Rejected(RejectReason.Invalid);
            throw;
        }
        var result = await GrainFactory.ArticleLedgerFor(article.Id).Publish(article);
        metrics.PublishTook(System.Diagnostics.Stopwatch.GetElapsedTime(started), result.Duplicate);
        return result;
    }
}
