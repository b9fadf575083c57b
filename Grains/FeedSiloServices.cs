using Feed.Grains.Storage;
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
        services.AddOptions<FeedOptions>().Bind(configuration.GetSection(FeedOptions.Section))
            .Validate(o => o.HistoryLimit >= 1 && o.CachedItems >= 0 && o.MaxReadLimit >= 1,
                "Feed:HistoryLimit and Feed:MaxReadLimit must be at least 1, Feed:CachedItems at least 0.")
            .ValidateOnStart();
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddFeedTagging(configuration);
        services.AddFeedSources(configuration);
        var provider = configuration.GetSection(StorageOptions.Section)[nameof(StorageOptions.Provider)] ?? "Sqlite";
        if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            services.TryAddSingleton<SqliteDatabase>();
            services.TryAddSingleton<IFeedStore, SqliteFeedStore>();
            services.TryAddSingleton<IArticleStore, SqliteArticleStore>();
            services.TryAddSingleton<ISourceStore, SqliteSourceStore>();
            services.TryAddSingleton<IReminderTable, SqliteReminderTable>();
        }
        else if (provider.Equals("Redis", StringComparison.OrdinalIgnoreCase))
        {
            services.TryAddSingleton<RedisConnection>();
            services.TryAddSingleton<RedisArticleStore>();
            services.TryAddSingleton<IArticleStore>(sp => sp.GetRequiredService<RedisArticleStore>());
            services.TryAddSingleton<IFeedStore, RedisFeedStore>();
            services.TryAddSingleton<ISourceStore, RedisSourceStore>();
            var redis = configuration.GetSection(StorageOptions.Section)[nameof(StorageOptions.RedisConnection)];
            services.UseRedisReminderService(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis ?? ""));
        }
        else
        {
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not supported; use Sqlite or Redis.");
        }
        return services;
    }

    /// <summary>Source grains' helpers: fetching through the address policy, the poll schedule, the poller, and durable reminders.</summary>
    private static IServiceCollection AddFeedSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SourcesOptions>().Bind(configuration.GetSection(SourcesOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SourcesOptions>, SourcesOptionsValidator>();
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
        services.Configure<PublishingOptions>(configuration.GetSection(PublishingOptions.Section));
        services.Configure<TaggingOptions>(configuration.GetSection("Feed:Tagging"));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => FeedCatalog.Default);
        services.TryAddSingleton(sp => new ArticleTagger(TaggingData.Default,
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TaggingOptions>>().Value));
        services.TryAddSingleton<ArticleIntake>();
        return services;
    }
}
