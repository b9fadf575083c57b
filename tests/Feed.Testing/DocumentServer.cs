using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Feed.Testing;

/// <summary>
/// A real Kestrel server on a free loopback port that serves feed documents to sources under test, answers
/// conditional requests with 304, and records every request's headers. Paths are configured while it runs.
/// </summary>
public sealed class DocumentServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private DocumentServer(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _app = builder.Build();
        _app.Run(async http =>
        {
            _requests.Enqueue(new RecordedRequest(http.Request.Path, http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            if (_routes.TryGetValue(http.Request.Path.Value ?? "", out var route)) await route(http);
            else http.Response.StatusCode = 404;
        });
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public static async Task<DocumentServer> StartAsync()
    {
        var server = new DocumentServer(FreePort.Next());
        await server._app.StartAsync();
        return server;
    }

    public string UrlOf(string path) => new Uri(BaseAddress, path.TrimStart('/')).AbsoluteUri;

    /// <summary>Serves a document with an ETag derived from its text; a request carrying that ETag gets 304.</summary>
    public void Serve(string path, string body, string contentType = "application/rss+xml; charset=utf-8", IDictionary<string, string>? headers = null) =>
        Serve(path, System.Text.Encoding.UTF8.GetBytes(body), contentType, headers);

    public void Serve(string path, byte[] body, string contentType, IDictionary<string, string>? headers = null)
    {
        var etag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body), 0, 8)}\"";
        Route(path, async http =>
        {
            foreach (var (name, value) in headers ?? new Dictionary<string, string>()) http.Response.Headers[name] = value;
            http.Response.Headers.ETag = etag;
            if (http.Request.Headers.IfNoneMatch.ToString().Contains(etag, StringComparison.Ordinal))
            {
                http.Response.StatusCode = 304;
                return;
            }
            http.Response.ContentType = contentType;
            await http.Response.Body.WriteAsync(body);
        });
    }

    /// <summary>Answers a bare status with these headers (e.g. 429 with Retry-After, 301 with Location).</summary>
    public void Answer(string path, int status, IDictionary<string, string>? headers = null) => Route(path, http =>
    {
        http.Response.StatusCode = status;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) http.Response.Headers[name] = value;
        return Task.CompletedTask;
    });

    public void Route(string path, Func<HttpContext, Task> handler) => _routes["/" + path.TrimStart('/')] = handler;

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) =>
        _requests.Where(r => r.Path == "/" + path.TrimStart('/')).ToArray();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
