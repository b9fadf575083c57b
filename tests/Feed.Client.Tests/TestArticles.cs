namespace Feed.Client.Tests;

/// <summary>Small articles whose tags are given, not inferred, so each test knows exactly which feeds they reach.</summary>
public static class TestArticles
{
    public static ArticleSubmission Tagged(string id, string headline, params string[] countries) => new()
    {
        Id = id,
        Headline = headline,
        Body = "A short note for the client tests.",
        Countries = countries,
        Topics = [],
        AutoTag = false,
    };

    /// <summary>Publishes one after the other, so seqs follow the order given.</summary>
    public static async Task PublishAllAsync(FeedApi api, IEnumerable<ArticleSubmission> articles)
    {
        foreach (var article in articles)
        {
            var result = await api.PublishAsync(article);
            Assert.False(result.Duplicate, $"{article.Id} was published before");
        }
    }
}
