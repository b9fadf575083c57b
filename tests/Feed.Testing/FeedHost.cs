using Feed.WebFront;
using Feed.WebFront.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Feed.Testing;

/// <summary>
/// The real web front with its embedded silo on free loopback ports and a SQLite file of its own.
/// <see cref="RestartAsync"/> stops it and starts a new one on the same ports over the same file.
/// </summary>
public sealed class FeedHost : IAsyncDisposable
{
    public const string PublisherKey = "test-publisher-key";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<WebApplicationBuilder>? _configure;
    private WebApplication? _app;

    private FeedHost(Dictionary<string, string?> settings, string folder, Action<WebApplicationBuilder>? configure)
    {
        _settings = settings;
        Folder = folder;
        _configure = configure;
    }

    public string Folder { get; }
    public Uri BaseAddress => new(_settings["Urls"]! + "/");
    public IServiceProvider Services => _app!.Services;
    public FeedRelay Relay => Services.GetRequiredService<FeedRelay>();

    /// <summary>The embedded silo's gateway port, for clients that publish straight to the silo (the load tool's silo target).</summary>
    public int GatewayPort => int.Parse(_settings["Orleans:GatewayPort"]!, System.Globalization.CultureInfo.InvariantCulture);

    /// <param name="configure">Runs on the builder before the web front adds its own services (which then keep a test's replacements).</param>
    public static async Task<FeedHost> StartAsync(IDictionary<string, string?>? overrides = null, Action<WebApplicationBuilder>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "feed-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Orleans:SiloPort"] = FreePort.Next().ToString(),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(),
            ["Storage:SqlitePath"] = Path.Combine(folder, "feed.db"),
            ["Feed:PublisherKeys:0"] = PublisherKey,
            ["Feed:Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        var host = new FeedHost(settings, folder, configure);
        await host.StartAppAsync();
        return host;
    }

    private async Task StartAppAsync()
    {
        _app = FeedWebApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(_settings);
            builder.Logging.ClearProviders();
            _configure?.Invoke(builder);
        });
        await _app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    /// <summary>
    /// Starts the web front again after <see cref="StopAsync"/>, on the same ports over the same file:
    /// the second half of <see cref="RestartAsync"/>, for tests that look at what clients do while it is down.
    /// </summary>
    public async Task StartAgainAsync()
    {
        if (_app is not null) throw new InvalidOperationException("The host is running; call StopAsync first.");
        await StartAppAsync();
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAppAsync();
    }

    public HttpClient CreateHttpClient(bool withKey = true)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (withKey) client.DefaultRequestHeaders.Add("X-Api-Key", PublisherKey);
        return client;
    }

    /// <summary>Waits until this node's relay has handed every stored item of these feeds to its connections.</summary>
    public async Task WaitUntilRelayedAsync(params string[] feeds)
    {
        var grains = Services.GetRequiredService<IGrainFactory>();
        foreach (var feed in feeds)
        {
            var head = (await grains.GetGrain<IFeedGrain>(feed).Read(null, 0)).Head;
            await Eventually.TrueAsync(() => Relay.CursorOf(feed) >= head, TimeSpan.FromSeconds(10),
                $"the relay of {feed} to reach seq {head} (it is at {Relay.CursorOf(feed)})");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
