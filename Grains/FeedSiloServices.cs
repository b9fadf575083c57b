using Orleans.Configuration;
using Feed.Grains.Storage;
using Feed.Grains.Telemetry;
using Feed.Tagging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Feed.Sources;
using Feed.Sources.Fetching;
using Feed.Sources.Scheduling;
using Orleans.Hosting;
using StackExchange.Redis;

namespace Feed.Grains;

/// <summary>What a silo needs to host Feed's grains: stores, tagging and their options.</summary>
public static class FeedSiloServices
{
    public static IServiceCollection AddFeedGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeedOptions(configuration);
        var storage = StorageOptions.Bind(configuration);
        services.AddBoundOptions(storage);
        services.AddFeedTagging(configuration);
        services.AddFeedSources(configuration);
        services.AddHostedService<RetentionSweeper>();
        if (storage.Provider == StorageProvider.Sqlite)
        {
            services.TryAddSingleton<SqliteDatabase>();
            services.TryAddSingleton<IFeedStore, SqliteFeedStore>();
            services.TryAddSingleton<IArticleStore, SqliteArticleStore>();
            services.TryAddSingleton<ISourceStore, SqliteSourceStore>();
            services.TryAddSingleton<IReminderTable, SqliteReminderTable>();
            services.TryAddSingleton<IStoreProbe, SqliteStoreProbe>();
        }
        else
        {
            services.TryAddSingleton<RedisConnection>();
            services.TryAddSingleton<RedisArticleStore>();
            services.TryAddSingleton<IArticleStore>(sp => sp.GetRequiredService<RedisArticleStore>());
            services.TryAddSingleton<IFeedStore, RedisFeedStore>();
            services.TryAddSingleton<ISourceStore, RedisSourceStore>();
            services.TryAddSingleton<IStoreProbe, RedisStoreProbe>();
            services.UseRedisReminderService(o => o.ConfigurationOptions = ConfigurationOptions.Parse(storage.RedisConnection));
        }
        return services;
    }

    /// <summary>
    /// <see cref="FeedOptions"/>: read by grains, and by web fronts for the rules that tie their own limits to the
    /// grains' (a web front in client mode has no silo but the same configuration).
    /// </summary>
    public static IServiceCollection AddFeedOptions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddValidatedOptions<FeedOptions, FeedOptionsValidator>(configuration, FeedOptions.Section);

    /// <summary>Source grains' helpers: fetching through the address policy, the poll schedule, the poller, and durable reminders.</summary>
    private static IServiceCollection AddFeedSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SourcesOptions, SourcesOptionsValidator>(configuration, SourcesOptions.Section);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SourcesOptions>>();
            var http = new HttpClient(SafeHttpHandler.Create(new AddressPolicy(options.Value.AllowPrivateAddresses)))
            {
                Timeout = Timeout.InfiniteTimeSpan, // the fetcher applies Feed:Sources:FetchTimeout itself
            };
            return new SourceFetcher(http, options, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<PollSchedule>(sp => new PollSchedule(sp.GetRequiredService<IOptions<SourcesOptions>>()));
        services.TryAddSingleton<SourcePoller>();
        services.AddReminders();
        // The wake-up reminder may be shorter than Orleans' one-minute minimum when an operator asks for it.
        services.AddOptions<ReminderOptions>().Configure<IOptions<SourcesOptions>>((reminders, sources) =>
        {
            if (sources.Value.WakeUpInterval < reminders.MinimumReminderPeriod) reminders.MinimumReminderPeriod = sources.Value.WakeUpInterval;
        });
        services.AddHostedService<ConfiguredSources>();
        return services;
    }

    /// <summary>
    /// Intake, tagging and the feed catalog with their options: needed by silos and by web fronts, which check
    /// and tag articles themselves (also when they are cluster clients with no silo of their own).
    /// </summary>
    public static IServiceCollection AddFeedTagging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PublishingOptions, PublishingOptionsValidator>(configuration, PublishingOptions.Section);
        services.AddValidatedOptions<TaggingOptions, TaggingOptionsValidator>(configuration, TaggingOptionsValidator.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FeedMetrics>();
        services.TryAddSingleton(_ => FeedCatalog.Default);
        services.TryAddSingleton(sp => new ArticleTagger(TaggingData.Default,
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TaggingOptions>>().Value));
        services.TryAddSingleton<ArticleIntake>();
        return services;
    }
}
