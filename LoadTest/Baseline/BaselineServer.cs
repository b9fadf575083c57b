using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Feed.LoadTest.Baseline;

/// <summary>
/// The comparison point for Feed's CPU cost: a bare ASP.NET Core SignalR server (<c>serve-baseline</c>).
/// The hub puts a connection in one SignalR group per followed feed; <c>POST /api/articles</c> broadcasts
/// the same feed item Feed would send (same fields, same size, JSON) to each of the article's feed groups.
/// No storage, no grains, no tagging, no dedupe across feeds: the floor of "send this to those connections".
/// </summary>
public static class BaselineServer
{
    public static async Task RunAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<BaselineBroadcaster>();

        var app = builder.Build();
        app.MapHub<BaselineHub>("/hubs/feed");
        app.MapPost("/api/articles", (ArticleSubmission submission, BaselineBroadcaster broadcaster) =>
        {
            var result = broadcaster.Publish(submission);
            return Results.Created($"/api/articles/{Uri.EscapeDataString(result.Id)}", result);
        });
        app.MapGet("/healthz", () => "ok");
        app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"Baseline SignalR server at http://127.0.0.1:{port}/"));
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }
}
