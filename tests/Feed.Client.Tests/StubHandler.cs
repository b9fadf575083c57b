using System.Net;
using System.Text;

namespace Feed.Client.Tests;

/// <summary>
/// Answers REST calls in-process with what a test chooses, and keeps every request it was asked: the client and the
/// command can then be checked against server answers that the real server cannot be made to give on demand.
/// </summary>
public sealed class StubHandler(Func<StubHandler.Asked, HttpResponseMessage> answer) : HttpMessageHandler
{
    /// <summary>One request: method, URI, the <c>X-Api-Key</c> it carried and its body.</summary>
    public sealed record Asked(HttpMethod Method, Uri Uri, string? Key, string? Body)
    {
        public string Path => Uri.AbsolutePath;
    }

    private readonly List<Asked> _asked = [];

    public IReadOnlyList<Asked> Requests
    {
        get { lock (_asked) return _asked.ToList(); }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Problem(HttpStatusCode status, string title, string? detail = null, string? errorsJson = null) =>
        new(status)
        {
            Content = new StringContent(
                $$"""{"type":"about:blank","title":"{{title}}","status":{{(int)status}}{{(detail is null ? "" : $",\"detail\":\"{detail}\"")}}{{(errorsJson is null ? "" : ",\"errors\":" + errorsJson)}}}""",
                Encoding.UTF8, "application/problem+json"),
        };

    public static HttpResponseMessage Empty(HttpStatusCode status) => new(status);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var key = request.Headers.TryGetValues(FeedApi.ApiKeyHeader, out var keys) ? keys.Single() : null;
        var asked = new Asked(request.Method, request.RequestUri!, key, body);
        lock (_asked) _asked.Add(asked);
        var response = answer(asked);
        // What a real handler sets: FeedApi names the answering server from it.
        response.RequestMessage = request;
        return response;
    }

    /// <summary>A test may hand one stub to several clients; the client disposing it must not end the test's use of it.</summary>
    protected override void Dispose(bool disposing) { }
}
