namespace Feed.LoadTest;

/// <summary>Sends one article to the server and returns once the server has acknowledged it (or throws).</summary>
public interface IArticlePublisher : IAsyncDisposable
{
    Task PublishAsync(ArticleSubmission article, CancellationToken cancellationToken);
}
