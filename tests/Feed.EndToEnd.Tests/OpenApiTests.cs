using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.EndToEnd.Tests;

/// <summary><c>GET /openapi/v1.json</c> describes every REST route as it really answers; Scalar renders it.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private FeedHost _host = null!;
    private HttpClient _http = null!;
    private JsonElement _document;

    public async Task InitializeAsync()
    {
        _host = await FeedHost.StartAsync();
        _http = _host.CreateHttpClient();
        _document = await _http.GetFromJsonAsync<JsonElement>("openapi/v1.json");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private JsonElement Operation(string path, string method) => _document.GetProperty("paths").GetProperty(path).GetProperty(method);

    [Fact]
    public void Every_REST_route_of_the_web_front_is_in_the_document()
    {
        var routes = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw == "/healthz"))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Path: "/" + e.RoutePattern.RawText!.Trim('/'), Method: m.ToLowerInvariant())))
            .ToArray();
        Assert.Contains(routes, r => r.Path == "/api/events");

        var paths = _document.GetProperty("paths");
        foreach (var (path, method) in routes)
        {
            var operation = default(JsonElement);
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out operation), $"{method} {path} is not in the document");
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
        }
    }

    [Fact]
    public void Publishing_needs_the_X_Api_Key_scheme_and_lists_its_problem_answers()
    {
        var scheme = _document.GetProperty("components").GetProperty("securitySchemes").GetProperty("PublisherKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));

        var publish = Operation("/api/articles", "post");
        Assert.True(publish.GetProperty("security")[0].TryGetProperty("PublisherKey", out _));
        Assert.True(publish.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        var answers = publish.GetProperty("responses");
        foreach (var code in new[] { "201", "200", "400", "401", "413", "503" }) Assert.True(answers.TryGetProperty(code, out _), $"publish lists no {code}");
        Assert.True(answers.GetProperty("401").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.False(Operation("/api/feeds/{feed}", "get").TryGetProperty("security", out _));
        Assert.True(Operation("/api/feeds/{feed}/atom", "get").GetProperty("responses").TryGetProperty("304", out _));
        Assert.True(Operation("/api/events", "get").GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _));
    }

    [Fact]
    public async Task A_client_driven_by_the_document_publishes_and_reads_answers_shaped_as_its_schemas_say()
    {
        var publish = await _http.PostAsJsonAsync("/api/articles", Stories.Tagged("oa-1", "Documented", ["AZ", "KR"]));
        Assert.Equal(HttpStatusCode.Created, publish.StatusCode);
        AssertShaped(await publish.Content.ReadFromJsonAsync<JsonElement>(), Operation("/api/articles", "post"), "201", "application/json");

        AssertShaped(await _http.GetFromJsonAsync<JsonElement>("/api/feeds/relation:AZ-KR?after=0"), Operation("/api/feeds/{feed}", "get"), "200", "application/json");
        AssertShaped(await _http.GetFromJsonAsync<JsonElement>("/api/feeds/resolve?q=korea"), Operation("/api/feeds/resolve", "get"), "200", "application/json");
        AssertShaped(await _http.GetFromJsonAsync<JsonElement>("/api/feeds/relation:AZ-KR/jsonfeed"), Operation("/api/feeds/{feed}/jsonfeed", "get"), "200", "application/feed+json");
    }

    /// <summary>Every property the response schema names is in the answer, spelled as the schema spells it.</summary>
    private void AssertShaped(JsonElement answer, JsonElement operation, string status, string mediaType)
    {
        var schema = Resolve(operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty(mediaType).GetProperty("schema"));
        var named = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.NotEmpty(named);
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
        foreach (var name in named.Where(n => required.Contains(n) || answer.TryGetProperty(n, out _)))
            Assert.True(answer.TryGetProperty(name, out _), $"the answer has no '{name}' though the schema names it: {answer}");
        Assert.All(answer.EnumerateObject(), p => Assert.Contains(p.Name, named));
    }

    private JsonElement Resolve(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? _document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    [Fact]
    public async Task The_interactive_reference_page_renders_the_document()
    {
        var page = await _http.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync() + await _http.GetStringAsync("/scalar/scalar.aspnetcore.js"));
    }
}
