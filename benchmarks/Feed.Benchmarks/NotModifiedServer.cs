using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Feed.Benchmarks;

/// <summary>
/// A minimal Kestrel server on 127.0.0.1 serving one feed document at <c>/feed</c> with an ETag: a request whose
/// If-None-Match carries it gets 304 Not Modified (with the ETag and a max-age, as news sites answer), any other 200.
/// </summary>
public sealed class NotModifiedServer : IAsyncDisposable
{
    public const string ETag = "\"feed-v1-5f3a9c\"";
    public const string LastModified = "Sun, 29 Nov 2026 08:00:00 GMT";

    private readonly WebApplication _app;

    private NotModifiedServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <param name="port">0 for a free port.</param>
    public static async Task<NotModifiedServer> StartAsync(int port = 0)
    {
        var document = SampleFeeds.Rss(20);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.Run(async http =>
        {
            http.Response.Headers.ETag = ETag;
            http.Response.Headers.LastModified = LastModified;
            http.Response.Headers.CacheControl = "max-age=300";
            if (http.Request.Headers.IfNoneMatch.ToString().Contains(ETag, StringComparison.Ordinal))
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            http.Response.ContentType = "application/rss+xml; charset=utf-8";
            await http.Response.Body.WriteAsync(document);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new NotModifiedServer(app, new Uri(new Uri(address), "/feed"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
