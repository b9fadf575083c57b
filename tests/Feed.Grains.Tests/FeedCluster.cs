using Feed.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Feed.Grains.Tests;

/// <summary>
/// Two in-process silos sharing one temporary SQLite file, as a small real cluster would share storage. Sources may
/// be served from 127.0.0.1 (tests serve their documents there).
/// </summary>
public sealed class FeedCluster : IAsyncLifetime
{
    public const int HistoryLimit = 50;
    public const int CachedItems = 10;

    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, string?> _overrides;
    private readonly bool _keepFolder;
    private readonly Action<IServiceCollection>? _services;

    public FeedCluster() : this(NewFolder()) { }

    internal static string NewFolder() => Path.Combine(Path.GetTempPath(), "feed-grain-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>A cluster over the SQLite file in <paramref name="folder"/>; with <paramref name="keepFolder"/> the file outlives it, for restarts.</summary>
    /// <paramref name="services"/> are registered before Feed's own, so they take the place of Feed's (a store that fails on cue).
    internal FeedCluster(string folder, IReadOnlyDictionary<string, string?>? overrides = null, bool keepFolder = false, Action<IServiceCollection>? services = null)
    {
        _folder = folder;
        _overrides = overrides ?? new Dictionary<string, string?>();
        _keepFolder = keepFolder;
        _services = services;
    }

    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(_folder, "feed.db"),
            ["Feed:HistoryLimit"] = HistoryLimit.ToString(),
            ["Feed:CachedItems"] = CachedItems.ToString(),
            ["Feed:Sources:AllowPrivateAddresses"] = "true",
            ["Feed:Sources:MinPollInterval"] = "00:00:01",
        };
        foreach (var (key, value) in _overrides) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            _services?.Invoke(silo.Services);
            silo.Services.AddFeedGrainServices(configuration);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_keepFolder) return;
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>A feed key no other test uses, so tests share the cluster without sharing feeds.</summary>
    public static string FreshTopicFeed() => "topic:" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(10).ToArray()).PadRight(3, 'x');

    public static Article Article(string id, params string[] feeds) => new()
    {
        Id = id,
        Headline = "Headline " + id,
        Body = "Body of " + id,
        PublishedAt = DateTime.UtcNow,
        Feeds = feeds,
    };
}

[CollectionDefinition(Name)]
public sealed class FeedClusterCollection : ICollectionFixture<FeedCluster>
{
    public const string Name = "feed cluster";
}
