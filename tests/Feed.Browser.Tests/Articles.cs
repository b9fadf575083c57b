using System.Net.Http.Json;

namespace Feed.Browser.Tests;

/// <summary>Articles the browser tests publish through the REST API, as a newsroom's system would.</summary>
public static class Articles
{
    /// <summary>An article whose countries and topics are given, not inferred (<c>autoTag: false</c>).</summary>
    public static object Tagged(string id, string headline, string[] countries, string[]? topics = null,
        string body = "A short note for the browser tests.", string? summary = null) => new
    {
        id,
        headline,
        summary,
        body,
        source = "Feed browser tests",
        countries,
        topics = topics ?? [],
        autoTag = false,
    };

    /// <summary>A realistic story: tags are merged with what the tagger finds in the text.</summary>
    public static object Story(string id, string headline, string summary, string body, string source,
        string[] countries, string[] topics, DateTimeOffset? publishedAt = null) => new
    {
        id,
        headline,
        summary,
        body,
        source,
        url = $"https://example.com/news/{id}",
        countries,
        topics,
        publishedAt,
    };

    public static async Task<PublishAnswer> PublishAsync(this FeedHost host, object article)
    {
        using var http = host.CreateHttpClient();
        var answer = await Publishing.PublishAsync(http, article);
        if (answer.Duplicate) throw new InvalidOperationException($"Article {answer.Id} was already published: the tests use fresh ids.");
        return answer;
    }

    /// <summary>A fresh article id for one test, so tests that share a web front never see each other's articles as theirs.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
