using Feed.Grains;
using Feed.WebFront.Api;
using Feed.WebFront.Demo;
using Feed.WebFront.Hosting;
using Feed.WebFront.Live;
using Microsoft.AspNetCore.SignalR;

namespace Feed.WebFront;

/// <summary>Builds the web front: its services, then its endpoints. Program runs it; tests host it on real ports.</summary>
public static class FeedWebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.AddFeedOrleans();
        builder.Services.AddFeedTagging(builder.Configuration);
        builder.Services.Configure<ApiOptions>(builder.Configuration.GetSection(ApiOptions.Section));
        builder.Services.Configure<LiveOptions>(builder.Configuration.GetSection(LiveOptions.Section));
        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.Section))
            .Validate(o => o.Check() is null, "Feed:Demo: Interval and PollInterval must be positive, EntriesPerDocument at least 1.").ValidateOnStart();
        builder.Services.Configure<PublisherKeyOptions>(builder.Configuration.GetSection("Feed"));
        builder.Services.AddSingleton<PublisherKeys>();
        builder.Services.AddProblemDetails();
        builder.Services.AddFeedOpenApi();
        builder.Services.AddExceptionHandler<ClusterUnavailableHandler>();
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster");
        builder.Services.AddSignalR().AddMessagePackProtocol();
        builder.Services.AddSingleton(typeof(HubLifetimeManager<>), typeof(FeedHubLifetimeManager<>));
        builder.Services.AddSingleton<HubTransport>();
        builder.Services.AddSingleton<IFeedDirectory, GrainFeedDirectory>();
        builder.Services.AddSingleton<FeedRelay>();
        builder.Services.AddSingleton<StreamTransport>();
        builder.Services.AddOptions<EventStreamOptions>().Bind(builder.Configuration.GetSection(EventStreamOptions.Section))
            .Validate(o => o.HeartbeatInterval > TimeSpan.Zero && o.HeartbeatInterval <= TimeSpan.FromSeconds(15), "Feed:Events:HeartbeatInterval must be above 0 and at most 15 s (the contract's promise).")
            .Validate(o => o.RetryInterval > TimeSpan.Zero, "Feed:Events:RetryInterval must be above 0.")
            .ValidateOnStart();
        builder.Services.AddHostedService<FeedRelayRefresher>();
        builder.Services.AddHostedService<FeedCountsPusher>();
        builder.Services.AddSingleton<DemoEntries>();
        builder.Services.AddHostedService<DemoSources>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapArticleEndpoints();
        app.MapFeedEndpoints();
        app.MapTopicEndpoints();
        app.MapEventEndpoints();
        app.MapSyndicationEndpoints();
        app.MapSourceEndpoints();
        app.MapDemoFeeds();
        app.MapHub<FeedHub>("/hubs/feed");
        app.MapHealthChecks("/healthz");
        app.MapFeedOpenApi();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls) Console.WriteLine($"Feed is running at {url}/");
            if (!app.Services.GetRequiredService<PublisherKeys>().AnyConfigured)
                app.Logger.LogWarning("No publisher keys are configured (Feed:PublisherKeys): publishing is closed.");
        });
        return app;
    }
}
