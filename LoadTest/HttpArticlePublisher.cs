using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Feed.LoadTest;

/// <summary><c>POST /api/articles</c> with the publisher key; any answer but 201 (a new article) is an error.</summary>
public sealed class HttpArticlePublisher : IArticlePublisher
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;

    public HttpArticlePublisher(Uri baseAddress, string? publisherKey, int connections, TimeSpan timeout)
    {
        // Enough pooled connections that paced publishes never queue behind each other in the client.
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout };
        if (!string.IsNullOrEmpty(publisherKey)) _http.DefaultRequestHeaders.Add("X-Api-Key", publisherKey);
    }

    public async Task PublishAsync(ArticleSubmission article, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("api/articles", article, Json, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created) return;
        var detail = await response.Content.ReadAsStringAsync(cancellationToken);
        if (detail.Length > 300) detail = detail[..300] + "…";
        throw new InvalidOperationException($"POST /api/articles answered {(int)response.StatusCode} {response.StatusCode}: {detail}");
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
