using Feed.Grains;
using Feed.Grains.Hosting;
using Feed.Operations;
using Feed.WebFront.Api;
using Feed.WebFront.Demo;
using Feed.WebFront.Hosting;
using Feed.WebFront.Live;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Feed.WebFront;

/// <summary>Builds the web front: its services, then its endpoints. Program runs it; tests host it on real ports.</summary>
public static class FeedWebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.For(args) });
        // Run from its build output (content root there), the page still comes from the project's wwwroot, as in
        // Development; a published app has no such manifest and serves its own wwwroot.
        if (!builder.Environment.IsDevelopment()) builder.WebHost.UseStaticWebAssets();
        configure?.Invoke(builder);

        builder.AddFeedOrleans();
        builder.AddFeedOperations("feed-web");
        AddOptions(builder.Services, builder.Configuration);
        builder.Services.AddFeedTagging(builder.Configuration);
        builder.Services.AddSingleton<PublisherKeys>();
        builder.Services.AddProblemDetails();
        builder.Services.AddFeedOpenApi();
        builder.Services.AddExceptionHandler<ClusterUnavailableHandler>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddSingleton<IConfigureOptions<RateLimiterOptions>, PublishRateLimit>();
        builder.Services.AddSingleton<SubscribeRateFilter>();
        builder.Services.AddSignalR(o => o.AddFilter<SubscribeRateFilter>()).AddMessagePackProtocol();
        builder.Services.AddSingleton(typeof(HubLifetimeManager<>), typeof(FeedHubLifetimeManager<>));
        builder.Services.AddSingleton<LiveMetrics>();
        builder.Services.AddSingleton<HubTransport>();
        builder.Services.TryAddSingleton<IFeedDirectory, GrainFeedDirectory>();
        builder.Services.AddSingleton<FeedRelay>();
        builder.Services.AddSingleton<StreamTransport>();
        builder.Services.AddHostedService<FeedRelayRefresher>();
        builder.Services.AddHostedService<FeedCountsPusher>();
        builder.Services.AddSingleton<DemoEntries>();
        builder.Services.AddHostedService<DemoSources>();

        var app = builder.Build();
        app.Services.GetRequiredService<LiveMetrics>().Observe(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            app.Services.GetRequiredService<FeedRelay>());
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapFeedDashboard();
        app.UseRateLimiter();
        app.MapArticleEndpoints();
        app.MapFeedEndpoints();
        app.MapTopicEndpoints();
        app.MapEventEndpoints();
        app.MapSyndicationEndpoints();
        app.MapSourceEndpoints();
        app.MapDemoFeeds();
        app.MapHub<FeedHub>("/hubs/feed");
        app.MapFeedOperations();
        app.MapFeedOpenApi();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls) Console.WriteLine($"Feed is running at {url}/");
            if (!app.Services.GetRequiredService<PublisherKeys>().AnyConfigured)
                app.Logger.LogWarning("No publisher keys are configured (Feed:PublisherKeys): publishing is closed.");
        });
        return app;
    }

    /// <summary>Every settings section of the web front, each bound once and checked at start (cross-section rules included).</summary>
    private static void AddOptions(IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeedOptions(configuration);
        services.AddValidatedOptions<ApiOptions, ApiOptionsValidator>(configuration, ApiOptions.Section);
        services.AddValidatedOptions<LiveOptions, LiveOptionsValidator>(configuration, LiveOptions.Section);
        services.AddValidatedOptions<EventStreamOptions, EventStreamOptionsValidator>(configuration, EventStreamOptions.Section);
        services.AddValidatedOptions<RateLimitOptions, RateLimitOptionsValidator>(configuration, RateLimitOptions.Section);
        services.AddValidatedOptions<DemoOptions, DemoOptionsValidator>(configuration, DemoOptions.Section);
        services.AddOptions<PublisherKeyOptions>().Bind(configuration.GetSection(PublisherKeyOptions.Section));
    }
}
