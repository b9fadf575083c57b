using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Feed.Client;

/// <summary>
/// The REST side of Feed: publish, read a feed's history, resolve words to feeds, get an article; the followed sources
/// through <see cref="Sources"/>. A server that cannot be reached is skipped for the next configured one; the last one
/// that answered is asked first next time.
/// </summary>
public sealed class FeedApi : IDisposable
{
    public const string ApiKeyHeader = "X-Api-Key";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly FeedClientOptions _options;
    private readonly IReadOnlyList<Uri> _servers;
    private readonly HttpClient _http;
    private int _preferred;

    public FeedApi(FeedClientOptions? options = null, HttpMessageHandler? handler = null)
    {
        _options = options ?? new FeedClientOptions();
        _options.Validate();
        _servers = _options.Servers.Select(WithTrailingSlash).ToArray();
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.Timeout = _options.RequestTimeout;
        Sources = new SourcesApi(this);
    }

    /// <summary>Publishes one article. Needs <see cref="FeedClientOptions.ApiKey"/>.</summary>
    /// <exception cref="FeedApiException">400 (with the field messages), 401 (key refused), 413 (too large), 503.</exception>
    /// <exception cref="FeedUnreachableException">No server could be reached.</exception>
    public Task<PublishResult> PublishAsync(ArticleSubmission article, CancellationToken cancellationToken = default) =>
        PublishJsonAsync(JsonSerializer.Serialize(article, Json), cancellationToken);

    /// <summary>Publishes one article given as a JSON object, sent as it is.</summary>
    public async Task<PublishResult> PublishJsonAsync(string articleJson, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(server => Request(HttpMethod.Post, server, "api/articles", withKey: true, articleJson),
            idempotent: false, cancellationToken);
        return await ReadAsync<PublishResult>(response, cancellationToken);
    }

    /// <summary>The items of a feed after <paramref name="after"/> (0: from the start; null: none, just the head), oldest first.</summary>
    /// <exception cref="FormatException">The feed key is not shaped like one.</exception>
    public async Task<FeedPage> ReadFeedAsync(string feed, long? after = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (after is not null) query.Add($"after={after}");
        if (limit is not null) query.Add($"limit={limit}");
        var path = "api/feeds/" + Uri.EscapeDataString(FeedKeys.Canonical(feed)) + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        using var response = await SendAsync(server => new HttpRequestMessage(HttpMethod.Get, new Uri(server, path)), idempotent: true, cancellationToken);
        return await ReadAsync<FeedPage>(response, cancellationToken);
    }

    /// <summary>Feeds matching words a person typed ("azerbaijan korea" → relation:AZ-KR, country:AZ, country:KR), best first.</summary>
    public async Task<FeedResolution> ResolveAsync(string words, CancellationToken cancellationToken = default)
    {
        var path = "api/feeds/resolve?q=" + Uri.EscapeDataString(words);
        using var response = await SendAsync(server => new HttpRequestMessage(HttpMethod.Get, new Uri(server, path)), idempotent: true, cancellationToken);
        return await ReadAsync<FeedResolution>(response, cancellationToken);
    }

    /// <summary>One stored article; null when there is none with that id.</summary>
    public async Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        var path = "api/articles/" + Uri.EscapeDataString(id);
        using var response = await SendAsync(server => new HttpRequestMessage(HttpMethod.Get, new Uri(server, path)), idempotent: true, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await ReadAsync<Article>(response, cancellationToken);
    }

    /// <summary>The sources the server follows (feed documents it polls and publishes from); every call needs the key.</summary>
    public SourcesApi Sources { get; }

    public void Dispose() => _http.Dispose();

    internal static Uri WithTrailingSlash(Uri server) =>
        server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");

    /// <summary>A request to <paramref name="path"/> on <paramref name="server"/>: the key when the call needs one, the JSON body when there is one.</summary>
    internal HttpRequestMessage Request(HttpMethod method, Uri server, string path, bool withKey = false, string? json = null)
    {
        var request = new HttpRequestMessage(method, new Uri(server, path));
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (withKey && !string.IsNullOrEmpty(_options.ApiKey)) request.Headers.Add(ApiKeyHeader, _options.ApiKey);
        return request;
    }

    /// <summary>
    /// Sends to the preferred server, moving on to the next when one cannot be connected to (the request never
    /// reached it, so even a publish is safe to send elsewhere). A timeout moves on only for calls that are safe to repeat
    /// (<paramref name="idempotent"/>: reads, and the source calls, which a second try does not change further).
    /// </summary>
    internal async Task<HttpResponseMessage> SendAsync(Func<Uri, HttpRequestMessage> build, bool idempotent, CancellationToken cancellationToken)
    {
        Exception? lastError = null;
        var start = Volatile.Read(ref _preferred);
        for (var i = 0; i < _servers.Count; i++)
        {
            var index = (start + i) % _servers.Count;
            using var request = build(_servers[index]);
            try
            {
                var response = await _http.SendAsync(request, cancellationToken);
                Volatile.Write(ref _preferred, index);
                return response;
            }
            catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
            {
                lastError = e;
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                var timeout = new TimeoutException($"{_servers[index]} did not answer within {_options.RequestTimeout.TotalSeconds:0.#} s.", e);
                if (!idempotent) throw new FeedUnreachableException([_servers[index]], timeout);
                lastError = timeout;
            }
        }
        throw new FeedUnreachableException(_servers, lastError);
    }

    internal static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode) throw await ProblemAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
               ?? throw new InvalidDataException($"{response.RequestMessage?.RequestUri} answered with an empty body.");
    }

    /// <summary>The server's problem details (title, detail, field errors), or the plain text it sent.</summary>
    internal static async Task<FeedApiException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var server = response.RequestMessage?.RequestUri is { } uri ? new Uri(uri.GetLeftPart(UriPartial.Authority) + "/") : new Uri("about:blank");
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        string? title = null, detail = null;
        var errors = new Dictionary<string, string[]>();
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String) title = t.GetString();
            if (root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String) detail = d.GetString();
            if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                foreach (var field in e.EnumerateObject())
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(m => m.ToString()).ToArray()
                        : [field.Value.ToString()];
        }
        catch (JsonException)
        {
            detail = string.IsNullOrWhiteSpace(body) ? null : body.Trim();
        }
        return new FeedApiException(response.StatusCode, title ?? response.ReasonPhrase, detail, errors, server);
    }
}
